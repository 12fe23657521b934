// Issue 5's journey in a real browser, with JavaScript on and off, at phone and desktop size, in
// two languages: an employer opens the ranked candidates of one of its open vacancies, unfolds
// an explanation, invites the top graduate; that graduate sees the invitation and finds the
// vacancy in "jobs for you".
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@db/connection";
import { hashPassword } from "~/auth/password.server";
import { en, type Messages } from "~/i18n/messages/en";
import { ru } from "~/i18n/messages/ru";
import { hasChromium, screenshotPath, textOf } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";
import { signIn, submitForm } from "../support/forms";

const labels = (m: Messages) => ({ email: m["login.email"], password: m["login.password"], submit: m["login.submit"] });

describe.skipIf(!hasChromium)("matching in a real browser", () => {
  const env = useServerAndBrowser();

  /** The employer's open vacancies (the demo company of employer@demo.kg), straight from the server's database file. */
  function openVacanciesOfDemoEmployer(): number[] {
    const { sqlite } = openDatabase(`${env.server.dataDir}/portal.sqlite`);
    try {
      return (sqlite
        .prepare(`select v.id from vacancies v join company_members m on m.company_id = v.company_id join users u on u.id = m.user_id
                  where u.email = 'employer@demo.kg' and v.status = 'open' and (v.deadline is null or v.deadline >= date('now')) order by v.id`)
        .raw(true)
        .all() as [number][]).map(([id]) => id);
    } finally {
      sqlite.close();
    }
  }

  /** Test set-up only: gives the invited graduate (whose demo password is random) a known one. */
  async function passwordForGraduate(slug: string, password: string): Promise<string> {
    const { sqlite } = openDatabase(`${env.server.dataDir}/portal.sqlite`);
    try {
      const row = sqlite.prepare("select u.id, u.email from users u join graduates g on g.user_id = u.id where g.slug = ?").get(slug) as { id: number; email: string };
      sqlite.prepare("update users set password_hash = ? where id = ?").run(await hashPassword(password), row.id);
      return row.email;
    } finally {
      sqlite.close();
    }
  }

  const runs = [
    { js: true, width: 1280, height: 800, lng: "en", m: en, vacancyIndex: 0 },
    { js: false, width: 360, height: 740, lng: "ru", m: ru, vacancyIndex: 1 },
  ] as const;

  for (const run of runs) {
    it(`employer invites the top candidate; the graduate sees it (JS ${run.js ? "on" : "off"}, ${run.width}px, ${run.lng})`, async () => {
      const { js, m, lng } = run;
      const tag = `matching-${js ? "js" : "nojs"}-${run.width}-${lng}`;
      const vacancyId = openVacanciesOfDemoEmployer()[run.vacancyIndex]!;
      expect(vacancyId).toBeTruthy();

      const employer = await env.browser.newContext({ javaScriptEnabled: js, viewport: { width: run.width, height: run.height } });
      const ep = await employer.newPage();
      const errors: string[] = [];
      ep.on("pageerror", (e) => errors.push(e.message));
      await signIn(ep, js, env.server.url, "employer@demo.kg", labels(m), lng);

      // From the dashboard to the vacancy's ranked candidates.
      await ep.goto(`${env.server.url}/employer`);
      await Promise.all([ep.waitForURL(new RegExp(`/vacancies/${vacancyId}/candidates$`)), ep.locator(`a[href="/vacancies/${vacancyId}/candidates"]`).first().click()]);
      const first = ep.locator(".match-card").first();
      await first.waitFor();
      const scoreText = await textOf(first.locator(".match-score"));
      expect(scoreText).toMatch(/^\s*(Match score|Соответствие):?\s*\d{1,3}\/100$/);
      // Scores are in order, best first.
      const scores = (await ep.locator(".match-card .match-score").allTextContents()).map((s) => Number(s.match(/(\d+)\/100/)![1]));
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      // The one-line reason names the required skills met.
      expect(await textOf(first.locator(".match-reason"))).toMatch(/\d+ (of|из) \d+/);

      // Unfold the explanation: the parts add up to the shown total.
      await first.locator("summary").click();
      const parts = first.locator(".match-parts");
      await parts.waitFor({ state: "visible" });
      expect(await textOf(parts.locator("caption"))).toBe(m["match.parts"]);
      await ep.screenshot({ path: screenshotPath(`${tag}-candidates`), fullPage: false });

      // Invite the top graduate who has not applied or been invited yet (the demo has applications).
      const top = ep.locator(".match-card", { has: ep.locator("button[type=submit]") }).first();
      const slug = (await top.locator("h2 a").getAttribute("href"))!.replace("/g/", "");
      const button = top.locator("button[type=submit]");
      expect(await textOf(button)).toContain(m["match.invite"]);
      await submitForm(ep, js, button);
      const invitedCard = ep.locator(".match-card", { has: ep.locator(`a[href="/g/${slug}"]`) });
      expect(await textOf(invitedCard.locator(".pill").last())).toBe(m["applications.status.invited"]);
      expect(errors).toEqual([]);
      await employer.close();

      // The graduate signs in, sees the invitation and finds the vacancy among jobs for them.
      const email = await passwordForGraduate(slug, "demo-portal-2026");
      const graduate = await env.browser.newContext({ javaScriptEnabled: js, viewport: { width: run.width, height: run.height } });
      const gp = await graduate.newPage();
      await signIn(gp, js, env.server.url, email, labels(m), lng);
      await gp.goto(`${env.server.url}/me/applications`);
      expect(await gp.locator("main").textContent()).toContain(m["applications.status.invited"]);
      await gp.goto(`${env.server.url}/me/jobs`);
      expect(await textOf(gp.locator("h1"))).toBe(m["match.jobs.title"]);
      const found = await findOnPages(gp, vacancyId);
      expect(found, "the vacancy appears in jobs for you").toBe(true);
      const card = gp.locator(".match-card", { has: gp.locator(`a[href="/vacancies/${vacancyId}"]`) });
      expect(await card.textContent()).toContain(m["applications.status.invited"]);
      await gp.screenshot({ path: screenshotPath(`${tag}-jobs`), fullPage: false });
      await graduate.close();
    }, 120_000);
  }

  /** Follows "next" through the ranked pages until the vacancy's card shows (at most 10 pages). */
  async function findOnPages(page: Page, vacancyId: number): Promise<boolean> {
    for (let i = 0; i < 10; i++) {
      if (await page.locator(`.match-card a[href="/vacancies/${vacancyId}"]`).count()) return true;
      const next = page.locator('a[rel="next"]');
      if (!(await next.count())) return false;
      await Promise.all([page.waitForURL(/page=\d+/), next.click()]);
    }
    return false;
  }
});
