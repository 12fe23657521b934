// The interview's messages as pure rules (app/domain/messages/interview.ts,
// docs/decisions/056-interview-messages.md): when the reminder is due, the time in the reader's
// words, which messages carry a calendar file, and the Telegram text.
import { describe, expect, it } from "vitest";
import { interviewCalendar, interviewWords, reminderDueAt } from "~/domain/messages/interview";
import { composeTelegram } from "~/domain/messages/telegram";
import { serverT } from "~/i18n/catalog.server";
import { parseIcs } from "../support/ics";

const vars = {
  vacancy: "Junior QA",
  company: "Ала-Тоо Софт",
  at: "2027-03-01T12:30:00.000Z", // 18:30 in Bishkek
  place: "https://meet.example.kg/qa",
  application: 7,
  sequence: 2,
  stamp: "2027-02-20T08:00:00.000Z",
};

describe("interview messages", () => {
  it("the reminder is due 24 hours before; none when the interview is 24 hours away or nearer", () => {
    expect(reminderDueAt("2027-03-01T12:30:00.000Z", new Date("2027-02-20T08:00:00.000Z"))).toBe("2027-02-28T12:30:00.000Z");
    expect(reminderDueAt("2027-03-01T12:30:00.000Z", new Date("2027-02-28T12:29:59.000Z"))).toBe("2027-02-28T12:30:00.000Z");
    expect(reminderDueAt("2027-03-01T12:30:00.000Z", new Date("2027-02-28T12:30:00.000Z"))).toBeNull();
    expect(reminderDueAt("2027-03-01T12:30:00.000Z", new Date("2027-03-01T10:00:00.000Z"))).toBeNull();
  });

  it("writes the day in the reader's language and the time on Bishkek's clock (a late evening in UTC is the next day there)", () => {
    expect(interviewWords("ky", vars)).toMatchObject({ date: "2027-ж., 1-март", time: "18:30" });
    expect(interviewWords("ru", vars)).toMatchObject({ date: "1 марта 2027 г.", time: "18:30" });
    const lateUtc = { ...vars, at: "2027-03-01T19:00:00.000Z" };
    expect(interviewWords("en", lateUtc)).toMatchObject({ date: "2 March 2027", time: "01:00" });
    expect(interviewWords("en", { status: "screening" })).toEqual({ status: "screening" }); // nothing to word
  });

  it("only the details carry a calendar file, and only with the interview's variables", () => {
    const base = { link: "/me/applications/7", publicUrl: "https://careers.example.kg", organizer: null, attendee: null };
    expect(interviewCalendar(serverT("en"), "en", { ...base, kind: "interview-reminder", vars })).toBeNull();
    expect(interviewCalendar(serverT("en"), "en", { ...base, kind: "application-status", vars })).toBeNull();
    expect(interviewCalendar(serverT("en"), "en", { ...base, kind: "interview-details", vars: { ...vars, at: "not a time" } })).toBeNull();
    const file = interviewCalendar(serverT("ru"), "ru", { ...base, kind: "interview-details", vars })!;
    expect(file.contentType).toBe("text/calendar; charset=utf-8; method=REQUEST");
    const ics = parseIcs(file.content);
    expect([ics.uid, ics.sequence, ics.startLocal, ics.url]).toEqual([
      "interview-7@careers.example.kg",
      2,
      "2027-03-01T18:30:00",
      "https://meet.example.kg/qa",
    ]);
    expect(ics.summary).toBe("Собеседование: Junior QA (Ала-Тоо Софт)");
    expect(ics.description).toContain("https://careers.example.kg/me/applications/7");
    // Rebuilt from the row alone (DTSTAMP is the stored stamp): a delivery repeated after a crash attaches the same file.
    expect(interviewCalendar(serverT("ru"), "ru", { ...base, kind: "interview-details", vars })!.content).toBe(file.content);
    expect(ics.stamp).toBe("2027-02-20T08:00:00.000Z");
  });

  it("Telegram gets the sentence in the reader's language with the time in words, and the link back", () => {
    const text = composeTelegram(serverT("ky"), {
      lang: "ky",
      kind: "interview-reminder",
      vars,
      link: "/me/applications/7",
      publicUrl: "https://careers.example.kg",
    });
    expect(text).toContain("Эскертүү: Ала-Тоо Софт компаниясындагы «Junior QA» боюнча аңгемелешүү 2027-ж., 1-мартта саат 18:30 болот (Бишкек убактысы).");
    expect(text).toContain("https://careers.example.kg/me/applications/7");
    expect(text).not.toContain("2027-03-01T12:30");
  });
});
