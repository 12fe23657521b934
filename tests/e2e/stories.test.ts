// Seven short stories in a real browser against one built server and one Chromium (each was a file
// with its own server and browser; docs/decisions/035-test-suite-speed.md). The blocks run in this
// order, and none relies on what another changed: the public figures are read before anything is
// written; later blocks change different accounts (graduate@, graduate2@, a new graduate, pending@).
//
// Public outcomes page (was outcomes-public.test.ts):
// The public outcomes page in a real browser, on the demo data: a phone, no JavaScript, no sign-in,
// Kyrgyz. The staff dashboard, its drill-down and CSV exports are in the staff journey
// (journeys/staff.ts), with JavaScript on and off at phone and desktop sizes.
//
// Application pages (was application-pages.test.ts):
// Issue 14, items 1, 3, 8 and 9 in a real browser against the built server:
// - the employer's status form starts from the application's current state after every move (JS on);
// - a flash notice belongs to the page it answers, and the header's unread count follows in-page navigation (JS on);
// - right after applying the graduate reads what happens next; withdrawing is a secondary action behind a
//   disclosure with its own confirmation, which works without JavaScript;
// - employers invite from the graduate's page with a button (no typed address), and no page shows "JSON" links.
//
// Errors in place (was errors-in-place.test.ts):
// Issue 14, items 5 and 6 in a real browser at 360 px: a module marked without a date says the
// date is missing, next to that module, and the message is on screen (focused with JavaScript;
// reached by the form's #fragment without); a moderation decision is confirmed where the card was.
//
// Directory search (was directory-search.test.ts):
// The directory in a real browser: a newly enrolled graduate joins (JS on, Kyrgyz, phone), adds
// Python the way people say it and shows the profile to employers; an employer of a verified
// company finds them by that skill typed in Russian (JS on, English, desktop). The CSV import
// that makes codes in bulk is part of the staff journey (journeys/staff.ts).
//
// Parent journey (was journeys/parent.test.ts):
// A parent choosing a school, on the demo data (issue 14): signed out, Russian, JavaScript off, a
// 360 px phone. Home → a school's figures → the job board with a search → a vacancy → its company →
// the list of companies, following only links and forms on the pages. It writes nothing.
//
// Audit log (was audit-log.test.ts):
// The audit log page on a 360 px phone with JavaScript off, in Kyrgyz: a change with a long value
// without spaces scrolls or wraps inside the table's frame and never widens the page. Reaching the
// log from the staff menu, filtering it and reading a change before → after are part of the staff
// journey (journeys/staff.ts). It adds an audit entry, so it runs last.
//
// Header follows (was header-follows.test.ts):
// Issue 14 loose end: after staff verify a company, its employer's header offers "Graduates" on the
// next in-page navigation (JavaScript on), without a full reload — the header's live state follows
// the location as the unread count does (docs/decisions/026-application-page-state.md).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en } from "~/i18n/messages/en";
import { ky } from "~/i18n/messages/ky";
import { ru } from "~/i18n/messages/ru";
import { interpolate } from "~/i18n/translate";
import { expectText, expectTextContaining, hasChromium, openMainMenu } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";
import {
  type Actor,
  addSkill,
  asHelper,
  enrolGraduate,
  expectNoSidewaysScroll,
  joinWithCode,
  openActor,
  readDb,
  saveScreenshot,
  screenshots,
  signInAs,
  signInWithCookie,
  type Variant,
} from "../support/journey-steps";
import type { RunningServer } from "../support/server";

// One server and one browser for every block below; without Chromium every block is skipped.
const env = hasChromium ? useServerAndBrowser() : ({} as ReturnType<typeof useServerAndBrowser>);

// ---- outcomes-public ---------------------------------------------------------------------------

const label = (template: string) => template.replace(/\{\w+\}.*$/, "").trim();

