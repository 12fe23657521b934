// A parent choosing a school, in a real browser on the demo data (issue 14): signed out, Russian,
// JavaScript off, a 360 px phone. Home → a school's figures → the job board with a search → a
// vacancy → its company → the list of companies, following only links and forms on the pages.
import { describe, expect, it } from "vitest";
import { expectText, hasChromium } from "../../support/browser";
import { useServerAndBrowser } from "../../support/e2e";
import { openActor, screenshots, type Variant } from "../../support/journey-steps";

describe.skipIf(!hasChromium)("parent journey in a real browser", () => {
  const env = useServerAndBrowser();

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
