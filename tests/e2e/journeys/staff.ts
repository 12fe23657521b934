// The placement officer's whole journey in a real browser (issue #8): import a cohort CSV
// (semicolons, BOM, Cyrillic, one bad line) → verify a module of an imported graduate →
// moderate a vacancy an employer sent → the outcome dashboard → drill into a figure → export
// the graduates behind it as CSV (read back: BOM, header, Cyrillic names) → the audit log shows
// each of those actions. Two variants: JavaScript off at 360×740 in Kyrgyz, on at 1280×800 in
// Russian; a short walk with JavaScript on at 360×740 in English follows the folded menus by client
// navigation (docs/decisions/035-test-suite-speed.md, Session 9).
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { expectText, expectTextContaining, hasChromium, textOf } from "../../support/browser";
import type { ServerAndBrowser } from "../../support/e2e";
import { type Actor, actorOn, approveVacancy, helperOn, journeyVariants, openStage, postVacancy, screenshots, variantTitle } from "../../support/journey-steps";

const PEOPLE = [
  [
    { last: "Асанова", first: "Чолпон" },
    { last: "Үсөнов", first: "Өмүрбек" },
  ],
  [
    { last: "Керимова", first: "Жаңыл" },
    { last: "Токтосунов", first: "Азамат" },
  ],
  // The phone walk with JavaScript on, below.
  [
    { last: "Бообекова", first: "Жылдыз" },
    { last: "Мамытов", first: "Нурсултан" },
  ],
] as const;

const csvOf = (people: readonly { last: string; first: string }[], variant: number) =>
  `\uFEFFФамилия;Имя;Пол;Email\n${people.map((p, i) => `${p.last};${p.first};${i % 2 ? "м" : "ж"};import${variant}-${i}@mail.kg`).join("\n")}\n;Без фамилии;м;bad${variant}@mail.kg\n`;

/**
 * Step 1 of both staff tests: upload the cohort CSV and see the dry run report 2 accepted and 1
 * rejected. With JavaScript the upload shows its progress (XHR) and then moves to the report.
 */
async function uploadCohortCsv(s: Actor, people: readonly { last: string; first: string }[], variant: number): Promise<void> {
  const { m, page } = s;
  await s.goto("/staff/import");
  await page.getByLabel(m["import.cohort"]).selectOption({ index: 1 });
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: "выпуск-2026.csv", mimeType: "text/csv", buffer: Buffer.from(csvOf(people, variant), "utf8") });
  await Promise.all([page.waitForURL(/\/staff\/import\/\d+$/), page.locator("main").getByRole("button", { name: m["import.check"], exact: true }).click()]);
  await expectTextContaining(page.locator("main"), m["import.report.accepted"].replace("{count}", "2"));
  await expectTextContaining(page.locator("main"), m["import.report.rejected"].replace("{count}", "1"));
}