describe.skipIf(!hasChromium)("public outcomes page in a real browser", () => {
  it("the public page: a phone, no JavaScript, no sign-in, Kyrgyz", async () => {
    const context = await env.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
      locale: "ky-KG",
      extraHTTPHeaders: { "Accept-Language": "ky" },
    });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/`);
    await Promise.all([page.waitForEvent("load"), page.locator("footer").getByRole("link", { name: ky["outcomes.public.nav"] }).click()]);
    expect(new URL(page.url()).pathname).toBe("/outcomes");
    await expectText(page.locator("h1"), ky["outcomes.public.title"]);
    expect(await page.locator("svg.chart[role=img] title").count()).toBe(1);
    expect(await page.locator("main table").count()).toBeGreaterThan(3); // in the page, shown from 40rem up
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await page.locator("main").innerText()).toContain(label(ky["outcomes.public.explain.employment"]));
    await saveScreenshot(page, "outcomes-public-360-nojs-ky");
    // +12 months on the demo data: some years are still being followed up (under 65 % reached) and say so
    // in one cell instead of rates; the page still fits the phone (the table scrolls in its own box).
    await page.goto(`${env.server.url}/outcomes?checkpoint=m12`);
    expect(await page.locator("main td.follow-up").count()).toBeGreaterThan(0);
    expect(await page.locator("main td.follow-up").first().innerText()).toContain(label(ky["outcomes.public.followUp"]));
    // On the phone the same row is a card that says so (issue 14 item 17).
    expect(await page.locator("main .outcome-card .follow-up:visible").count()).toBe(await page.locator("main td.follow-up").count());
    expect(await page.locator("main .outcome-card .follow-up").first().innerText()).toContain(label(ky["outcomes.public.followUp"]));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await saveScreenshot(page, "outcomes-public-m12-360-nojs-ky");
    // The page's data request carries the same published table: no numerators, denominators or exact shares.
    // (_routes: this route's data only, not the root's message catalog, whose keys name "numerator").
    const data = await fetch(`${env.server.url}/outcomes.data?checkpoint=m12&_routes=routes%2Foutcomes`);
    expect(data.status).toBe(200);
    const body = await data.text();
    expect(body).toContain("shown");
    expect(body).not.toContain("outcomes.public.title"); // the route's data alone
    expect(body).not.toMatch(/numerator|denominator|"value"|smallN/);
    await context.close();
  }, 120_000);

  // Issue 14 item 17: a parent on a phone reads one card per school and year, figures stacked, and a
  // chart whose words are at least 12 px as drawn (the SVG scales with the page, so font-size alone says nothing).
  it("at 360 px without JavaScript: one card per school and year, figures stacked; chart text at least 12 px", async () => {
    const context = await env.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
      extraHTTPHeaders: { "Accept-Language": "ru" },
    });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/outcomes`);
    const schools = page.locator("main section[aria-labelledby^=school-]");
    expect(await schools.count()).toBeGreaterThan(3);
    for (let i = 0; i < (await schools.count()); i++) {
      const school = schools.nth(i);
      const rows = await school.locator("table tbody tr").count();
      expect(await school.locator(".outcome-card:visible").count()).toBe(rows);
      expect(await school.locator("table:visible").count()).toBe(0);
    }
    // A card's figures: each on a line of its own, inside the screen.
    const card = page.locator("main .outcome-card:not(:has(.follow-up))").first();
    const boxes = await card
      .locator("dd")
      .evaluateAll((dds) => dds.map((dd) => dd.getBoundingClientRect()).map((r) => ({ top: r.top, bottom: r.bottom, right: r.right })));
    expect(boxes.length).toBeGreaterThanOrEqual(7);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.top).toBeGreaterThanOrEqual(boxes[i - 1]!.bottom - 1);
    expect(Math.max(...boxes.map((b) => b.right))).toBeLessThanOrEqual(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const chartText = () =>
      page.locator("svg.chart text").evaluateAll((texts) =>
        texts.map((t) => {
          const m = (t as SVGGraphicsElement).getScreenCTM()!;
          return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
        }),
      );
    const sizes = await chartText();
    expect(sizes.length).toBeGreaterThan(8);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    await saveScreenshot(page, "outcomes-public-cards-360-nojs-ru");
    // At 1280 px the tables come back and the cards go.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await page.locator("main .outcome-card:visible").count()).toBe(0);
    expect(await page.locator("main table:visible").count()).toBe(await schools.count());
    expect(Math.min(...(await chartText()))).toBeGreaterThanOrEqual(12);
    await context.close();
  }, 120_000);

  // Issue 14 items 15 and 16: plain words, each rate with its base in words, the standards' names in a note;
  // the chart compares only rates of the same base (all graduates).
  for (const [lang, m] of [
    ["ky", ky],
    ["ru", ru],
    ["en", en],
  ] as const) {
    it(`plain labels in ${lang}, each rate's base named, the standards' names only in the note`, async () => {
      const context = await env.browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 1280, height: 900 },
        extraHTTPHeaders: { "Accept-Language": lang },
      });
      const page = await context.newPage();
      await page.goto(`${env.server.url}/outcomes`);
      const jargon = /EQAVET|NACE|Осведомлённость|Маалымдуулук|медиан/iu;
      const headers = await page.locator("main table").first().locator("th[scope=col]").allInnerTexts();
      const rates = [
        ["knowledge", "all"],
        ["employment", "all"],
        ["career", "reachable"],
        ["htp", "reachable"],
        ["related", "employed"],
        ["within6", "jobBase"],
      ] as const;
      expect(headers).toHaveLength(rates.length + 3);
      rates.forEach(([rate, base], i) => {
        const text = headers[i + 2]!.replace(/\s+/g, " ");
        expect(text).toContain(m[`outcomes.public.label.${rate}`]);
        expect(text).toContain(m[`outcomes.public.base.${base}`]);
      });
      expect(headers.at(-1)).toContain(m["outcomes.public.label.pay"]);
      for (const h of headers) expect(h).not.toMatch(jargon);
      // At 1280 px every column, pay included, fits without scrolling its box.
      const overflow = await page.locator("main .table-wrap").evaluateAll((wraps) => wraps.map((w) => w.scrollWidth - w.clientWidth));
      expect(Math.max(...overflow)).toBeLessThanOrEqual(0);
      // The chart: two rates of the same base, the base in its title.
      const chart = page.locator("svg.chart");
      expect((await chart.locator("title").textContent())!.toLowerCase()).toContain(m["outcomes.public.base.all"].toLowerCase());
      const legend = await chart.locator("g[aria-hidden] text").allTextContents();
      expect(legend).toEqual([m["outcomes.public.label.knowledge"], m["outcomes.public.label.employment"]]);
      // Outside the note, no standard's name; the note names them.
      const note = page.locator("main .standards-note");
      expect(await note.innerText()).toMatch(/EQAVET/);
      expect(await note.innerText()).toMatch(/NACE/);
      const rest = (await page.locator("main").innerText()).replace(await note.innerText(), "");
      expect(rest).not.toMatch(jargon);
      // The phone cards: each group of figures under its base.
      await page.setViewportSize({ width: 360, height: 740 });
      // The first card with figures (a cohort still being followed up shows only its progress).
      const bases = await page.locator("main .outcome-card:has(.card-base)").first().locator(".card-base").allInnerTexts();
      expect(bases.map((b) => b.trim())).toEqual(
        expect.arrayContaining([
          m["outcomes.public.base.all"],
          m["outcomes.public.base.reachable"],
          m["outcomes.public.base.employed"],
          m["outcomes.public.base.jobBase"],
        ]),
      );
      await saveScreenshot(page, `outcomes-public-360-nojs-${lang}`);
      await page.setViewportSize({ width: 1280, height: 900 });
      await saveScreenshot(page, `outcomes-public-1280-nojs-${lang}`);
      await context.close();
    }, 120_000);
  }
});

