// The interview's messages (docs/decisions/056-interview-messages.md): moving an application to
// "interview" writes the details (e-mail with an .ics, Telegram without it) and a reminder due 24 hours
// before, in the move's transaction; the reminder is cancelled when the application leaves the stage
// or the interview moves, and is not expired for having been written days ahead. Real SMTP
// (smtp-server in this process, mailparser), the Bot API stand-in, and a fixed clock for the worker.
import { describe, expect, it } from "vitest";
import { invite, move, withdraw } from "~/models/applications.server";
import { queueInterviewMessages } from "~/models/interview-messages.server";
import { parseIcs } from "../support/ics";
import { OUTBOX_PUBLIC_URL as PUBLIC_URL, useOutboxHarness } from "../support/outbox-harness";

/** 15 February 2027, 10:00 in Bishkek: what the employer typed. */
const AT = "2027-02-15T04:00:00.000Z";
const REMINDER_DUE = "2027-02-14T04:00:00.000Z";
const PLACE = "Бишкек, ул. Токтогула 120, офис 4";
const HOUR = 3_600_000;

const h = useOutboxHarness({ smtp: true });

/** An application in screening at "Ала-Тоо Софт", of a graduate whose account speaks `locale`. */
async function scene(locale: "ky" | "ru" | "en" = "ky") {
  const { employer, companyId, vacancyId, graduateId, user } = await h.employerAndGraduate(locale);
  const invited = await invite(h.c.db, companyId, vacancyId, { id: graduateId }, employer.id);
  const applicationId = (invited as { id: number }).id;
  await h.c.db.updateTable("applications").set({ status: "screening" }).where("id", "=", applicationId).execute();
  await h.c.db.deleteFrom("outbox").execute(); // the invitation's own message is outbox-email.test.ts's subject
  return { employer, companyId, applicationId, user, graduate: { id: graduateId, first_name: "Айпери", last_name: "Жумабекова" } };
}

type Scene = Awaited<ReturnType<typeof scene>>;

const toInterview = (s: Scene, at = AT, place = PLACE) =>
  move(
    h.c.db,
    s.companyId,
    s.applicationId,
    { to: "interview", note: null, interviewAt: at, interviewPlace: place, startDate: null, monthlyPay: null },
    s.employer.id,
  );
const toStage = (s: Scene, to: "offer" | "rejected") =>
  move(h.c.db, s.companyId, s.applicationId, { to, note: null, interviewAt: null, interviewPlace: null, startDate: null, monthlyPay: null }, s.employer.id);

const rows = () => h.c.db.selectFrom("outbox").selectAll().orderBy("id").execute();

describe("moving to interview writes the details and the reminder", () => {
  it("in the move's transaction: the details due now, the reminder due 24 hours before the interview, instead of a bare stage message", async () => {
    const s = await scene();
    const before = Date.now();
    expect((await toInterview(s)).ok).toBe(true);
    const written = await rows();
    expect(written.map((r) => [r.kind, r.channel, r.status])).toEqual([
      ["interview-details", "email", "queued"],
      ["interview-reminder", "email", "queued"],
    ]);
    const [details, reminder] = written;
    expect(Date.parse(details!.next_attempt_at)).toBeGreaterThanOrEqual(before - 1000);
    expect(details!.due_at).toBeNull();
    expect(reminder!.next_attempt_at).toBe(REMINDER_DUE);
    expect(reminder!.due_at).toBe(REMINDER_DUE);
    const vars = JSON.parse(details!.payload_json) as Record<string, unknown>;
    expect(vars).toMatchObject({
      vacancy: "Junior frontend-разработчик",
      company: "Ала-Тоо Софт",
      at: AT,
      place: PLACE,
      application: s.applicationId,
      sequence: 0,
    });
    expect(JSON.parse(reminder!.payload_json)).toEqual(vars);
    expect(details!.link).toBe(`/me/applications/${s.applicationId}`);
  });

  it("an interview less than 24 hours away gets its details and no reminder", async () => {
    const s = await scene();
    const soon = new Date(Date.now() + 20 * HOUR).toISOString();
    expect((await toInterview(s, soon)).ok).toBe(true);
    expect((await rows()).map((r) => r.kind)).toEqual(["interview-details"]);
  });

  it("a linked Telegram chat gets the details and the reminder as text, in the person's language, without a file", async () => {
    await h.startTelegram();
    const s = await scene("ru");
    await h.c.db.insertInto("telegram_links").values({ user_id: s.user.id, chat_id: 4242001 }).execute();
    await toInterview(s);
    expect((await rows()).map((r) => [r.kind, r.channel, r.next_attempt_at === REMINDER_DUE])).toEqual([
      ["interview-details", "email", false],
      ["interview-details", "telegram", false],
      ["interview-reminder", "email", true],
      ["interview-reminder", "telegram", true],
    ]);
    await h.startWorker().runOnce();
    const sent = h.telegram.sent();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.text).toContain(
      "Собеседование по вакансии «Junior frontend-разработчик» в Ала-Тоо Софт: 15 февраля 2027 г., 10:00 (время Бишкека). Место: Бишкек, ул. Токтогула 120, офис 4.",
    );
    expect(sent[0]!.text).toContain(`${PUBLIC_URL}/me/applications/${s.applicationId}`);
    expect(h.telegram.calls.map((call) => call.method)).not.toContain("sendDocument");
  });
});

