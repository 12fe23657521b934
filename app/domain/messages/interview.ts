// The interview's messages (docs/product.md §13, §15; docs/decisions/056-interview-messages.md): the
// details when an application moves to "interview" (with an .ics file on the e-mail) and a reminder
// due 24 hours before it. Pure: what the outbox row keeps, when the reminder is due, the time in the
// reader's words, and the calendar file rebuilt from the row at delivery.
import { bishkekWallClockIso } from "~/domain/calendar";
import type { Lang } from "~/i18n/negotiate";
import { formatDate } from "~/i18n/format";
import type { T } from "~/i18n/translate";
import { buildIcs, type IcsPerson, placeFields } from "./ics";

export const INTERVIEW_DETAILS = "interview-details";
export const INTERVIEW_REMINDER = "interview-reminder";
// Interviews proposed as slots (docs/decisions/061-interview-slots-and-offers.md): the graduate's and
// the company's messages. Those naming a time carry an .ics with the interview's own UID.
export const INTERVIEW_PROPOSED = "interview-proposed";
export const INTERVIEW_RESCHEDULED = "interview-rescheduled";
export const INTERVIEW_CONFIRMED = "interview-confirmed";
export const INTERVIEW_SLOT_PICKED = "interview-slot-picked";
export const INTERVIEW_ANOTHER_TIME = "interview-another-time";
export const INTERVIEW_CANCELLED = "interview-cancelled";
const SLOT_CALENDAR_METHOD: Record<string, "REQUEST" | "CANCEL"> = {
  [INTERVIEW_CONFIRMED]: "REQUEST",
  [INTERVIEW_SLOT_PICKED]: "REQUEST",
  [INTERVIEW_CANCELLED]: "CANCEL",
};
export const INTERVIEW_KINDS: readonly string[] = [
  INTERVIEW_DETAILS,
  INTERVIEW_REMINDER,
  INTERVIEW_PROPOSED,
  INTERVIEW_RESCHEDULED,
  INTERVIEW_CONFIRMED,
  INTERVIEW_SLOT_PICKED,
  INTERVIEW_ANOTHER_TIME,
  INTERVIEW_CANCELLED,
];

export const INTERVIEW = {
  /** The employer sets only a start; the calendar entry lasts an hour. */
  durationMs: 60 * 60_000,
  /** The reminder is due this long before the interview. */
  reminderBeforeMs: 24 * 3_600_000,
} as const;

/** What the outbox row keeps (payload vars): enough to write the text and rebuild the .ics at delivery. */
export type InterviewVars = {
  vacancy: string;
  company: string;
  /** The interview's start, UTC ISO. */
  at: string;
  place: string;
  /** The application: the calendar entry's UID, the same for its updates. */
  application: number;
  /** 0 for the first time set; one more for each later change (the .ics SEQUENCE). */
  sequence: number;
  /** When the interview was set (the .ics DTSTAMP), so a delivery repeated after a crash is the same file. */
  stamp: string;
};

/** When the reminder is due (UTC ISO), or null when the interview is less than 24 hours away: the details just sent say it. */
export function reminderDueAt(at: string, now: Date): string | null {
  const due = Date.parse(at) - INTERVIEW.reminderBeforeMs;
  return due > now.getTime() ? new Date(due).toISOString() : null;
}

/** "10:00": the Bishkek wall-clock time of an instant (UTC+6 all year, docs/product.md §4). */
export function bishkekTime(at: string): string {
  return bishkekWallClockIso(at).slice(11, 16);
}

/** The variables in the reader's words: the date in their language (its cases in the message) and the Bishkek time. */
export function interviewWords(lang: Lang, vars: Record<string, string | number>): Record<string, string | number> {
  const at = typeof vars.at === "string" ? vars.at : null;
  // An offer's start and answer-by days (decision 061) read as dates in the reader's language too.
  const days = Object.fromEntries(
    (["startDate", "answerBy"] as const).flatMap((k) =>
      typeof vars[k] === "string" && /^\d{4}-\d{2}-\d{2}$/.test(vars[k]) ? [[k, formatDate(lang, vars[k])]] : [],
    ),
  );
  if (!at || Number.isNaN(Date.parse(at))) return { ...vars, ...days };
  return { ...vars, ...days, date: formatDate(lang, at), time: bishkekTime(at) };
}

/** Offer messages name days (start, answer-by): read through interviewWords too. */
export const OFFER_KINDS: readonly string[] = ["offer-made", "offer-withdrawn", "offer-accepted", "offer-declined"];

export function isInterviewVars(vars: Record<string, string | number>): vars is InterviewVars {
  return (
    typeof vars.vacancy === "string" &&
    typeof vars.company === "string" &&
    typeof vars.at === "string" &&
    !Number.isNaN(Date.parse(vars.at)) &&
    typeof vars.place === "string" &&
    typeof vars.application === "number" &&
    typeof vars.sequence === "number" &&
    typeof vars.stamp === "string"
  );
}