// ---- parent journey ----------------------------------------------------------------------------

describe.skipIf(!hasChromium)("parent journey in a real browser", () => {
  it("home → a school's figures → the board with a search → a vacancy → its company → all companies (JS off, 360×740, ru)", async () => {
    const v: Variant = { index: 0, js: false, width: 360, height: 740, lang: "ru" };
    const p = await openActor(env.browser, env.server, v);
    const { m, page } = p;
    const shot = screenshots("parent", v);
    try {
      // 1. The home page: each school card leads to its figures.
      await p.goto("/?lng=ru");
      await shot(p, "home");
      const cards = page.locator('main a[href^="/outcomes?school="]');
      expect(await cards.count(), "school cards that link their figures").toBeGreaterThan(1);
      const school = cards.first();
      const schoolName = (await school.locator("strong").innerText()).trim();
      const otherName = (await cards.nth(1).locator("strong").innerText()).trim();
      await Promise.all([page.waitForURL(/\/outcomes\?school=\d+$/), school.click()]);
      await expectText(page.locator("main h1"), m["outcomes.public.title"]);
      // Only that school's figures, with the way back to every school.
      const figures = await page.locator("main").innerText();
      expect(figures).toContain(schoolName);
      expect(figures).not.toContain(otherName);
      expect(await page.getByRole("link", { name: m["outcomesSchool.allSchools"] }).count()).toBe(1);
      await shot(p, "school-figures");

      // 2. The job board, with a search.
      await p.goto("/vacancies");
      await page.getByLabel(m["vacancies.q"], { exact: true }).fill("developer");
      await p.search(m["vacancies.submit"], page.locator("main form[role=search]"), (url) => url.searchParams.get("q") === "developer");
      await shot(p, "board-search");

      // 3. A vacancy from the results, then its company from the vacancy page.
      const card = page.locator("main .vacancy-card").first();
      await Promise.all([page.waitForURL(/\/vacancies\/\d+$/), card.locator("h3 a").click()]);
      const company = page.locator('main .lead a[href^="/companies/"]');
      const companyName = (await company.innerText()).trim();
      await shot(p, "vacancy");
      await Promise.all([page.waitForURL(/\/companies\/[a-z0-9-]+$/), company.click()]);
      await expectText(page.locator("main h1"), companyName);
      await shot(p, "company");

      // 4. The list of companies, each with its open vacancies.
      await Promise.all([page.waitForURL(/\/companies$/), page.getByRole("link", { name: m["companiesList.all"] }).click()]);
      await expectText(page.locator("main h1"), m["companiesList.title"]);
      expect(await page.locator(`main a[href^="/companies/"]`, { hasText: companyName }).count()).toBe(1);
      expect(await page.locator("script").count(), "no JavaScript on a read page").toBe(0);
      await shot(p, "companies");
      expect(p.errors).toEqual([]);
    } finally {
      await p.close();
    }
  }, 120_000);
});

