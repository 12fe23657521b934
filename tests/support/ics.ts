// Reads an iCalendar file back with ical.js (Mozilla's RFC 5545 parser, used by Thunderbird), as a
// calendar would: the tests of app/domain/messages/ics.ts, of the interview e-mail and of the
// graduate journey check what a calendar shows, not the text the portal wrote.
import ICAL from "ical.js";

export type ParsedIcs = {
  method: string | null;
  prodid: string | null;
  version: string | null;
  uid: string;
  sequence: number;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  /** The time zone DTSTART names, and the instant it means (UTC ISO) once the file's VTIMEZONE is applied. */
  startTzid: string | null;
  start: string;
  end: string;
  /** DTSTART as written, in its own zone: "2027-02-15T10:00:00". */
  startLocal: string;
  stamp: string;
  organizer: string | null;
  attendee: string | null;
  status: string | null;
  timezoneIds: string[];
};

export function parseIcs(text: string): ParsedIcs {
  const root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  const zones = root.getAllSubcomponents("vtimezone");
  for (const z of zones) ICAL.TimezoneService.register(new ICAL.Timezone(z));
  const vevent = root.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT in the file");
  const event = new ICAL.Event(vevent);
  const str = (c: InstanceType<typeof ICAL.Component>, name: string) => {
    const v = c.getFirstPropertyValue(name);
    return v === null || v === undefined ? null : String(v);
  };
  const dtstart = vevent.getFirstProperty("dtstart");
  return {
    method: str(root, "method"),
    prodid: str(root, "prodid"),
    version: str(root, "version"),
    uid: event.uid,
    sequence: event.sequence,
    summary: event.summary,
    description: event.description,
    location: event.location ?? null,
    url: str(vevent, "url"),
    startTzid: (dtstart?.getParameter("tzid") as string | undefined) ?? null,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    startLocal: event.startDate.toString(),
    stamp: (vevent.getFirstPropertyValue("dtstamp") as InstanceType<typeof ICAL.Time>).toJSDate().toISOString(),
    organizer: str(vevent, "organizer"),
    attendee: str(vevent, "attendee"),
    status: str(vevent, "status"),
    timezoneIds: zones.map((z) => String(z.getFirstPropertyValue("tzid"))),
  };
}