/** Registered by tests/e2e/journeys.test.ts, which starts the server and browser the three journeys share. */
export function staffJourney(env: ServerAndBrowser): void {
  describe.skipIf(!hasChromium)("staff journey in a real browser", () => {
    for (const v of journeyVariants(["ky", "ru"])) {
      it(`import → verify modules → moderate → dashboard → drill → CSV → audit log (${variantTitle(v)})`, async () => {
        const { server, browser } = env;
        const people = PEOPLE[v.index]!;
        const [graduate] = people;
        const shot = screenshots("staff", v);
        // One tab for the variant: the staff member, and the employer who sends a vacancy, each with their own session (journey-steps.ts, Stage).
        const stage = await openStage(browser, server, v);
        const s = await actorOn(stage, "staff@demo.kg");
        const { m, page } = s;

        // 1. Import a cohort CSV: the dry run reports 2 accepted and 1 rejected; confirming makes codes.
        await uploadCohortCsv(s, people, v.index);
        await shot(s, "import-report");
        await s.submit(page.locator('form:has(input[name="intent"][value="confirm"]) button'));
        await expectTextContaining(page.locator("tr", { hasText: graduate.last }).locator(".code"), /^KG-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
        await shot(s, "import-done");

        // 2. Verify a module of the imported graduate (found by name).
        await s.goto("/staff/graduates");
        await page.getByLabel(m["verify.search"]).fill(`${graduate.first} ${graduate.last}`);
        await s.search(m["admin.skills.searchSubmit"], page.getByRole("search"), (u) => u.searchParams.has("q"));
        await Promise.all([page.waitForURL(/\/staff\/graduates\/\d+$/), page.locator("main .tiles a", { hasText: graduate.last }).first().click()]);
        const graduateId = Number(new URL(page.url()).pathname.split("/").pop());
        const module1 = page.locator("main .module-list > li").first();
        await module1.waitFor();
        expect(await module1.locator(".badge-verified").count()).toBe(0);
        await module1.getByLabel(m["modules.completedOn"]).fill("2026-05-20");
        await module1.getByLabel(m["modules.score"]).fill("92");
        await s.submit(m["verify.verifyModule"], module1);
        expect(await textOf(page.locator("main .module-list > li").first().locator(".badge-verified"))).not.toBe("");
        await shot(s, "module-verified");

        // 3. Moderate: a vacancy an employer sent for review is approved and goes public (the
        // demo company of employer2@demo.kg is not trusted, so its vacancies wait for review).
        const title = `Стажёр-тестировщик ${v.index + 1} — ${graduate.last}`;
        const vacancyId = await helperOn(stage, "employer2@demo.kg", (employer) =>
          postVacancy(employer, {
            title,
            city: "Бишкек",
            skills: "ручное тестирование\nSQL",
            description: "Ручное тестирование веб-приложений.\n\nНаставник, гибкий график.",
          }),
        );
        await s.goto("/staff/vacancies");
        await expectText(page.locator(`article#vacancy-${vacancyId} h2`), title);
        await shot(s, "moderation");
        await approveVacancy(s, vacancyId);
        expect((await page.request.get(`${server.url}/vacancies/${vacancyId}`)).status()).toBe(200);

        // 4. The outcome dashboard, reached from the staff menu, by HTP residency at +12 months.
        await s.goto("/staff");
        // On a phone the staff menu is folded into a disclosure (docs/decisions/032-phone-navigation-and-tables.md).
        if (await page.locator(".section-nav__menu").isVisible()) await page.locator(".section-nav__menu summary").click();
        await Promise.all([
          page.waitForURL(/\/staff\/outcomes$/),
          page.locator(".section-nav").getByRole("link", { name: m["outcomes.dashboard.nav"], exact: true }).click(),
        ]);
        await expectText(page.locator("h1"), m["outcomes.dashboard.title"]);
        await expect.poll(() => page.locator(".outcome-table tbody tr").count()).toBeGreaterThan(3);
        expect(await page.locator("svg.chart[role=img]").count()).toBe(2);
        await page.getByLabel(m["outcomes.dashboard.checkpoint"]).selectOption("m12");
        await page.getByLabel(m["outcomes.dashboard.by"]).selectOption("htp");
        // Two graduation years at once: ticked under their folded summary (no JavaScript needed).
        const yearChoice = page.locator("details.choices", { has: page.locator('input[name="year"]') });
        await yearChoice.locator("summary").click();
        const boxes = yearChoice.locator('input[name="year"]');
        const years = [await boxes.nth(0).getAttribute("value"), await boxes.nth(1).getAttribute("value")];
        await boxes.nth(0).check();
        await boxes.nth(1).check();
        await s.search(m["outcomes.dashboard.show"], page.locator("main"), (u) => u.searchParams.get("by") === "htp");
        expect(new URL(page.url()).searchParams.getAll("year").sort()).toEqual([...years].sort());
        // Waits for the text: with JavaScript the summary re-renders a moment after the address changes.
        await expectText(yearChoice.locator(".choices__picked"), years.join(", "));
        await expectText(page.locator(".outcome-table tbody tr th").nth(1), m["outcomes.dashboard.group.htpYes"]);
        for (const right of await page.locator("svg.chart").evaluateAll((svgs) => svgs.map((c) => c.getBoundingClientRect().right)))
          expect(right).toBeLessThanOrEqual(v.width);
        await shot(s, "dashboard");
        const csv = await page.request.get(`${server.url}${await page.getByRole("link", { name: m["outcomes.dashboard.csv"] }).getAttribute("href")}`);
        const table = (await csv.body()).toString("utf8");
        expect(table.charCodeAt(0)).toBe(0xfeff);
        expect(table).toContain(`\r\n${m["outcomes.dashboard.total"]};`);

        // 5. Drill down: the employed of the total row open to the graduates behind the figure.
        const employed = page.locator(".outcome-table .total-row td").nth(3).locator("a.figure");
        await expectTextContaining(employed, /^\d+\u00a0%$/);
        await Promise.all([page.waitForURL(/\/staff\/outcomes\/graduates\?/), employed.click()]);
        await expectText(page.locator("h1"), m["outcomes.drill.title"]);
        const total = Number((await textOf(page.locator("main h2").first())).replace(/\D/g, ""));
        expect(total).toBeGreaterThan(0);
        expect(await page.locator(".drill-table tbody tr").count()).toBe(Math.min(50, total));
        await shot(s, "drill");

        // 6. Export the list as CSV and read the file back.
        const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: m["outcomes.drill.csv"] }).click()]);
        expect(download.suggestedFilename()).toBe("outcome-graduates-m12-employed.csv");
        const bytes = fs.readFileSync((await download.path())!);
        expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const lines = bytes.toString("utf8").slice(1).trim().split("\r\n");
        expect(lines[0]).toContain(`${m["outcomes.drill.name"]};${m["outcomes.drill.school"]}`);
        expect(lines.length - 1).toBe(total);
        const nameColumn = lines[0]!.split(";").indexOf(m["outcomes.drill.name"]);
        expect(lines[1]!.split(";")[nameColumn]).toMatch(/^[А-ЯЁӨҮҢ][а-яёөүң]+ [А-ЯЁӨҮҢ][а-яёөүң]+$/);
        // A name opens the graduate's outcome history.
        await Promise.all([page.waitForURL(/\/staff\/outcomes\/graduates\/\d+/), page.locator(".drill-table tbody tr a").first().click()]);

        // 7. The audit log shows the approval (before → after), the module verification and the export.
        if (await page.locator(".section-nav__menu").isVisible()) await page.locator(".section-nav__menu summary").click();
        await Promise.all([
          page.waitForURL(/\/staff\/audit$/),
          page.getByRole("navigation", { name: m["nav.staff"] }).getByRole("link", { name: m["audit.title"] }).click(),
        ]);
        await expectText(page.locator("main h1"), m["audit.title"]);
        const filter = async (action: string, entityId: number | null) => {
          await page.getByLabel(m["audit.filter.action"]).selectOption(action);
          await page.getByLabel(m["audit.filter.entityId"]).fill(entityId === null ? "" : String(entityId));
          await s.search(
            m["audit.filter.show"],
            page.locator("main"),
            (u) => u.searchParams.get("action") === action && (u.searchParams.get("entityId") ?? "") === (entityId === null ? "" : String(entityId)),
          );
          return page.locator("main table tbody tr");
        };
        const approved = await filter("vacancy.approve", vacancyId);
        expect(await approved.count()).toBe(1);
        await expectText(approved.locator("td:nth-child(3) code"), "vacancy.approve");
        expect(await approved.locator("del").first().innerText()).toBe("submitted");
        expect(await approved.locator("ins").first().innerText()).toBe("open");
        await shot(s, "audit-approve");
        const verified = await filter("module.verify", graduateId);
        expect(await verified.count()).toBe(1);
        await expectTextContaining(verified.first(), m["audit.action.module.verify"]);
        const exported = await filter("outcomes.export", null);
        await expectTextContaining(exported.first(), "staff@demo.kg");
        expect(await exported.first().locator("td:nth-child(3) code").innerText()).toBe("outcomes.export");
        await shot(s, "audit-export");
        expect(s.errors).toEqual([]);
        await stage.close();
      }, 180_000);
    }

    // What only the variant with JavaScript on at 360×740 checked (the two whole variants above are
    // JavaScript off at 360 and on at 1280; docs/decisions/035-test-suite-speed.md, Session 9): the
    // upload's own request and report on a phone, and the staff menu folded into a disclosure that
    // leads on by client navigation, each page within the screen.
    it("JS on, 360×740, en: the import uploads and reports on a phone; the folded staff menu leads to the dashboard, its drill-down and the audit log", async () => {
      const { server, browser } = env;
      const v = { index: 2, js: true, width: 360, height: 740, lang: "en" } as const;
      const people = PEOPLE[v.index];
      const shot = screenshots("staff", v);
      const stage = await openStage(browser, server, v);
      const s = await actorOn(stage, "staff@demo.kg");
      const { m, page } = s;

      await uploadCohortCsv(s, people, v.index);
      await shot(s, "import-report");

      // The area's sections are folded on a phone: opened, then followed without a page load.
      const sectionMenu = async () => {
        expect(await page.locator(".section-nav__menu").isVisible(), "the staff sections fold into a disclosure at 360 px").toBe(true);
        await page.locator(".section-nav__menu summary").click();
      };
      await s.goto("/staff");
      await sectionMenu();
      await Promise.all([
        page.waitForURL(/\/staff\/outcomes$/),
        page.locator(".section-nav").getByRole("link", { name: m["outcomes.dashboard.nav"], exact: true }).click(),
      ]);
      await expectText(page.locator("h1"), m["outcomes.dashboard.title"]);
      await expect.poll(() => page.locator(".outcome-table tbody tr").count()).toBeGreaterThan(3);
      for (const right of await page.locator("svg.chart").evaluateAll((svgs) => svgs.map((c) => c.getBoundingClientRect().right)))
        expect(right).toBeLessThanOrEqual(v.width);
      await shot(s, "dashboard");
      const employed = page.locator(".outcome-table .total-row td").nth(3).locator("a.figure");
      await expectTextContaining(employed, /^\d+\u00a0%$/);
      await Promise.all([page.waitForURL(/\/staff\/outcomes\/graduates\?/), employed.click()]);
      await expectText(page.locator("h1"), m["outcomes.drill.title"]);
      await shot(s, "drill");
      await sectionMenu();
      await Promise.all([
        page.waitForURL(/\/staff\/audit$/),
        page.getByRole("navigation", { name: m["nav.staff"] }).getByRole("link", { name: m["audit.title"] }).click(),
      ]);
      await expectText(page.locator("main h1"), m["audit.title"]);
      await shot(s, "audit");
      expect(s.errors).toEqual([]);
      await stage.close();
    }, 120_000);
  });
}
