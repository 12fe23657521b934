// The daily digests and their runner (docs/product.md §13, docs/decisions/053-message-preferences-and-digests.md),
// with a fixed clock: a job runs once per Bishkek day from the set hour, a restart the same day
// writes nothing, the next day covers what came since; the digests' content (saved searches,
// employers' new applications, what waits for staff) and nothing when there is nothing to say;
// one digest e-mail delivered over real SMTP and parsed back.
import { describe, expect, it } from "vitest";
import { readUnsubscribeToken } from "~/auth/unsubscribe-token.server";
import { decodeItems, digestLines } from "~/domain/messages/digest";
import { parseBoardQuery } from "~/domain/vacancies/board-query";
import { serverT } from "~/i18n/catalog.server";
import { savePreferences } from "~/models/message-preferences.server";
import { createSavedSearch } from "~/models/saved-searches.server";
import { DAILY_JOBS, scheduledJobs } from "~/server/scheduled-jobs";
import { addCompanyMember, makeApplication, makeCompany, makeGraduate, makeUser, makeVacancy } from "../support/factories";
import { aheadOfNow, OUTBOX_SECRET, useOutboxHarness } from "../support/outbox-harness";

const h = useOutboxHarness();

// 09:00 in Bishkek on 10 March 2026 (UTC+6); the digests are set for 08:00.
const MORNING = new Date("2026-03-10T03:00:00.000Z");
const HOUR = 8;

const outbox = () => h.c.db.selectFrom("outbox").selectAll().orderBy("id").execute();

async function graduateWithSearch(query: string, name: string) {
  const g = await makeGraduate(h.c, { firstName: "Айпери", lastName: "Жумабекова", account: true });
  await createSavedSearch(h.c.db, g.userId!, parseBoardQuery(query), name);
  return g.userId!;
}

async function openVacancy(title: string, publishedAt: string, companyName = "Ала-Тоо Софт") {
  const owner = await makeUser(h.c, "employer");
  const companyId = await makeCompany(h.c, owner.id, { status: "verified", name: companyName });
  return { owner, companyId, vacancyId: await makeVacancy(h.c, companyId, { title, publishedAt }) };
}

function runner(at: () => Date, jobs = DAILY_JOBS) {
  return scheduledJobs(h.c.db, { hour: HOUR, now: at, jobs, log: () => undefined });
}

describe("the runner: once per Bishkek day from the set hour", () => {
  it("nothing before the hour; once at the hour; a second check and a restart the same day write nothing; the next day covers what came since", async () => {
    const userId = await graduateWithSearch("", "Всё");
    await openVacancy("Junior frontend-разработчик", "2026-03-09T10:00:00.000Z");
    const savedOnly = DAILY_JOBS.filter((j) => j.name === "saved-search-digest");
    let clock = new Date("2026-03-10T01:30:00.000Z"); // 07:30 in Bishkek
    const first = runner(() => clock, savedOnly);
    expect(await first.runDue()).toEqual({ "saved-search-digest": null });
    expect(await outbox()).toHaveLength(0);

    clock = MORNING;
    expect(await first.runDue()).toEqual({ "saved-search-digest": 1 });
    expect(await first.runDue()).toEqual({ "saved-search-digest": null });
    await first.stop();
    // A restart later the same day: the run's row is there, nothing is written.
    clock = new Date("2026-03-10T11:00:00.000Z");
    const restarted = runner(() => clock, savedOnly);
    expect(await restarted.runDue()).toEqual({ "saved-search-digest": null });
    const rows = await outbox();
    expect(rows.map((r) => [r.kind, r.user_id, r.idem_key])).toEqual([["saved-search-digest", userId, `saved-search-digest.2026-03-10.${userId}.email`]]);
    expect(await h.c.db.selectFrom("scheduled_job_runs").selectAll().execute()).toEqual([
      expect.objectContaining({ job: "saved-search-digest", day: "2026-03-10", until: MORNING.toISOString(), queued: 1 }),
    ]);

    // The next morning lists only what was published since the last run.
    await openVacancy("QA тестировщик", "2026-03-10T20:00:00.000Z", "Бишкек Тех");
    clock = new Date("2026-03-11T03:00:00.000Z");
    expect(await restarted.runDue()).toEqual({ "saved-search-digest": 1 });
    const next = (await outbox())[1]!;
    expect(next.idem_key).toBe(`saved-search-digest.2026-03-11.${userId}.email`);
    expect(decodeItems(JSON.parse(next.payload_json) as Record<string, string>).map((i) => i.vars.title)).toEqual(["QA тестировщик"]);
    await restarted.stop();
  });

  it("a run goes batch by batch, each batch committed with its progress; a run that fails mid-way resumes after the last committed batch, still once that day (decision 062)", async () => {
    const readers: number[] = [];
    for (let i = 0; i < 5; i++) readers.push(await graduateWithSearch("", `Всё ${i}`));
    await openVacancy("Junior frontend-разработчик", "2026-03-09T10:00:00.000Z");
    const real = DAILY_JOBS.find((j) => j.name === "saved-search-digest")!;
    let failAt: number | null = 2;
    let batches = 0;
    const flaky = [
      {
        ...real,
        queueFor: async (...args: Parameters<typeof real.queueFor>) => {
          batches++;
          const n = await real.queueFor(...args);
          if (batches === failAt) throw new Error("disk full");
          return n;
        },
      },
    ];
    const r = scheduledJobs(h.c.db, { hour: HOUR, now: () => MORNING, jobs: flaky, log: () => undefined, batch: 2 });
    await expect(r.runDue()).rejects.toThrow("disk full");
    // The first batch (two readers) is kept, the failed one is not; the run is recorded unfinished after the first batch.
    expect((await outbox()).map((o) => o.user_id)).toEqual(readers.slice(0, 2));
    expect(await h.c.db.selectFrom("scheduled_job_runs").select(["job", "day", "after_user", "queued", "finished_at"]).execute()).toEqual([
      { job: "saved-search-digest", day: "2026-03-10", after_user: readers[1], queued: 2, finished_at: null },
    ]);
    failAt = null;
    expect(await r.runDue()).toEqual({ "saved-search-digest": 5 });
    expect((await outbox()).map((o) => o.user_id)).toEqual(readers);
    expect(await r.runDue()).toEqual({ "saved-search-digest": null });
    const [run] = await h.c.db.selectFrom("scheduled_job_runs").selectAll().execute();
    expect(run).toMatchObject({ after_user: readers[4], queued: 5, until: MORNING.toISOString() });
    expect(run!.finished_at).not.toBeNull();
  });
});