// ---- application-pages -------------------------------------------------------------------------

const phoneJs = { js: true, width: 360, height: 740, lang: "ru" as const };
const phoneNoJs = { js: false, width: 360, height: 740, lang: "ky" as const };

/** An open vacancy of employer@demo.kg's company that the given graduate has not applied for. */
function vacancyFor(server: RunningServer, graduateEmail: string): { id: number; title: string; company: string } {
  return readDb(
    server,
    (db) =>
      db
        .prepare(
          `
      select v.id, v.title, c.name as company from vacancies v
      join company_members cm on cm.company_id = v.company_id join users eu on eu.id = cm.user_id
      join companies c on c.id = v.company_id
      where eu.email = 'employer@demo.kg' and v.status = 'open' and c.status = 'verified'
        and (v.deadline is null or v.deadline >= date('now'))
        and not exists (select 1 from applications a join graduates g on g.id = a.graduate_id join users gu on gu.id = g.user_id
                        where a.vacancy_id = v.id and gu.email = ?)
      order by v.id limit 1`,
        )
        .get(graduateEmail) as { id: number; title: string; company: string },
  );
}

const unreadOf = (server: RunningServer, email: string) =>
  readDb(
    server,
    (db) =>
      (
        db.prepare("select count(*) n from notifications n join users u on u.id = n.user_id where u.email = ? and n.read_at is null").get(email) as {
          n: number;
        }
      ).n,
  );

/** A screenshot to look at (test-results/screenshots) and, at 360 px, no sideways scrolling. */
async function look(actor: Actor, step: string) {
  await saveScreenshot(actor.page, `apps14-${step}-${actor.width}-${actor.lang}`);
  await expectNoSidewaysScroll(actor.page, step);
}

async function noticeTexts(actor: Actor): Promise<string[]> {
  return actor.page.locator("main .notice--ok").allInnerTexts();
}