describe("the details e-mail over real SMTP", () => {
  it.each([
    [
      "ky",
      "Аңгемелешүү: «Junior frontend-разработчик», 2027-ж., 15-февралда саат 10:00",
      "Ала-Тоо Софт сизди «Junior frontend-разработчик» вакансиясы боюнча аңгемелешүүгө чакырат: 2027-ж., 15-февралда саат 10:00 (Бишкек убактысы). Орду: Бишкек, ул. Токтогула 120, офис 4.",
      "Аңгемелешүү: Junior frontend-разработчик (Ала-Тоо Софт)",
    ],
    [
      "ru",
      "Собеседование по вакансии «Junior frontend-разработчик»: 15 февраля 2027 г., 10:00",
      "Собеседование по вакансии «Junior frontend-разработчик» в Ала-Тоо Софт: 15 февраля 2027 г., 10:00 (время Бишкека). Место: Бишкек, ул. Токтогула 120, офис 4.",
      "Собеседование: Junior frontend-разработчик (Ала-Тоо Софт)",
    ],
    [
      "en",
      "Interview for “Junior frontend-разработчик”: 15 February 2027, 10:00",
      "Interview for “Junior frontend-разработчик” at Ала-Тоо Софт: 15 February 2027, 10:00 (Bishkek time). Place: Бишкек, ул. Токтогула 120, офис 4.",
      "Interview: Junior frontend-разработчик (Ала-Тоо Софт)",
    ],
  ] as const)("in the graduate's language (%s), with the .ics (text/calendar; method=REQUEST) read back", async (lang, subject, sentence, summary) => {
    const s = await scene(lang);
    await toInterview(s);
    expect(await h.startWorker().runOnce()).toMatchObject({ claimed: 1, sent: 1 }); // the reminder is not due yet
    const [mail] = await h.smtp.waitFor(1);
    expect(mail!.rcpt).toEqual([s.user.email]);
    expect(mail!.parsed.subject).toBe(subject);
    expect(mail!.parsed.text).toContain(sentence);
    expect(mail!.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    const attachments = mail!.parsed.attachments.filter((a) => a.contentType === "text/calendar");
    expect(attachments.map((a) => a.filename)).toEqual(["interview.ics"]);
    const ics = parseIcs(attachments[0]!.content.toString("utf8"));
    expect(ics.method).toBe("REQUEST");
    expect(ics.uid).toBe(`interview-${s.applicationId}@portal.test`);
    expect(ics.sequence).toBe(0);
    expect(ics.startTzid).toBe("Asia/Bishkek");
    expect(ics.startLocal).toBe("2027-02-15T10:00:00");
    expect(ics.start).toBe(AT);
    expect(ics.end).toBe("2027-02-15T05:00:00.000Z");
    expect(ics.summary).toBe(summary);
    expect(ics.description).toContain(sentence);
    expect(ics.description).toContain(`${PUBLIC_URL}/me/applications/${s.applicationId}`);
    expect(ics.location).toBe(PLACE);
    expect(ics.organizer).toBe("mailto:careers@portal.test");
    expect(ics.attendee).toBe(`mailto:${s.user.email}`);
  });

  it("a video link is the calendar entry's URL", async () => {
    const s = await scene("en");
    await toInterview(s, AT, "https://meet.example.kg/alatoo-frontend");
    await h.startWorker().runOnce();
    const [mail] = await h.smtp.waitFor(1);
    const ics = parseIcs(mail!.parsed.attachments.find((a) => a.contentType === "text/calendar")!.content.toString("utf8"));
    expect([ics.location, ics.url]).toEqual(["https://meet.example.kg/alatoo-frontend", "https://meet.example.kg/alatoo-frontend"]);
  });
});

describe("the reminder the day before", () => {
  it("goes when due, 24 hours before, though written weeks earlier: its age counts from when it was due", async () => {
    const s = await scene("ky");
    await toInterview(s);
    await h.startWorker().runOnce();
    await h.smtp.waitFor(1);
    h.clock = new Date(Date.parse(REMINDER_DUE) - 60_000);
    expect(await h.worker.runOnce()).toMatchObject({ claimed: 0, expired: 0 });
    // An hour late (a server that was down), the reminder is still sent, not expired.
    h.clock = new Date(Date.parse(REMINDER_DUE) + HOUR);
    expect(await h.worker.runOnce()).toMatchObject({ claimed: 1, sent: 1, expired: 0 });
    const [, reminder] = await h.smtp.waitFor(2);
    expect(reminder!.parsed.subject).toBe("Эскертүү: «Junior frontend-разработчик» боюнча аңгемелешүү 2027-ж., 15-февралда саат 10:00");
    expect(reminder!.parsed.text).toContain(
      "Эскертүү: Ала-Тоо Софт компаниясындагы «Junior frontend-разработчик» боюнча аңгемелешүү 2027-ж., 15-февралда саат 10:00 болот (Бишкек убактысы).",
    );
    expect(reminder!.parsed.attachments).toEqual([]); // the calendar already has the entry
    expect((await rows()).map((r) => [r.kind, r.status])).toEqual([
      ["interview-details", "sent"],
      ["interview-reminder", "sent"],
    ]);
  });

  it("more than 48 hours after it was due it expires like any stale message", async () => {
    const s = await scene();
    await toInterview(s);
    h.clock = new Date(Date.parse(REMINDER_DUE) + 49 * HOUR);
    expect(await h.startWorker().runOnce()).toMatchObject({ expired: 2 });
  });

  it.each([
    ["the employer moves it on to an offer", (s: Scene) => toStage(s, "offer")],
    ["the employer rejects it", (s: Scene) => toStage(s, "rejected")],
    ["the graduate withdraws", (s: Scene) => withdraw(h.c.db, s.graduate, s.applicationId, null, s.user.id)],
  ])("is cancelled when the application leaves the interview stage: %s", async (_title, leave) => {
    const s = await scene();
    await toInterview(s);
    expect((await leave(s)).ok).toBe(true);
    const reminder = (await rows()).find((r) => r.kind === "interview-reminder")!;
    expect([reminder.status, reminder.last_error]).toEqual(["not_sent", "cancelled"]);
    h.clock = new Date(Date.parse(REMINDER_DUE) + 60_000);
    expect(await h.startWorker().runOnce()).toMatchObject({ sent: 0 });
    expect(h.smtp.rcptAttempts.filter((a) => a === s.user.email).length).toBeLessThanOrEqual(1); // the details at most, never the reminder
  });

  it("when the interview moves, the earlier reminder is cancelled and the new time gets its own, with the calendar entry's SEQUENCE raised", async () => {
    const s = await scene();
    await toInterview(s);
    // Issue 18 will let employers move an interview; the model call is already the one it will use.
    const later = "2027-02-16T08:30:00.000Z";
    const { id: eventId } = await h.c.db
      .insertInto("application_events")
      .values({
        application_id: s.applicationId,
        from_status: "interview",
        to_status: "interview",
        actor_user_id: s.employer.id,
        interview_at: later,
        interview_place: PLACE,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await queueInterviewMessages(h.c.db, {
      applicationId: s.applicationId,
      userId: s.user.id,
      eventId,
      vacancy: "Junior frontend-разработчик",
      company: "Ала-Тоо Софт",
      at: later,
      place: PLACE,
      now: new Date(),
    });
    const written = await rows();
    expect(written.map((r) => [r.kind, r.status, r.last_error, r.next_attempt_at === "2027-02-15T08:30:00.000Z"])).toEqual([
      ["interview-details", "queued", null, false],
      ["interview-reminder", "not_sent", "cancelled", false],
      ["interview-details", "queued", null, false],
      ["interview-reminder", "queued", null, true],
    ]);
    expect(JSON.parse(written[2]!.payload_json)).toMatchObject({ at: later, sequence: 1 });
  });
});