describe("what the digests say", () => {
  it("saved searches: one message per graduate listing each matching vacancy once, only for graduates in digest mode", async () => {
    const digestReader = await graduateWithSearch("", "Всё");
    await createSavedSearch(h.c.db, digestReader, parseBoardQuery("q=Python"), "Python");
    const atOnce = await graduateWithSearch("", "Всё сразу");
    await savePreferences(h.c.db, atOnce, { "saved-searches": { email: true, telegram: false, mode: "instant" } });
    await openVacancy("Junior frontend-разработчик", "2026-03-09T10:00:00.000Z");
    await openVacancy("Python-разработчик", "2026-03-09T12:00:00.000Z", "Бишкек Тех");
    // Published before the window (more than a day ago): not listed.
    await openVacancy("Старая вакансия", "2026-03-08T10:00:00.000Z");
    expect(await runner(() => MORNING).runDue()).toMatchObject({ "saved-search-digest": 1 });
    const rows = (await outbox()).filter((r) => r.kind === "saved-search-digest");
    expect(rows.map((r) => r.user_id)).toEqual([digestReader]);
    const vars = JSON.parse(rows[0]!.payload_json) as Record<string, string | number>;
    expect(vars.n).toBe(2);
    const lines = digestLines(serverT("ru"), vars, "http://portal.test");
    expect(lines.map((l) => l.text).sort()).toEqual([
      "Junior frontend-разработчик — Ала-Тоо Софт (поиск «Всё»)",
      "Python-разработчик — Бишкек Тех (поиск «Всё»)",
    ]);
    expect(lines.every((l) => /^http:\/\/portal\.test\/vacancies\/\d+$/.test(l.url ?? ""))).toBe(true);
  });

  it("employers: the day's applications to their company, one message per member in digest mode, none for a member reading them at once", async () => {
    const { owner, companyId, vacancyId } = await openVacancy("Junior frontend-разработчик", "2026-03-09T10:00:00.000Z");
    const colleague = await makeUser(h.c, "employer");
    await addCompanyMember(h.c, companyId, colleague.id);
    await savePreferences(h.c.db, owner.id, { "new-applications": { email: true, telegram: true, mode: "digest" } });
    const g1 = await makeGraduate(h.c, { firstName: "Айпери", lastName: "Жумабекова", account: true });
    const g2 = await makeGraduate(h.c, { firstName: "Бакыт", lastName: "Асанов", account: true });
    await makeApplication(h.c, vacancyId, g1.graduateId);
    await makeApplication(h.c, vacancyId, g2.graduateId);
    // The applications came in yesterday evening (the events and their notices carry the time).
    await h.c.db.updateTable("application_events").set({ created_at: "2026-03-09T15:00:00.000Z" }).execute();
    await h.c.db.updateTable("notifications").set({ created_at: "2026-03-09T15:00:00.000Z" }).execute();
    expect(await runner(() => MORNING).runDue()).toMatchObject({ "applications-digest": 1 });
    const rows = (await outbox()).filter((r) => r.kind === "applications-digest");
    expect(rows.map((r) => r.user_id)).toEqual([owner.id]);
    const lines = digestLines(serverT("en"), JSON.parse(rows[0]!.payload_json) as Record<string, string>, "http://portal.test");
    expect(lines.map((l) => l.text)).toEqual(["Айпери Жумабекова — “Junior frontend-разработчик”", "Бакыт Асанов — “Junior frontend-разработчик”"]);
    expect(lines[0]!.url).toMatch(/^http:\/\/portal\.test\/employer\/applications\/\d+$/);
  });

  it("staff: the counts of what waits, with links; nothing at all on a day when nothing waits", async () => {
    const staff = await makeUser(h.c, "staff");
    const admin = await makeUser(h.c, "admin");
    expect(await runner(() => MORNING).runDue()).toMatchObject({ "staff-digest": 0 });
    expect((await outbox()).filter((r) => r.kind === "staff-digest")).toEqual([]);

    const owner = await makeUser(h.c, "employer");
    await makeCompany(h.c, owner.id, "pending");
    const other = await makeUser(h.c, "employer");
    const verified = await makeCompany(h.c, other.id, "verified");
    await makeVacancy(h.c, verified, { status: "submitted" });
    await makeVacancy(h.c, verified, { status: "submitted" });
    const nextMorning = new Date(MORNING.getTime() + 86_400_000);
    expect(await runner(() => nextMorning).runDue()).toMatchObject({ "staff-digest": 2 });
    const rows = (await outbox()).filter((r) => r.kind === "staff-digest");
    expect(rows.map((r) => r.user_id).sort()).toEqual([staff.id, admin.id].sort());
    const lines = digestLines(serverT("ky"), JSON.parse(rows[0]!.payload_json) as Record<string, string>, "http://portal.test");
    expect(lines).toEqual([
      { text: "Тастыктала турган компаниялар: 1", url: "http://portal.test/staff/companies" },
      { text: "Текшериле турган вакансиялар: 2", url: "http://portal.test/staff/vacancies" },
    ]);
  });
});