describe.skipIf(!hasChromium)("application pages (issue 14: items 1, 3, 8, 9)", () => {
  it("apply → what happens next; the flash stays on its page; the status form starts afresh after each move; the unread count follows; withdraw without JavaScript", async () => {
    const { server, browser } = env;
    const vacancy = vacancyFor(server, "graduate@demo.kg");
    expect(vacancy, "the demo employer has an open vacancy the demo graduate has not applied for").toBeTruthy();

    // The graduate applies (JavaScript on, phone).
    const g = await openActor(browser, server, phoneJs);
    await signInWithCookie(g, "graduate@demo.kg");
    await g.goto(`/vacancies/${vacancy.id}/apply`);
    await g.page.getByLabel(g.m["applications.apply.note"]).fill("Хочу у вас работать.");
    await g.submit(g.m["applications.apply.submit"]);
    await g.page.waitForURL(/\/me\/applications\/\d+$/);
    const applicationPath = new URL(g.page.url()).pathname;
    await expectText(g.page.locator("main .pill").first(), g.m["applications.status.applied"]);
    expect(await noticeTexts(g)).toEqual([g.m["flash.applied"]]);

    // Item 8: what happens next comes right after the status; the withdraw button waits behind a disclosure.
    const afterStatus = await g.page.evaluate(() => {
      const status = document.querySelector("main .pill")!.closest("p")!;
      let next = status.nextElementSibling;
      while (next && next.matches(".notice, .error-summary, [hidden]")) next = next.nextElementSibling;
      return next?.className ?? "";
    });
    expect(afterStatus).toContain("next-steps");
    await expectTextContaining(g.page.locator("main .next-steps"), g.m["applications.next.applied"].replace("{company}", vacancy.company));
    const confirm = g.page.getByRole("button", { name: g.m["applications.withdraw.confirm"] });
    expect(await confirm.isVisible()).toBe(false);
    expect(await g.page.getByLabel(g.m["applications.withdraw.reason"]).isVisible()).toBe(false);
    await look(g, "application-applied");

    // Item 3: the notice answered the application; the next page does not repeat it.
    await Promise.all([g.page.waitForURL(/\/me\/applications$/), g.page.getByRole("link", { name: g.m["applications.back"] }).click()]);
    await g.page.waitForSelector('body[data-nav-state="idle"]');
    await expectTextContaining(g.page.locator("main h1"), g.m["applications.title"]);
    expect(await noticeTexts(g)).toEqual([]);

    // Item 1: the employer moves the application twice; each time the form starts from the new status.
    const e = await openActor(browser, server, { ...phoneJs, width: 1280, height: 800 });
    await signInWithCookie(e, "employer@demo.kg");
    await e.goto(applicationPath.replace("/me/", "/employer/"));
    const to = e.page.getByLabel(e.m["applications.move.to"]);
    const note = e.page.getByLabel(e.m["applications.move.note"]);
    expect(await to.inputValue()).toBe("screening");
    await to.selectOption("screening");
    await note.fill("Созвонимся во вторник.");
    await e.submit(e.m["applications.move.submit"]);
    await expectText(e.page.locator("main .pill").first(), e.m["applications.status.screening"]);
    expect(await to.inputValue(), "after screening the form offers the interview, not a rejection").toBe("interview");
    expect(await note.inputValue(), "the previous move's note is not carried over").toBe("");

    await to.selectOption("interview");
    await e.page.getByLabel(e.m["applications.interviewAt"]).fill("2030-02-15T10:00");
    await e.page.getByLabel(e.m["applications.interviewPlace"]).fill("Бишкек, ул. Токтогула 120");
    await note.fill("Ждём вас в офисе.");
    await e.submit(e.m["applications.move.submit"]);
    await expectText(e.page.locator("main .pill").first(), e.m["applications.status.interview"]);
    expect(await to.inputValue()).toBe("offer");
    expect(await note.inputValue()).toBe("");
    expect(e.errors).toEqual([]);
    await e.close();

    // Item 3: the two moves notified the graduate; the header shows it on the next in-page navigation.
    const unread = unreadOf(server, "graduate@demo.kg");
    expect(unread).toBeGreaterThanOrEqual(2);
    await openMainMenu(g.page);
    await Promise.all([g.page.waitForURL(/\/vacancies$/), g.page.locator(".main-nav").getByRole("link", { name: g.m["vacancies.nav"] }).click()]);
    // On the phone the folded menu's summary carries the count, and so does the link inside it.
    await expectText(g.page.locator("header .site-menu > summary"), interpolate(g.m["nav.menuUnread"], { n: unread }, g.lang));
    await openMainMenu(g.page);
    await expectText(g.page.locator(".main-nav a[href='/notifications']"), interpolate(g.m["notifications.navUnread"], { n: unread }, g.lang));
    expect(g.errors).toEqual([]);
    await g.close();

    // Item 8: withdrawing works without JavaScript: open the disclosure, give a reason, confirm.
    const g2 = await openActor(browser, server, phoneNoJs);
    await signInWithCookie(g2, "graduate@demo.kg");
    await g2.goto(applicationPath);
    await g2.page.locator("main details.withdraw summary").click();
    await g2.page.getByLabel(g2.m["applications.withdraw.reason"]).fill("Нашёл другую работу.");
    await look(g2, "withdraw-open");
    await g2.submit(g2.m["applications.withdraw.confirm"]);
    await expectText(g2.page.locator("main .pill").first(), g2.m["applications.status.withdrawn"]);
    expect(g2.errors).toEqual([]);
    await g2.close();
  }, 120_000);

  it("the employer invites from the graduate's page with a button; no page offers a typed address or JSON links", async () => {
    const { server, browser } = env;
    const vacancy = vacancyFor(server, "nobody@example.invalid");
    const graduate = readDb(
      server,
      (db) =>
        db
          .prepare(
            `
        select g.slug, g.first_name || ' ' || g.last_name as name, u.email from graduates g join users u on u.id = g.user_id
        where g.visibility in ('employers', 'public') and g.anonymised_at is null and g.slug is not null
          and not exists (select 1 from applications a where a.graduate_id = g.id and a.vacancy_id = ?)
        order by g.id limit 1`,
          )
          .get(vacancy.id) as { slug: string; name: string; email: string },
    );

    const e = await openActor(browser, server, phoneNoJs);
    await signInWithCookie(e, "employer@demo.kg");
    await e.goto(`/g/${graduate.slug}`);
    const form = e.page.locator("form.invite-form");
    await look(e, "profile-invite");
    await form.getByLabel(e.m["applications.invite.vacancy"]).selectOption(String(vacancy.id));
    await expectTextContaining(form.locator("button[type=submit]"), e.m["applications.invite.button"]);
    await e.submit(form.locator("button[type=submit]"));
    expect(new URL(e.page.url()).pathname).toBe(`/g/${graduate.slug}`);
    await expectTextContaining(e.page.locator("main .notice--ok"), e.m["flash.invitationSent"]);
    const status = readDb(
      server,
      (db) =>
        (
          db
            .prepare("select a.status from applications a join graduates g on g.id = a.graduate_id where g.slug = ? and a.vacancy_id = ?")
            .get(graduate.slug, vacancy.id) as { status: string } | undefined
        )?.status,
    );
    expect(status).toBe("invited");
    // Invited already: the vacancy is no longer offered for this graduate.
    expect(await e.page.locator(`form.invite-form option[value="${vacancy.id}"]`).count()).toBe(0);

    // The applicants page points to the candidate list instead of asking for a profile address.
    await e.goto(`/employer/vacancies/${vacancy.id}/applicants`);
    expect(await e.page.getByLabel(e.m["applications.invite.slug"]).count()).toBe(0);
    expect(await e.page.locator(`main a[href="/vacancies/${vacancy.id}/candidates"]`).count()).toBeGreaterThan(0);
    await e.goto(`/vacancies/${vacancy.id}/candidates`);
    expect(await e.page.locator("main a", { hasText: /^JSON$/ }).count()).toBe(0);
    expect(e.errors).toEqual([]);
    await e.close();

    const g = await openActor(browser, server, phoneNoJs);
    await signInWithCookie(g, "graduate@demo.kg");
    await g.goto("/me/jobs");
    await g.page.locator("main h1").waitFor();
    expect(await g.page.locator("main a", { hasText: /^JSON$/ }).count()).toBe(0);
    // A graduate sees no invite form on a profile page.
    await g.goto(`/g/${graduate.slug}`);
    expect(await g.page.locator("form.invite-form").count()).toBe(0);
    await g.close();
  }, 120_000);
});

