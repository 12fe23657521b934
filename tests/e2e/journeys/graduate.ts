// The graduate's whole journey in a real browser (issue #8): invitation → profile → portfolio
// project with an image → publish (a visitor sees the public page and CV) → the employer invites
// them to a vacancy → job board search → apply → the employer moves the application to screening
// and sets an interview, and the graduate sees the new status → a follow-up survey link from the
// placement office, answered without signing in. Meanwhile the graduate's e-mail arrives over real
// SMTP at a server in the test process (issue 17, Done means): the invitation, the stage change and
// the interview with its .ics, read back, in the graduate's language. Two variants: JavaScript
// off at 360×740 in Kyrgyz, on at 1280×800 in English; the keyboard-only test below walks the first
// half with JavaScript on at 360×740 in Russian (docs/decisions/035-test-suite-speed.md, Session 9).
import sharp from "sharp";
import type { FileChooser, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectText, expectTextContaining, hasChromium, textOf } from "../../support/browser";
import type { ServerAndBrowser } from "../../support/e2e";
import { parseIcs } from "../../support/ics";
import type { Received, TestSmtp } from "../../support/smtp";
import { makeT } from "~/i18n/translate";
import {
  actorOn,
  addSkill,
  catalogs,
  dueCohortOf,
  enrolGraduate,
  helperOn,
  joinWithCode,
  journeyVariants,
  moveApplication,
  openStage,
  pressAndLand,
  readDb,
  screenshots,
  tabTo,
  variantTitle,
} from "../../support/journey-steps";

const PEOPLE = [
  { first: "Мээрим", last: "Абдраева", slug: "meerim-abdraeva" },
  { first: "Айгерим", last: "Сыдыкова", slug: "aygerim-sydykova" },
] as const;

