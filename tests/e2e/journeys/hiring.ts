// The hiring journey of issue 18 in a real browser (docs/product.md §15, decisions 058–061): the
// employer (Russian, JavaScript on, desktop) reads the new applications off the dashboard, rejects 10
// applicants with a reason template in one action, invites the other 2 to an interview with slots; a
// graduate (Kyrgyz, 360×740, JavaScript off) picks a slot, the employer moves the interview, the
// graduate picks again, accepts the offer, and the placement office (English) sees the hire among the
// graduate's outcomes. Every message is read over real SMTP at the test's server, each candidate's in
// their own language: the template's text, the proposal, the .ics (same UID, higher SEQUENCE).
// The company, vacancy, 12 graduates and their applications are set up with the shared factories
// (db/factories, docs/decisions/039-shared-factories.md) on the server's copy of the demo data before
// it starts (hiringSetUp); the employer's and the graduate's steps all go through the pages.
import path from "node:path";
import { type Connection, openDatabase } from "@db/connection";
import { makeApplication, makeCohort, makeCompany, makeGraduate, makeVacancy } from "@db/factories";
import type { Lang } from "@db/schema";
import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES } from "~/domain/applications/bulk";
import { nextDay, todayInBishkek } from "~/domain/calendar";
import { formatDateTime, formatKgs } from "~/i18n/format";
import { makeT } from "~/i18n/translate";
import { createUser } from "~/models/users.server";
import { expectText, expectTextContaining, hasChromium } from "../../support/browser";
import type { ServerAndBrowser } from "../../support/e2e";
import { parseIcs } from "../../support/ics";
import type { Received, TestSmtp } from "../../support/smtp";
import { type Actor, catalogs, openActor, screenshots, signInAs, signInWithCookie } from "../../support/journey-steps";

const PASSWORD = "hiring-journey-2026";
const COMPANY = "Ала-Тоо Тест Лаб";
const VACANCY = "Стажёр-тестировщик (Ала-Тоо Тест Лаб)";

/** 12 applicants: the first 10 are rejected (their languages spread over all three), the last 2 invited. */
const APPLICANTS: readonly { first: string; last: string; lang: Lang }[] = [
  { first: "Бакыт", last: "Осмонов", lang: "ky" },
  { first: "Алина", last: "Петрова", lang: "ru" },
  { first: "Daniyar", last: "Sadykov", lang: "en" },
  { first: "Нуриза", last: "Асанбекова", lang: "ky" },
  { first: "Тимур", last: "Ким", lang: "ru" },
  { first: "Aida", last: "Bekova", lang: "en" },
  { first: "Элмира", last: "Токтогулова", lang: "ky" },
  { first: "Руслан", last: "Ибраимов", lang: "ru" },
  { first: "Aziz", last: "Kasymov", lang: "en" },
  { first: "Жибек", last: "Сатыбалдиева", lang: "ky" },
  // Invited: the graduate on the phone (Kyrgyz), and a second one.
  { first: "Асель", last: "Жумабаева", lang: "ky" },
  { first: "Эрлан", last: "Мамбетов", lang: "ru" },
];
const emailOf = (i: number) => `hiring18-${i + 1}@mail.kg`;
const nameOf = (a: { first: string; last: string }) => `${a.first} ${a.last}`;

type World = { employerEmail: string; vacancyId: number; graduateIds: number[]; applicationIds: number[] };