// ---- errors-in-place ---------------------------------------------------------------------------

const inViewport = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      // Scrolling to an element can leave it a fraction of a pixel above the edge.
      return r.top >= -1 && r.bottom <= window.innerHeight + 1;
    });

describe.skipIf(!hasChromium)("errors and confirmations where they happen", () => {
  for (const js of [true, false]) {
    it(`marking the last module without a date (JS ${js ? "on" : "off"}, 360px, ky)`, async () => {
      const s = await openActor(env.browser, env.server, { js, width: 360, height: 740, lang: "ky" });
      await signInWithCookie(s, "graduate2@demo.kg");
      await s.goto("/me/modules");
      const card = s.page.locator("li.card", { has: s.page.locator('input[name="intent"][value="module"]') }).last();
      const id = await card.getAttribute("id");
      await card.getByLabel(s.m["modules.completedOn"]).fill("");
      await s.submit(s.m["modules.mark"], card);
      const summary = `#${id} .notice--error`;
      await expectText(s.page.locator(summary), s.m["modules.errorsHere"]);
      await expectText(s.page.locator(`#${id} .field__error`).first(), s.m["modules.dateMissing"]);
      expect(await inViewport(s.page, summary)).toBe(true);
      if (js) expect(await s.page.evaluate(() => document.activeElement?.classList.contains("notice--error"))).toBe(true);
      else expect(new URL(s.page.url()).hash).toBe(`#${id}`);
      expect(s.errors).toEqual([]);
      await s.close();
    }, 60_000);
  }

  it("approving a queued vacancy is confirmed in its place (JS on, 360px, ru)", async () => {
    const waiting = readDb(
      env.server,
      (db) =>
        db
          .prepare(
            "select v.id, v.title from vacancies v join companies c on c.id = v.company_id where v.status = 'submitted' and c.status = 'verified' order by v.updated_at, v.id",
          )
          .all() as { id: number; title: string }[],
    );
    expect(waiting.length).toBeGreaterThan(2);
    const target = waiting[Math.floor(waiting.length / 2)]!;
    const s = await openActor(env.browser, env.server, { js: true, width: 360, height: 740, lang: "ru" });
    await signInWithCookie(s, "staff@demo.kg");
    await s.goto("/staff/vacancies");
    const card = s.page.locator(`article#vacancy-${target.id}`);
    await s.submit(s.m["vacancies.action.approve"], card);
    await expect.poll(() => s.page.locator(`article#vacancy-${target.id}`).count()).toBe(0);
    await expectText(s.page.locator("#decided [role=status]"), s.m["moderation.approved"].replace("{title}", target.title) + ` ${s.m["moderation.openPage"]}`);
    expect(await inViewport(s.page, "#decided")).toBe(true);
    expect(await s.page.evaluate(() => document.activeElement?.id)).toBe("decided");
    expect(s.errors).toEqual([]);
    await s.close();
  }, 60_000);
});