/** Registered by tests/e2e/journeys.test.ts, which starts the server and browser the three journeys share. */
export function graduateJourney(env: ServerAndBrowser): void {
  describe.skipIf(!hasChromium)("graduate journey in a real browser", () => {
    let png: Buffer;
    /** The demo employer's first open vacancy: the one the graduates find on the board and apply to. */
    const openVacancyOfDemoEmployer = () =>
      readDb(
        env.server,
        (db) =>
          db
            .prepare(
              `select v.id, v.title, c.name as company from vacancies v join companies c on c.id = v.company_id
                  join company_members cm on cm.company_id = v.company_id join users u on u.id = cm.user_id
                  where u.email = 'employer@demo.kg' and v.status = 'open' and (v.deadline is null or v.deadline >= date('now')) order by v.id`,
            )
            .get() as { id: number; title: string; company: string },
      );
    beforeAll(async () => {
      png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 20, g: 110, b: 180 } } })
        .png()
        .toBuffer();
    });

    for (const v of journeyVariants(["ky", "en"])) {
      it(`invitation → profile → project → publish → search → apply → status → survey (${variantTitle(v)})`, async () => {
        const { server, browser } = env;
        const who = { ...PEOPLE[v.index]!, email: `${PEOPLE[v.index]!.slug}@mail.kg`, password: "my-secret-pass-1" };
        const fullName = `${who.first} ${who.last}`;
        const shot = screenshots("graduate", v);
        // A cohort whose +6 months checkpoint is due, so the placement office follows the graduate up.
        const cohortId = dueCohortOf(server, "pl-98-bishkek");
        // The demo employer's open vacancy the graduate will find on the board.
        const vacancy = openVacancyOfDemoEmployer();

        // One tab for everyone in this variant, each with their own cookies (journey-steps.ts, Stage).
        const stage = await openStage(browser, server, v);

        // 1. Invitation: staff enrol the graduate and hand over the code. (The placement
        // officer keeps their session for the follow-up at the end.)
        const staff = await actorOn(stage, "staff@demo.kg");
        const code = await enrolGraduate(staff, { cohortId, first: who.first, last: who.last });
        await shot(staff, "staff-enrol");

        const g = await actorOn(stage);
        const { m, page } = g;
        await joinWithCode(g, code, who);
        await shot(g, "joined");

        // 2. Profile basics, published to everyone.
        const basics = page.locator("form", { has: page.locator('input[name="intent"][value="basics"]') });
        await basics.getByLabel(m["profile.headline"]).fill("Junior frontend developer");
        await basics
          .getByLabel(m["profile.about"])
          .fill("Сделал(а) сайт гостевого дома и Telegram-бота расписания лицея. Ищу стажировку в компании ПВТ, готов(а) к переезду.");
        await basics.getByLabel(m["profile.city"]).fill("Бишкек");
        await basics.getByLabel(m["profile.visibility.public"]).check();
        await g.submit(m["common.save"], basics);
        await expectText(page.getByRole("status").first(), m["flash.saved"]);
        await shot(g, "profile-saved");
        await addSkill(g, "вёрстка", "HTML/CSS");
        await shot(g, "skill");

        // 3. A portfolio project with an image.
        await g.goto("/me/projects/new");
        await page.getByLabel(m["portfolio.field.title"]).fill("Сайт гостевого дома «Сон-Көл»");
        await page.getByLabel(m["portfolio.field.summary"]).fill("Лендинг с ценами и формой бронирования.");
        await page.getByLabel(m["portfolio.field.skills"]).fill("HTML\nCSS\nджаваскрипт");
        await g.submit(m["portfolio.create"]);
        expect(new URL(page.url()).pathname).toMatch(/^\/me\/projects\/\d+$/);
        await page.locator('input[type="file"][name="file"]').setInputFiles({ name: "screen.png", mimeType: "image/png", buffer: png });
        await page.getByLabel(m["portfolio.alt"]).fill("Главная страница сайта на телефоне");
        await g.submit(m["portfolio.uploadSubmit"]);
        const uploaded = page.locator('main img[alt="Главная страница сайта на телефоне"]');
        await uploaded.first().waitFor({ state: "attached", timeout: 10_000 });
        expect(await uploaded.count()).toBe(1);
        await shot(g, "project-image");

        // 4. Published: a visitor (no sign-in) opens the public page and the printable CV.
        const visitor = await actorOn(stage);
        await visitor.enter();
        const response = await visitor.page.goto(`${server.url}/g/${who.slug}?lng=${v.lang}`);
        expect(response?.status()).toBe(200);
        await expectText(visitor.page.locator("main h1"), fullName);
        expect(await visitor.page.locator("main").innerText()).toContain("Сайт гостевого дома «Сон-Көл»");
        const img = visitor.page.locator('main img[alt="Главная страница сайта на телефоне"]');
        expect(await img.count()).toBe(1);
        const image = await visitor.page.request.get(`${server.url}${await img.getAttribute("src")}`);
        expect(image.headers()["x-content-type-options"]).toBe("nosniff");
        expect(await visitor.page.locator('meta[name="robots"]').count()).toBe(0); // public pages may be indexed
        expect(await visitor.page.locator("main").innerText()).not.toContain(who.email); // contacts are never public
        await shot(visitor, "public-page");
        expect((await visitor.page.goto(`${server.url}/g/${who.slug}/cv`))?.status()).toBe(200);
        await expectText(visitor.page.locator("h1"), fullName);
        await shot(visitor, "public-cv");
        expect(visitor.errors).toEqual([]);
        await visitor.close();

        // 4b. The demo employer invites the graduate, from their public page, to the vacancy they will find.
        await helperOn(stage, "employer@demo.kg", async (employer) => {
          await employer.goto(`/g/${who.slug}`);
          const form = employer.page.locator("form.invite-form");
          await form.getByLabel(employer.m["applications.invite.vacancy"]).selectOption(String(vacancy.id));
          await employer.submit(form.locator('button[type="submit"]'), form);
          await expectText(employer.page.getByRole("status").first(), employer.m["flash.invitationSent"]);
        });

        // 5. Job board search.
        await g.goto("/vacancies");
        await page.getByLabel(m["vacancies.q"], { exact: true }).fill(vacancy.title);
        await g.search(m["vacancies.submit"], page.getByRole("search"), (u) => u.searchParams.get("q") === vacancy.title);
        const result = page.locator(`main a[href="/vacancies/${vacancy.id}"]`).first();
        await expectText(result, vacancy.title);
        await shot(g, "board-search");

        // 6. Apply.
        await Promise.all([page.waitForURL(new RegExp(`/vacancies/${vacancy.id}$`)), result.click()]);
        await expectText(page.locator("main h1"), vacancy.title);
        await Promise.all([page.waitForURL(/\/apply$/), page.getByRole("link", { name: m["vacancies.apply"] }).first().click()]);
        await page.getByLabel(m["applications.apply.note"]).fill("Саламатсызбы! Бишкектенмин, веб-иштеп чыгууну жакшы көрөм.");
        await g.submit(m["applications.apply.submit"]);
        expect(new URL(page.url()).pathname).toMatch(/^\/me\/applications\/\d+$/);
        await expectText(page.locator("main .pill").first(), m["applications.status.applied"]);
        await shot(g, "applied");

        // 7. The employer screens the application and sets an interview (15 February 2027, 10:00
        // Bishkek time); the graduate sees the new status.
        await helperOn(stage, "employer@demo.kg", async (employer) => {
          await moveApplication(employer, fullName, ["screening", "interview"]);
          await shot(employer, "employer-interview");
        });
        await g.goto("/me/applications");
        const card = page.locator("main li.card", { has: page.locator(`text=${vacancy.title}`) });
        await expectText(card.locator(".pill"), m["applications.status.interview"]);
        await shot(g, "status-changed");
        expect(g.errors).toEqual([]);
        await g.close();

        // 7b. Their e-mail, over real SMTP, in their language: the invitation, the stage change, the interview with its .ics.
        expectGraduateMail(await mailTo(env.smtp!, who.email, 3), { lang: v.lang, name: fullName, vacancy: vacancy.title, company: vacancy.company });

        // 8. The placement office makes a one-time survey link for the due checkpoint…
        await staff.goto(`/staff/outcomes/follow-up?cohort=${cohortId}`);
        const row = staff.page.locator(".follow-up-table tbody tr", { hasText: fullName });
        await expectText(row.locator(".pill"), staff.m["outcomes.followUp.due"]);
        await staff.submit(staff.m["outcomes.followUp.makeLink"], row);
        const surveyUrl = await textOf(staff.page.locator(".notice .survey-link"));
        expect(surveyUrl).toMatch(/\/survey\/[A-Za-z0-9_-]{43}$/);
        await shot(staff, "staff-survey-link");

        // …which the graduate opens without signing in and answers: a slip first, then right.
        const s = await actorOn(stage);
        await s.enter();
        expect((await s.page.goto(surveyUrl))?.status()).toBe(200);
        await expectText(s.page.locator("h1"), s.m["outcomes.survey.title"]);
        await s.page.getByLabel(s.m["outcomes.survey.code.employed"]).check();
        await s.page.getByLabel(s.m["outcomes.survey.jobTitle"]).fill("Верстальщик");
        await s.page.getByLabel(s.m["outcomes.survey.hours"]).fill("40");
        await s.page.getByLabel(s.m["outcomes.survey.monthlyPay"]).fill("көп");
        await s.submit(s.m["outcomes.survey.submit"]);
        await expectTextContaining(s.page.locator("main"), s.m["outcomes.errors.pay"]);
        expect(await s.page.getByLabel(s.m["outcomes.survey.jobTitle"]).inputValue()).toBe("Верстальщик");
        await shot(s, "survey-error");
        await s.page.getByLabel(s.m["outcomes.survey.employerName"]).fill("ОсОО «Ала-Тоо Софтлаб»");
        await s.page.getByLabel(s.m["outcomes.survey.startDate"]).fill("2026-02-01");
        await s.page.getByLabel(s.m["outcomes.survey.monthlyPay"]).fill("38 000");
        await s.page.getByRole("group", { name: s.m["outcomes.survey.related"] }).getByLabel(s.m["outcomes.related.yes"], { exact: true }).check();
        await s.submit(s.m["outcomes.survey.submit"]);
        await s.page.waitForURL(/\/survey\/thanks$/);
        await expectText(s.page.locator("h1"), s.m["outcomes.survey.thanksTitle"]);
        await shot(s, "survey-thanks");
        expect((await s.page.goto(surveyUrl))?.status()).toBe(410);
        await expectText(s.page.locator("h1"), s.m["outcomes.survey.usedTitle"]);
        expect((await s.page.goto(`${server.url}/survey/nope`))?.status()).toBe(404);
        expect(s.errors).toEqual([]);
        await s.close();

        // With the answer recorded, the graduate has left the follow-up list.
        await staff.goto(`/staff/outcomes/follow-up?cohort=${cohortId}`);
        await expectText(staff.page.locator("main h1"), staff.m["outcomes.followUp.title"]);
        expect(await staff.page.locator(".follow-up-table tbody tr", { hasText: fullName }).count()).toBe(0);
        expect(staff.errors).toEqual([]);
        await stage.close();
      }, 180_000);
    }

    // The main steps again with the keyboard alone (Tab, typing, Enter, Space), JavaScript on, phone, Russian.
    it("keyboard only: join → profile → project with image → board search → apply (JS on, 360×740, ru)", async () => {
      const { server, browser } = env;
      const v = { index: 4, js: true, width: 360, height: 740, lang: "ru" } as const;
      const who = { first: "Каныкей", last: "Жолдошева", email: "kanykey.j@mail.kg", password: "kanykey-secret-1" };
      const shot = screenshots("graduate-keyboard", v);
      const cohortId = dueCohortOf(server, "ipk-tokmok");
      const vacancy = openVacancyOfDemoEmployer();
      const stage = await openStage(browser, server, v);
      const code = await helperOn(stage, "staff@demo.kg", (staff) => enrolGraduate(staff, { cohortId, first: who.first, last: who.last }));

      const g = await actorOn(stage);
      const { m, page } = g;
      const field = (label: string) => page.getByLabel(label, { exact: true });
      await g.goto(`/join?lng=${v.lang}`);
      await tabTo(page, field(m["join.code"]), "the code field");
      await page.keyboard.type(code);
      await pressAndLand(page, "Enter", (u) => u.searchParams.has("code"));
      await tabTo(page, field(m["join.email"]), "the email field");
      await page.keyboard.type(who.email);
      await tabTo(page, field(m["join.password"]), "the password field");
      await page.keyboard.type(who.password);
      await tabTo(page, field(m["join.passwordRepeat"]), "the repeated password");
      await page.keyboard.type(who.password);
      await pressAndLand(page, "Enter", (u) => u.pathname === "/me/profile");
      await shot(g, "joined");

      // The headline, saved with Enter from the field.
      await tabTo(page, field(m["profile.headline"]), "the headline");
      await page.keyboard.type("Тестировщик-стажёр");
      const saved = page.waitForResponse((r) => r.request().method() === "POST");
      await page.keyboard.press("Enter");
      await saved;
      await expectText(page.getByRole("status").first(), m["flash.saved"]);

      // A project, and its image chosen from the file input with Space.
      await g.goto("/me/projects/new");
      await tabTo(page, field(m["portfolio.field.title"]), "the project title");
      await page.keyboard.type("Чек-лист для интернет-магазина");
      await pressAndLand(page, "Enter", (u) => /^\/me\/projects\/\d+$/.test(u.pathname));
      await tabTo(page, page.locator('input[type="file"][name="file"]'), "the file input");
      const chooser = await chooserFromKeyboard(page);
      await chooser.setFiles({ name: "screen.png", mimeType: "image/png", buffer: png });
      await tabTo(page, field(m["portfolio.alt"]), "the image description");
      await page.keyboard.type("Таблица проверок");
      await tabTo(page, page.getByRole("button", { name: m["portfolio.uploadSubmit"], exact: true }), "the upload button");
      const uploaded = page.waitForResponse((r) => r.request().method() === "POST");
      await page.keyboard.press("Enter");
      await uploaded;
      await page.locator('main img[alt="Таблица проверок"]').first().waitFor({ state: "attached", timeout: 10_000 });
      await shot(g, "project-image");

      // The job board: search, open the vacancy, apply.
      await g.goto("/vacancies");
      await tabTo(page, field(m["vacancies.q"]), "the search field");
      await page.keyboard.type(vacancy.title);
      await pressAndLand(page, "Enter", (u) => u.searchParams.get("q") === vacancy.title);
      await tabTo(page, page.locator(`main a[href="/vacancies/${vacancy.id}"]`), "the vacancy");
      await pressAndLand(page, "Enter", (u) => u.pathname === `/vacancies/${vacancy.id}`);
      await tabTo(page, page.getByRole("link", { name: m["vacancies.apply"] }), "the apply link");
      await pressAndLand(page, "Enter", (u) => u.pathname.endsWith("/apply"));
      await tabTo(page, page.getByLabel(m["applications.apply.note"]), "the cover note");
      await page.keyboard.type("Здравствуйте! Хочу начать карьеру в тестировании.");
      await tabTo(page, page.getByRole("button", { name: m["applications.apply.submit"], exact: true }), "the send button");
      await pressAndLand(page, "Enter", (u) => /^\/me\/applications\/\d+$/.test(u.pathname));
      await expectText(page.locator("main .pill").first(), m["applications.status.applied"]);
      await shot(g, "applied");
      expect(g.errors).toEqual([]);
      await stage.close();
    }, 180_000);
  });
}