/** The set-up: a verified company with its Russian-speaking recruiter, an open vacancy, 12 graduates with accounts who applied. */
async function makeWorld(c: Connection): Promise<World> {
  const { db } = c;
  const employerEmail = "recruiter@alatoo-testlab.kg";
  const owner = await createUser(db, { email: employerEmail, password: PASSWORD, role: "employer", displayName: "Гульнара Эсенова", locale: "ru" });
  const companyId = await makeCompany(db, owner, { status: "verified", name: COMPANY, city: "Бишкек" });
  const vacancyId = await makeVacancy(db, companyId, {
    title: VACANCY,
    city: "Бишкек",
    description: "<p>Ручное и автоматизированное тестирование веб-приложений вместе с наставником.</p>",
  });
  const cohortId = await makeCohort(db);
  const graduateIds: number[] = [];
  const applicationIds: number[] = [];
  for (const [i, a] of APPLICANTS.entries()) {
    // The account's language is the one its messages are written in (docs/product.md §13), as sign-up stores it.
    const userId = await createUser(db, { email: emailOf(i), password: PASSWORD, role: "graduate", displayName: nameOf(a), locale: a.lang });
    const { graduateId } = await makeGraduate(db, { cohortId, firstName: a.first, lastName: a.last, account: userId });
    graduateIds.push(graduateId);
    applicationIds.push(await makeApplication(db, vacancyId, graduateId));
  }
  return { employerEmail, vacancyId, graduateIds, applicationIds };
}

/** A Bishkek wall-clock time `days` ahead at `hh:mm`, as the datetime-local field takes it, and the instant it means (UTC+6, no DST). */
function slotAt(days: number, hhmm: string) {
  let date = todayInBishkek();
  for (let d = 0; d < days; d++) date = nextDay(date);
  const local = `${date}T${hhmm}`;
  return { local, utc: new Date(Date.parse(`${local}:00.000Z`) - 6 * 3_600_000).toISOString() };
}

/** What the graduate's slot choice reads (interview-slots.tsx, slotLabel). */
const slotLabel = (lang: Lang, startUtc: string, minutes: number) =>
  `${formatDateTime(lang, startUtc)} – ${formatDateTime(lang, new Date(Date.parse(startUtc) + minutes * 60_000).toISOString()).slice(-5)}`;