// ---- directory-search --------------------------------------------------------------------------

describe.skipIf(!hasChromium)("employer directory search in a real browser", () => {
  it("a graduate adds «питон» (JS on, ky, phone) → an employer finds them by it (JS on, en)", async () => {
    const { server, browser } = env;
    const phone = { js: true, width: 360, height: 740, lang: "ky" } as const;
    const cohortId = readDb(server, (db) => (db.prepare("select id from cohorts order by id").get() as { id: number }).id);
    const code = await asHelper(browser, server, { ...phone, index: 0 }, "staff@demo.kg", (staff) =>
      enrolGraduate(staff, { cohortId, first: "Жылдыз", last: "Бообекова" }),
    );

    const g = await openActor(browser, server, phone);
    await joinWithCode(g, code, { first: "Жылдыз", email: "jyldyz.b@mail.kg", password: "jyldyz-secret-1" });
    const basics = g.page.locator("form", { has: g.page.locator('input[name="intent"][value="basics"]') });
    await basics.getByLabel(g.m["profile.headline"]).fill("Python-иштеп чыгуучу");
    await basics.getByLabel(g.m["profile.visibility.employers"]).check();
    await g.submit(g.m["common.save"], basics);
    await addSkill(g, "питон", "Python");
    await g.close();

    const e = await openActor(browser, server, { js: true, width: 1280, height: 800, lang: "en" });
    await signInWithCookie(e, "employer@demo.kg");
    await e.goto("/graduates");
    await e.page.getByLabel(e.m["directory.skill"], { exact: true }).fill("питон");
    await e.page.getByLabel(e.m["directory.q"], { exact: true }).fill("Бообекова");
    await e.search(e.m["directory.submit"], e.page.locator("main"), (u) => u.searchParams.get("skill") === "питон");
    expect(await e.page.locator("main").innerText()).toContain("Жылдыз Бообекова");
    await saveScreenshot(e.page, "directory-employer-en-1280");
    expect(e.errors).toEqual([]);
    await e.close();
  }, 120_000);
});

// ---- header-follows ----------------------------------------------------------------------------