export type CalendarAttachment = { filename: string; content: string; contentType: string };

/**
 * The .ics of an interview-details message in the reader's language, or null for any other message
 * (or a row without the interview's variables). METHOD:REQUEST; the UID names the application, so
 * issue 18's updates and cancellations replace this entry in the reader's calendar.
 */
export function interviewCalendar(
  t: T,
  lang: Lang,
  m: { kind: string; vars: Record<string, string | number>; link: string | null; publicUrl: string; organizer: IcsPerson | null; attendee: IcsPerson | null },
): CalendarAttachment | null {
  if (m.kind in SLOT_CALENDAR_METHOD) return slotCalendar(t, lang, m);
  if (m.kind !== INTERVIEW_DETAILS || !isInterviewVars(m.vars)) return null;
  const v = m.vars;
  const words = interviewWords(lang, v);
  const url = m.link ? new URL(m.link, m.publicUrl).href : m.publicUrl;
  const place = placeFields(v.place);
  const content = buildIcs({
    method: "REQUEST",
    uid: `interview-${v.application}@${new URL(m.publicUrl).hostname}`,
    sequence: v.sequence,
    stamp: v.stamp,
    start: v.at,
    end: new Date(Date.parse(v.at) + INTERVIEW.durationMs).toISOString(),
    summary: t("ics.interview.summary", words),
    description: `${t("notify.interview-details", words)}\n\n${url}`,
    location: place.location,
    url: place.url,
    organizer: m.organizer,
    attendee: m.attendee,
  });
  return { filename: "interview.ics", content, contentType: "text/calendar; charset=utf-8; method=REQUEST" };
}

/** What a slot interview's message keeps (payload vars): its own UID, length and SEQUENCE (decision 061). */
export type SlotInterviewVars = {
  vacancy: string;
  company: string;
  graduate: string;
  /** The confirmed start, UTC ISO. */
  at: string;
  minutes: number;
  place: string;
  application: number;
  /** The interviews row: the calendar entry's UID, the same for its updates and its cancellation. */
  interview: number;
  sequence: number;
  stamp: string;
};

export function isSlotInterviewVars(vars: Record<string, string | number>): vars is SlotInterviewVars {
  return (
    typeof vars.vacancy === "string" &&
    typeof vars.company === "string" &&
    typeof vars.graduate === "string" &&
    typeof vars.at === "string" &&
    !Number.isNaN(Date.parse(vars.at)) &&
    typeof vars.minutes === "number" &&
    typeof vars.place === "string" &&
    typeof vars.application === "number" &&
    typeof vars.interview === "number" &&
    typeof vars.sequence === "number" &&
    typeof vars.stamp === "string"
  );
}

/** The calendar entry's UID: one per interview, kept through every move and its cancellation. */
export function slotInterviewUid(interviewId: number, publicUrl: string): string {
  return `interview-slot-${interviewId}@${new URL(publicUrl).hostname}`;
}

/** The .ics of a confirmed (REQUEST), moved (REQUEST, higher SEQUENCE) or cancelled (CANCEL) slot interview. */
function slotCalendar(
  t: T,
  lang: Lang,
  m: { kind: string; vars: Record<string, string | number>; link: string | null; publicUrl: string; organizer: IcsPerson | null; attendee: IcsPerson | null },
): CalendarAttachment | null {
  const method = SLOT_CALENDAR_METHOD[m.kind];
  if (!method || !isSlotInterviewVars(m.vars)) return null;
  const v = m.vars;
  const words = interviewWords(lang, v);
  const url = m.link ? new URL(m.link, m.publicUrl).href : m.publicUrl;
  const place = placeFields(v.place);
  const sentenceKey = `notify.${m.kind}`;
  const content = buildIcs({
    method,
    uid: slotInterviewUid(v.interview, m.publicUrl),
    sequence: v.sequence,
    stamp: v.stamp,
    start: v.at,
    end: new Date(Date.parse(v.at) + v.minutes * 60_000).toISOString(),
    // The company's entry names the candidate; the graduate's names the company.
    summary: t(m.kind === INTERVIEW_SLOT_PICKED ? "ics.interview.summaryCompany" : "ics.interview.summary", words),
    description: `${t.has(sentenceKey) ? t(sentenceKey, words) : ""}\n\n${url}`,
    location: place.location,
    url: place.url,
    organizer: m.organizer,
    attendee: m.attendee,
  });
  const filename = method === "CANCEL" ? "interview-cancelled.ics" : "interview.ics";
  return { filename, content, contentType: `text/calendar; charset=utf-8; method=${method}` };
}
