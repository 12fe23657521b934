// An iCalendar file (RFC 5545) for one event: the interview attached to its e-mail (docs/product.md
// §13, §15; docs/decisions/056-interview-messages.md). Pure. Times are written in Asia/Bishkek with
// its VTIMEZONE (UTC+6 all year, no daylight saving: docs/product.md §4), so a calendar shows the
// time the employer set whatever the reader's own zone. uid, sequence and method are inputs: an
// update or a cancellation (issue 18) is the same UID with a higher SEQUENCE.
import { bishkekWallClockIso } from "~/domain/calendar";

export type IcsMethod = "REQUEST" | "CANCEL";

export type IcsPerson = { name: string; email: string };

export type IcsEvent = {
  method: IcsMethod;
  /** Stable for the event across updates ("interview-12@portal.example.kg"). */
  uid: string;
  /** 0 for the first invitation; each update or cancellation raises it. */
  sequence: number;
  /** When this version of the event was made (UTC ISO). The same message rebuilt gives the same file. */
  stamp: string;
  /** Start and end, UTC ISO instants. */
  start: string;
  end: string;
  summary: string;
  description: string;
  /** A place, or a video link (written as LOCATION and as URL). */
  location: string | null;
  url: string | null;
  organizer: IcsPerson | null;
  attendee: IcsPerson | null;
};

export const ICS_PRODID = "-//IT Cluster Careers//Placement portal//EN";
const TZID = "Asia/Bishkek";

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, any line break as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** A parameter value (CN=…): quoted, with the characters a quoted value may not hold removed (RFC 5545 §3.1). */
function paramValue(value: string): string {
  return `"${value.replace(/["\u0000-\u001f\u007f]/g, "")}"`;
}

function utf8Octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line at 75 octets (RFC 5545 §3.1): CRLF and a space, never inside a UTF-8
 * character (a Cyrillic letter is 2 octets, an emoji 4). A continuation's leading space counts.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = utf8Octets(ch.codePointAt(0)!);
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

/** A UTC instant as Bishkek local time, "20270215T100000". */
export function bishkekLocal(iso: string): string {
  return utcBasic(new Date(bishkekWallClockIso(iso))).slice(0, 15);
}

/** "20270215T040000Z". */
export function utcBasic(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

const isHttpUrl = (s: string) => /^https?:\/\/\S+$/i.test(s.trim());

/** The place as the file holds it: a link is the event's URL too (video calls). */
export function placeFields(place: string): { location: string; url: string | null } {
  const trimmed = place.trim();
  return { location: trimmed, url: isHttpUrl(trimmed) ? trimmed : null };
}

export function buildIcs(e: IcsEvent): string {
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    `PRODID:${ICS_PRODID}`,
    "VERSION:2.0",
    "CALSCALE:GREGORIAN",
    `METHOD:${e.method}`,
    "BEGIN:VTIMEZONE",
    `TZID:${TZID}`,
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0600",
    "TZOFFSETTO:+0600",
    "TZNAME:+06",
    "END:STANDARD",
    "END:VTIMEZONE",
    "BEGIN:VEVENT",
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${utcBasic(new Date(e.stamp))}`,
    `DTSTART;TZID=${TZID}:${bishkekLocal(e.start)}`,
    `DTEND;TZID=${TZID}:${bishkekLocal(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    `DESCRIPTION:${escapeText(e.description)}`,
  ];
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  if (e.organizer) lines.push(`ORGANIZER;CN=${paramValue(e.organizer.name)}:mailto:${e.organizer.email}`);
  if (e.attendee) lines.push(`ATTENDEE;CN=${paramValue(e.attendee.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=FALSE:mailto:${e.attendee.email}`);
  lines.push(`STATUS:${e.method === "CANCEL" ? "CANCELLED" : "CONFIRMED"}`, "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