/**
 * Space on the focused file input opens the file chooser. On a loaded machine the first press is
 * sometimes lost before the page is ready for it, so it is pressed again — still the keyboard only.
 */
async function chooserFromKeyboard(page: Page): Promise<FileChooser> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const opened = page.waitForEvent("filechooser", { timeout: 10_000 }).catch(() => null);
    await page.keyboard.press("Space");
    const chooser = await opened;
    if (chooser) return chooser;
  }
  throw new Error("the file chooser never opened from the keyboard");
}

/** The messages the test's SMTP server received for one address, once there are `n` (the worker delivers within about a second of each event). */
async function mailTo(smtp: TestSmtp, address: string, n: number, timeoutMs = 30_000): Promise<Received[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const got = smtp.received.filter((r) => r.rcpt.includes(address));
    if (got.length >= n) return got;
    if (Date.now() > until)
      throw new Error(`expected ${n} e-mails to ${address} at the test SMTP server, got ${got.length}: ${got.map((r) => r.parsed.subject).join(" | ")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The interview's time as the employer typed it (tests/support/journey-steps.ts moveApplication), in each language's words. */
const INTERVIEW_WHEN = { ky: "2027-ж., 15-февралда саат 10:00", ru: "15 февраля 2027 г., 10:00", en: "15 February 2027, 10:00" } as const;

/**
 * The graduate's three e-mails, in delivery order: the invitation to apply, the move to screening,
 * the interview's details with its calendar file. Subjects and sentences in the graduate's language
 * (each a catalog text filled as the worker fills it, and the interview's date checked against words
 * written here), and the .ics read back with ical.js: DTSTART in Asia/Bishkek is 10:00 on 15 February 2027.
 */
function expectGraduateMail(mail: Received[], o: { lang: "ky" | "ru" | "en"; name: string; vacancy: string; company: string }) {
  const t = makeT(catalogs[o.lang], o.lang);
  const [invitation, screening, interview] = mail;
  for (const m of mail) {
    expect(m.parsed.headers.get("content-language")).toBe(o.lang);
    expect(m.parsed.text).toContain(t("mail.greeting", { name: o.name }));
  }
  expect(invitation!.parsed.subject).toBe(t("mail.subject.application-invited", { company: o.company, vacancy: o.vacancy }));
  expect(screening!.parsed.subject).toBe(t("mail.subject.application-status", { vacancy: o.vacancy, status: t("applications.status.screening") }));
  expect(interview!.parsed.subject).toContain(INTERVIEW_WHEN[o.lang]);
  expect(interview!.parsed.text).toContain(INTERVIEW_WHEN[o.lang]);
  expect(interview!.parsed.text).toContain("Бишкек, ул. Токтогула 120, офис 4");
  const files = interview!.parsed.attachments.filter((a) => a.contentType === "text/calendar");
  expect(files).toHaveLength(1);
  const ics = parseIcs(files[0]!.content.toString("utf8"));
  expect(ics.method).toBe("REQUEST");
  expect(ics.startTzid).toBe("Asia/Bishkek");
  expect(ics.startLocal).toBe("2027-02-15T10:00:00");
  expect(ics.start).toBe("2027-02-15T04:00:00.000Z");
  expect(ics.summary).toBe(t("ics.interview.summary", { vacancy: o.vacancy, company: o.company }));
  expect(ics.location).toBe("Бишкек, ул. Токтогула 120, офис 4");
  expect(invitation!.messageId).not.toBe(screening!.messageId);
}