describe.skipIf(!hasChromium)("the header follows a company's verification (JS on)", () => {
  it("pending@demo.kg sees no «Graduates» link; staff verify the company; the next link click shows it", { timeout: 180_000 }, async () => {
    const { server, browser } = env;
    const companyId = readDb(
      server,
      (db) =>
        (
          db
            .prepare(
              "select c.id from companies c join company_members cm on cm.company_id = c.id join users u on u.id = cm.user_id where u.email = 'pending@demo.kg'",
            )
            .get() as { id: number }
        ).id,
    );
    const e = await openActor(browser, server, phoneJs);
    try {
      await signInAs(e, "pending@demo.kg");
      const graduatesLink = e.page.locator(".main-nav a[href='/graduates']");
      expect(await graduatesLink.count()).toBe(0);

      // Staff verify the company in their own browser.
      const s = await openActor(browser, server, phoneJs);
      try {
        await signInWithCookie(s, "staff@demo.kg");
        await s.goto(`/staff/companies/${companyId}`);
        await s.submit(s.m["companies.staff.verify"]);
        expect(s.errors).toEqual([]);
      } finally {
        await s.close();
      }
      expect(readDb(server, (db) => (db.prepare("select status from companies where id = ?").get(companyId) as { status: string }).status)).toBe("verified");

      // An in-page navigation (client-side, the document is not reloaded): the header follows.
      await e.page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
      await openMainMenu(e.page);
      await e.page.locator(".main-nav a[href='/vacancies']").click();
      await e.page.waitForURL(/\/vacancies$/);
      await e.page.waitForSelector('body[data-nav-state="idle"]');
      await expect.poll(() => graduatesLink.count(), { timeout: 10_000 }).toBe(1);
      expect(await e.page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), "no full reload").toBe(true);
      expect(e.errors).toEqual([]);
    } finally {
      await e.close();
    }
  });
});

// ---- employer dashboard (issue 18 items 1 and 7) ----------------------------------------------------

describe.skipIf(!hasChromium)("the employer dashboard in a real browser", () => {
  it("sign-in lands employer@demo.kg on it; every section on a 360 px phone without JavaScript (ky) and on a desktop (en)", async () => {
    for (const v of [
      { js: false, width: 360, height: 740, lang: "ky" },
      { js: true, width: 1280, height: 800, lang: "en" },
    ] as const) {
      const e = await openActor(env.browser, env.server, v);
      try {
        await signInAs(e, "employer@demo.kg");
        expect(new URL(e.page.url()).pathname).toBe("/employer");
        const headings = await e.page.locator("main h2").allInnerTexts();
        for (const key of ["dash.waiting.title", "dash.interviews.title", "dash.open.title", "dash.tth.title", "dash.allVacancies"] as const)
          expect(
            headings.map((h) => h.trim()),
            key,
          ).toContain(e.m[key]);
        // Each open vacancy's stage counts link to the applicants list of that stage; time-to-hire has its three steps.
        expect(await e.page.locator("main a[href^='/employer/applicants?vacancy=']").count()).toBeGreaterThanOrEqual(4);
        const steps = (await e.page.locator("main section[aria-labelledby=tth-title] tbody th").allInnerTexts()).join("\n");
        for (const key of ["dash.tth.firstAnswer", "dash.tth.interview", "dash.tth.hire"] as const) expect(steps).toContain(e.m[key]);
        await expectNoSidewaysScroll(e.page, `employer dashboard ${v.width} px`);
        await saveScreenshot(e.page, `employer-dashboard-${v.js ? "js" : "nojs"}-${v.width}-${v.lang}`);
        expect(e.errors).toEqual([]);
      } finally {
        await e.close();
      }
    }
  });
});

// ---- audit log -----------------------------------------------------------------------------------

describe.skipIf(!hasChromium)("audit log in a real browser", () => {
  it("a long change does not widen the page (JS off, 360px, ky)", async () => {
    readDb(env.server, (db) => {
      const staff = db.prepare("select id from users where email = 'staff@demo.kg'").get() as { id: number };
      db.prepare("insert into audit_log (actor_user_id, action, entity, entity_id, before_json, after_json) values (?, ?, ?, ?, ?, ?)").run(
        staff.id,
        "module.update",
        "module",
        "5",
        JSON.stringify({ title_en: "Web" }),
        JSON.stringify({ title_en: "W".repeat(200), skills: ["javascript", "typescript", "react", "node-js"] }),
      );
    });
    const s = await openActor(env.browser, env.server, { js: false, width: 360, height: 740, lang: "ky" });
    await signInWithCookie(s, "staff@demo.kg");
    await s.goto("/staff/audit?action=module.update");
    await expectTextContaining(s.page.locator("main table tbody tr").first(), s.m["audit.action.module.update"]);
    expect(await s.page.locator("main table tbody tr").first().locator("ins").first().innerText()).toContain("WWWW");
    await expectNoSidewaysScroll(s.page, "audit log with a long value");
    expect(s.errors).toEqual([]);
    await s.close();
  });
});