describe("a digest e-mail over real SMTP", () => {
  it("arrives in the reader's language with its lines in the plain text and as links in the HTML", async () => {
    await h.startSmtp();
    const userId = await graduateWithSearch("", "Всё");
    await h.c.db.updateTable("users").set({ locale: "ky", display_name: "Айпери Жумабекова" }).where("id", "=", userId).execute();
    const { vacancyId } = await openVacancy("Junior frontend-разработчик", "2026-03-09T10:00:00.000Z");
    await runner(() => MORNING).runDue();
    // Ahead of the wall clock: the rows just written are due.
    expect(await h.deliverOnce({ now: aheadOfNow })).toMatchObject({ sent: 1 });
    const [mail] = await h.smtp.waitFor(1);
    expect(mail!.parsed.subject).toBe("Сакталган издөөлөр боюнча жаңы вакансиялар: 1");
    expect(mail!.parsed.text).toContain("Сакталган издөөлөрүңүзгө ылайык жаңы вакансиялар: 1.");
    expect(mail!.parsed.text).toContain(`• Junior frontend-разработчик — Ала-Тоо Софт («Всё» издөөсү)\n  http://portal.test/vacancies/${vacancyId}`);
    expect(mail!.parsed.html).toContain(
      `<li><a href="http://portal.test/vacancies/${vacancyId}">Junior frontend-разработчик — Ала-Тоо Софт («Всё» издөөсү)</a></li>`,
    );
    // Its unsubscribe link turns off the saved-searches topic on e-mail, the setting the account page shows.
    const unsubscribe = mail!.parsed.headerLines.find((header) => header.key === "list-unsubscribe")?.line.replace(/\s+/g, "") ?? "";
    const token = /^List-Unsubscribe:<http:\/\/portal\.test\/unsubscribe\/([A-Za-z0-9_.-]+)\?lng=ky>$/.exec(unsubscribe)?.[1] ?? "";
    expect(readUnsubscribeToken(token, OUTBOX_SECRET)).toEqual({ userId, kind: "saved-search-digest", channel: "email" });
  });
});