/** The message to the address with this subject, once it has arrived (the worker sends within about a second of the event). */
async function mailFor(smtp: TestSmtp, address: string, subject: string, timeoutMs = 20_000): Promise<Received> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const got = smtp.received.filter((r) => r.rcpt.includes(address));
    const hit = got.find((r) => r.parsed.subject === subject);
    if (hit) return hit;
    if (Date.now() > until)
      throw new Error(`no e-mail "${subject}" to ${address} at the test SMTP server; got: ${got.map((r) => r.parsed.subject).join(" | ")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function icsOf(mail: Received) {
  const files = mail.parsed.attachments.filter((a) => a.contentType === "text/calendar");
  expect(files, `one calendar file in "${mail.parsed.subject}"`).toHaveLength(1);
  return parseIcs(files[0]!.content.toString("utf8"));
}

/**
 * The journey's people and applications, written by `prepare` into the data folder the shared server
 * then starts on (tests/support/e2e.ts): written while the server's worker writes, a factory's
 * transaction could meet "database is locked" (a read turning into a write in another process's wake).
 */
export function hiringSetUp() {
  const setUp = {
    world: null as World | null,
    prepare: async (dataDir: string) => {
      const c = openDatabase(path.join(dataDir, "portal.sqlite"));
      try {
        setUp.world = await makeWorld(c);
      } finally {
        c.sqlite.close();
      }
    },
  };
  return setUp;
}

/** Registered by tests/e2e/journeys.test.ts, which starts the server, browser and SMTP server the journeys share. */
export function hiringJourney(env: ServerAndBrowser, setUp: ReturnType<typeof hiringSetUp>): void {
  describe.skipIf(!hasChromium)("hiring journey in a real browser (issue 18)", () => {
    it("dashboard → reject 10 with a template → invite 2 with slots → pick on a phone → reschedule → offer accepted → staff outcomes", async () => {
      const { server, browser } = env;
      const smtp = env.smtp!;
      const world = setUp.world!;
      const { vacancyId, applicationIds, graduateIds } = world;
      const rejected = APPLICANTS.slice(0, 10);
      const [phone, other] = [APPLICANTS[10]!, APPLICANTS[11]!];
      const phoneEmail = emailOf(10);
      const phoneApplication = applicationIds[10]!;

      // The three people, each in a browser of their own shape and language.
      const e = await openActor(browser, server, { js: true, width: 1280, height: 800, lang: "ru" });
      const g = await openActor(browser, server, { js: false, width: 360, height: 740, lang: "ky" });
      const s = await openActor(browser, server, { js: true, width: 1280, height: 800, lang: "en" });
      const eShot = screenshots("hiring-employer", { index: 0, js: true, width: 1280, height: 800, lang: "ru" });
      const gShot = screenshots("hiring-graduate", { index: 0, js: false, width: 360, height: 740, lang: "ky" });
      const tE = makeT(e.m, "ru");
      const tG = makeT(g.m, "ky");
      try {
        // 1. The employer signs in and lands on the dashboard: the vacancy shows 12 new applications.
        await signInAs(e, world.employerEmail, PASSWORD);
        expect(new URL(e.page.url()).pathname).toBe("/employer");
        const card = e.page.locator("main li.card", { has: e.page.locator(`a[href="/employer/vacancies/${vacancyId}"]`) });
        const newLink = card.locator(`a[href="/employer/applicants?vacancy=${vacancyId}&status=applied"]`);
        await expectText(newLink, tE("dash.stage.applied", { n: "12" }));
        await eShot(e, "dashboard");

        // 2. The new applications of the vacancy: check the first 10, reject them with the first reason template.
        await Promise.all([e.page.waitForURL((u) => u.pathname === "/employer/applicants" && u.searchParams.get("status") === "applied"), newLink.click()]);
        await e.page.waitForSelector('body[data-nav-state="idle"]');
        const bulk = e.page.locator("main form[method='post']", { has: e.page.locator(".applicants-table") });
        for (const a of rejected) await bulk.getByLabel(nameOf(a), { exact: true }).check();
        await bulk.getByLabel(e.m["applicants.bulk.template"]).selectOption({ index: 1 });
        await e.submit(e.m["applicants.bulk.reject"], bulk);
        expect(new URL(e.page.url()).pathname).toMatch(/^\/employer\/bulk-actions\/\d+$/);
        // Told it can be undone (the notice was set and dropped before, tests/unit/flash-keys.test.ts).
        await expectText(e.page.getByRole("status").first(), e.m["applicants.flash.bulkDone"]);
        await expectTextContaining(e.page.locator("main"), tE("applicants.result.summary", { n: "10", status: e.m["applications.status.rejected"] }));
        await eShot(e, "rejected-10");
        // Each of the 10 histories shows the rejection, with the template in that candidate's language.
        for (const [i, a] of rejected.entries()) {
          await e.goto(`/employer/applications/${applicationIds[i]}`);
          const last = e.page.locator(".application-history li").last();
          await expectTextContaining(last, `${e.m["applications.status.applied"]} → ${e.m["applications.status.rejected"]}`);
          await expectTextContaining(last, DEFAULT_TEMPLATES[0]![`text_${a.lang}`]);
        }
        // The rejection arrives over SMTP in each one's language (one per language checked).
        for (const i of [0, 1, 2]) {
          const a = rejected[i]!;
          const t = makeT(catalogs[a.lang], a.lang);
          const mail = await mailFor(smtp, emailOf(i), t("mail.subject.application-rejected", { vacancy: VACANCY }));
          expect(mail.parsed.headers.get("content-language")).toBe(a.lang);
          expect(mail.parsed.text).toContain(DEFAULT_TEMPLATES[0]![`text_${a.lang}`]);
        }

        // 3. The other 2: back to the list, check them, "invite to an interview" → the slot form with both → 3 slots.
        await e.goto(`/employer/vacancies/${vacancyId}/applicants`);
        const list = e.page.locator("main form[method='post']", { has: e.page.locator(".applicants-table") });
        for (const a of [phone, other]) await list.getByLabel(nameOf(a), { exact: true }).check();
        await Promise.all([
          e.page.waitForURL((u) => u.pathname === "/employer/interviews/new"),
          list.getByRole("button", { name: e.m["applicants.bulk.invite"], exact: true }).click(),
        ]);
        await e.page.waitForSelector('body[data-nav-state="idle"]');
        const invitedTo = new URL(e.page.url()).searchParams.getAll("application").map(Number).sort();
        expect(invitedTo).toEqual([applicationIds[10], applicationIds[11]].sort());
        for (const a of [phone, other]) await expectTextContaining(e.page.locator("main ul"), nameOf(a));
        const slots = [slotAt(10, "10:00"), slotAt(10, "14:30"), slotAt(11, "11:00")];
        for (const [i, slot] of slots.entries()) await e.page.getByLabel(e.m[`interviews.slot${i + 1}` as "interviews.slot1"]).fill(slot.local);
        await e.page.getByLabel(e.m["interviews.minutes"]).fill("45");
        await e.page.getByLabel(e.m["interviews.place"]).fill("Бишкек, ул. Ибраимова 115, 3-этаж");
        await e.submit(e.m["interviews.propose.submit"]);
        expect(new URL(e.page.url()).pathname).toBe("/employer/applicants");
        await expectText(e.page.getByRole("status").first(), e.m["flash.interviewProposed"]);
        await eShot(e, "slots-proposed");

        // 4. The graduate (Kyrgyz, phone, JavaScript off): the proposal's e-mail links to the application; pick the second slot.
        const proposal = await mailFor(smtp, phoneEmail, tG("mail.subject.interview-proposed", { vacancy: VACANCY }));
        expect(proposal.parsed.headers.get("content-language")).toBe("ky");
        const link = proposal.parsed.text!.match(/https?:\/\/\S+(\/me\/applications\/\d+)/)?.[1];
        expect(link).toBe(`/me/applications/${phoneApplication}`);
        // The other invited candidate's proposal is in their own language (Russian).
        await mailFor(smtp, emailOf(11), makeT(catalogs[other.lang], other.lang)("mail.subject.interview-proposed", { vacancy: VACANCY }));
        await signInAs(g, phoneEmail, PASSWORD);
        await g.goto(link!);
        const pick = g.page.locator("section[aria-labelledby='slots-title']");
        await expectText(pick.locator("h2"), g.m["interviews.pick.title"]);
        // "What happens next" asks for the choice the card below offers (it said "come at the time below", journey18).
        await expectText(g.page.locator(".next-steps p"), tG("applications.next.interviewChoose", { company: COMPANY }));
        await pick.getByLabel(slotLabel("ky", slots[1]!.utc, 45), { exact: true }).check();
        await gShot(g, "interview-card");
        await g.submit(g.m["interviews.pick.submit"], pick);
        expect(new URL(g.page.url()).pathname).toBe(link);
        await expectText(g.page.getByRole("status").first(), g.m["flash.interviewPicked"]);
        await expectTextContaining(g.page.locator("section[aria-labelledby='slots-title']"), formatDateTime("ky", slots[1]!.utc));
        await gShot(g, "interview-confirmed");
        // The confirmation carries the calendar entry (its subject's date is worded per language; the .ics is what a calendar reads).
        const first = icsOf(await mailWithIcs(smtp, phoneEmail, 1));
        expect(first.method).toBe("REQUEST");
        expect(first.uid).toMatch(/\S+@\S+/);
        expect(first.startLocal).toBe(`${slots[1]!.local}:00`);
        expect(first.start).toBe(slots[1]!.utc);

        // 5. The employer moves the interview: proposes again with a reason; the graduate picks the new time.
        await e.goto(`/employer/applications/${phoneApplication}`);
        await Promise.all([
          e.page.waitForURL((u) => u.pathname === "/employer/interviews/new"),
          e.page.getByRole("link", { name: e.m["interviews.propose.again"], exact: true }).click(),
        ]);
        await e.page.waitForSelector('body[data-nav-state="idle"]');
        const moved = slotAt(12, "16:00");
        await e.page.getByLabel(e.m["interviews.slot1"]).fill(moved.local);
        await e.page.getByLabel(e.m["interviews.minutes"]).fill("45");
        await e.page.getByLabel(e.m["interviews.place"]).fill("Бишкек, ул. Ибраимова 115, 3-этаж");
        await e.page.getByLabel(e.m["interviews.reason"]).fill("Руководитель отдела в этот день в командировке.");
        await e.submit(e.m["interviews.propose.submit"]);
        expect(new URL(e.page.url()).pathname).toBe(`/employer/applications/${phoneApplication}`);
        await mailFor(smtp, phoneEmail, tG("mail.subject.interview-rescheduled", { vacancy: VACANCY }));
        await g.goto(link!);
        const again = g.page.locator("section[aria-labelledby='slots-title']");
        await expectTextContaining(again, "Руководитель отдела в этот день в командировке.");
        await again.getByLabel(slotLabel("ky", moved.utc, 45), { exact: true }).check();
        await g.submit(g.m["interviews.pick.submit"], again);
        await expectText(g.page.getByRole("status").first(), g.m["flash.interviewPicked"]);
        const second = icsOf(await mailWithIcs(smtp, phoneEmail, 2));
        expect(second.method).toBe("REQUEST");
        expect(second.uid).toBe(first.uid);
        expect(second.sequence).toBeGreaterThan(first.sequence);
        expect(second.start).toBe(moved.utc);

        // 6. The offer: start date, pay, answer-by; the graduate accepts it on the phone → hired.
        await e.goto(`/employer/applications/${phoneApplication}`);
        await Promise.all([
          e.page.waitForURL((u) => u.pathname === `/employer/applications/${phoneApplication}/offer`),
          e.page.getByRole("link", { name: e.m["offers.make.link"], exact: true }).click(),
        ]);
        await e.page.waitForSelector('body[data-nav-state="idle"]');
        const startDate = slotAt(30, "09:00").local.slice(0, 10);
        const answerBy = slotAt(7, "09:00").local.slice(0, 10);
        await e.page.getByLabel(e.m["offers.startDate"]).fill(startDate);
        await e.page.getByLabel(e.m["offers.monthlyPay"]).fill("42000");
        await e.page.getByLabel(e.m["offers.answerBy"]).fill(answerBy);
        await e.submit(e.m["offers.make.submit"]);
        await expectText(e.page.locator("main .pill").first(), e.m["applications.status.offer"]);
        await eShot(e, "offer-made");
        await mailFor(smtp, phoneEmail, tG("mail.subject.offer-made", { vacancy: VACANCY, company: COMPANY }));
        await g.goto(link!);
        const offer = g.page.locator("section[aria-labelledby='offer-title']");
        await expectTextContaining(offer, tG("offers.pay", { pay: formatKgs("ky", 42000) }));
        // …and for an open offer, to answer it here (it said "agree the terms; the company records the hire", journey18).
        await expectText(g.page.locator(".next-steps p"), tG("applications.next.offerAnswer", { company: COMPANY }));
        await gShot(g, "offer-card");
        await g.submit(g.m["offers.accept.submit"], offer);
        await expectText(g.page.locator("main .pill").first(), g.m["applications.status.hired"]);
        await gShot(g, "hired");

        // 7. The placement office (English) sees the hire on the graduate's outcomes record.
        await signInWithCookie(s, "staff@demo.kg");
        await s.goto(`/staff/outcomes/graduates/${graduateIds[10]}`);
        await expectText(s.page.locator("main h1"), makeT(s.m, "en")("outcomes.graduate.title", { name: nameOf(phone) }));
        await expectTextContaining(s.page.locator("main"), makeT(s.m, "en")("outcomes.graduate.employer", { name: COMPANY }));
        await expectTextContaining(s.page.locator("main"), s.m["outcomes.code.employed"]);

        for (const a of [e, g, s] as Actor[]) expect(a.errors, `errors in the browser (${a.lang})`).toEqual([]);
      } finally {
        await Promise.all([e.close(), g.close(), s.close()]);
      }
    }, 180_000);
  });
}

/** The `n`-th message to the address that carries a calendar file. */
async function mailWithIcs(smtp: TestSmtp, address: string, n: number, timeoutMs = 20_000): Promise<Received> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const got = smtp.received.filter((r) => r.rcpt.includes(address) && r.parsed.attachments.some((a) => a.contentType === "text/calendar"));
    if (got.length >= n) return got[n - 1]!;
    if (Date.now() > until) throw new Error(`expected ${n} e-mails with a calendar file to ${address}, got ${got.length}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
