// The employer's whole journey in a real browser (issue #8): sign up → (staff verify the
// company) → post a vacancy → (staff approve it) → the ranked candidates with their reasons →
// invite the top one → (the graduate accepts by applying) → move the applicant to hired → the
// hire is on the company's hires page. Two variants: JavaScript off at 360×740 in English, on at
// 1280×800 in Kyrgyz (docs/decisions/035-test-suite-speed.md, Session 9).
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectText, expectTextContaining, hasChromium, textOf } from "../../support/browser";
import type { ServerAndBrowser } from "../../support/e2e";
import {
  actorOn,
  approveVacancy,
  journeyVariants,
  knownPasswordFor,
  moveApplication,
  openStage,
  postVacancy,
  screenshots,
  signInAs,
  variantTitle,
} from "../../support/journey-steps";

const COMPANIES = [
  { person: "Нурлан Исаков", company: "Ош Дата Студио", email: "nurlan@oshdata.kg", city: "Ош" },
  { person: "Гүлзат Мамбетова", company: "Nomad Pixel", email: "gulzat@nomadpixel.kg", city: "Бишкек" },
] as const;

/** Registered by tests/e2e/journeys.test.ts, which starts the server and browser the three journeys share. */
export function employerJourney(env: ServerAndBrowser): void {
  describe.skipIf(!hasChromium)("employer journey in a real browser", () => {
    for (const v of journeyVariants(["en", "ky"])) {
      it(`sign up → verified → post → approved → candidates → invite → hired (${variantTitle(v)})`, async () => {
        const { server, browser } = env;
        const co = COMPANIES[v.index]!;
        const title = `Junior Python developer — ${co.city} (${co.company})`;
        const shot = screenshots("employer", v);
        // One tab for everyone in this variant, each with their own cookies (journey-steps.ts, Stage).
        const stage = await openStage(browser, server, v);

        // 1. Sign up: the company account waits for the Agency's check.
        const e = await actorOn(stage);
        const { m, page } = e;
        await e.goto(`/signup?lng=${v.lang}`);
        await page.getByLabel(m["signup.name"]).fill(co.person);
        await page.getByLabel(m["signup.company"]).fill(co.company);
        await page.getByLabel(m["signup.email"]).fill(co.email);
        await page.getByLabel(m["signup.password"], { exact: true }).fill("company-secret-2026");
        await page.getByLabel(m["signup.passwordRepeat"]).fill("company-secret-2026");
        await e.submit(m["signup.submit"]);
        // Sign-up answers alike whether or not the address had an account, so it does not sign
        // anyone in: the new employer signs in next (issue 13, item 14).
        expect(new URL(page.url()).pathname).toBe("/login");
        await signInAs(e, co.email, "company-secret-2026", true);
        // …and lands on its dashboard, told what it can do while it waits (issue 14).
        expect(new URL(page.url()).pathname).toBe("/employer");
        await expectText(page.locator("#verification-title"), m["employerStart.pendingTitle"]);
        await shot(e, "signed-up");

        // 2. Staff (with their own session) verify the company.
        const staff = await actorOn(stage, "staff@demo.kg");
        await staff.goto("/staff/companies");
        await Promise.all([staff.page.waitForURL(/\/staff\/companies\/\d+$/), staff.page.getByRole("link", { name: co.company }).first().click()]);
        await staff.submit(staff.m["companies.staff.verify"]);
        await expectTextContaining(staff.page.locator("main"), staff.m["companies.label.verified"]);
        await shot(staff, "staff-verified");
        await e.goto("/account");
        await expectText(page.locator("main .pill"), m["account.status.verified"]);

        // 3. Post a vacancy and send it for review.
        const vacancyId = await postVacancy(e, {
          title,
          city: co.city,
          skills: "питон\nGit",
          description: "Мы делаем системы бронирования для гостевых домов.\n\nВы будете писать сервисы на Python вместе с наставником.",
        });
        await shot(e, "vacancy-submitted");

        // 4. Staff approve it; it is on the public board.
        await approveVacancy(staff, vacancyId);
        await shot(staff, "staff-approved");
        expect(staff.errors).toEqual([]);
        await staff.close();
        // Asked with no one's cookies (the staff's were dropped, the employer's are put back on its next page): the public board.
        const board = await page.request.get(`${server.url}/vacancies/${vacancyId}`);
        expect(board.status()).toBe(200);

        // 5. The ranked candidates: best first, each with its reason and an explanation that unfolds.
        await e.goto("/employer");
        await Promise.all([
          page.waitForURL(new RegExp(`/vacancies/${vacancyId}/candidates$`)),
          page.locator(`main a[href="/vacancies/${vacancyId}/candidates"]`).first().click(),
        ]);
        const first = page.locator(".match-card").first();
        await expectTextContaining(first.locator(".match-score"), /\d{1,3}\/100$/);
        const scores = (await page.locator(".match-card .match-score").allTextContents()).map((s) => Number(s.match(/(\d+)\/100/)![1]));
        expect(scores.length).toBeGreaterThan(1);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        await expectTextContaining(first.locator(".match-reason"), /\d+/);
        await first.locator("summary").click();
        await expectText(first.locator(".match-parts caption"), m["match.parts"]);
        await shot(e, "candidates");

        // 6. Invite the top candidate.
        const top = page.locator(".match-card", { has: page.locator("button[type=submit]") }).first();
        const link = top.locator("h2 a");
        const slug = (await link.getAttribute("href"))!.replace("/g/", "");
        const name = await textOf(link);
        const invite = top.locator("button[type=submit]");
        await expectTextContaining(invite, m["match.invite"]);
        await e.submit(invite);
        const invited = page.locator(".match-card", { has: page.locator(`a[href="/g/${slug}"]`) });
        await expectText(invited.locator(".pill").last(), m["applications.status.invited"]);
        await shot(e, "invited");

        // 7. The graduate sees the invitation, finds the vacancy among jobs for them and accepts by applying.
        const email = await knownPasswordFor(server, slug);
        const g = await actorOn(stage, email);
        await g.goto("/me/jobs");
        expect(await findOnPages(g.page, vacancyId), "the vacancy is among the graduate's jobs").toBe(true);
        const job = g.page.locator(".match-card", { has: g.page.locator(`a[href="/vacancies/${vacancyId}"]`) });
        await expectTextContaining(job, g.m["applications.status.invited"]);
        await g.goto("/me/applications");
        const mine = g.page.locator("main li.card", { hasText: title });
        await expectText(mine.locator(".pill"), g.m["applications.status.invited"]);
        await Promise.all([g.page.waitForURL(/\/me\/applications\/\d+$/), mine.getByRole("link", { name: title }).click()]);
        await Promise.all([g.page.waitForURL(/\/apply$/), g.page.getByRole("link", { name: g.m["applications.accept"] }).click()]);
        await g.page.getByLabel(g.m["applications.apply.note"]).fill("Спасибо за приглашение! Готов(а) выйти на работу в марте.");
        await g.submit(g.m["applications.apply.submit"]);
        await expectText(g.page.locator("main .pill").first(), g.m["applications.status.applied"]);
        await shot(g, "graduate-accepted");
        expect(g.errors).toEqual([]);
        await g.close();

        // 8. The employer moves the applicant stage by stage to hired; the hire is on the hires page.
        await moveApplication(e, name, ["screening", "interview", "offer", "hired"]);
        await shot(e, "hired");
        await e.goto("/employer/hires");
        await expectTextContaining(page.locator("main"), name);
        await shot(e, "hires");
        expect(e.errors).toEqual([]);
        await stage.close();
      }, 180_000);
    }

    /** Follows "next" through the ranked pages until the vacancy's card shows (at most 10 pages). */
    async function findOnPages(page: Page, vacancyId: number): Promise<boolean> {
      for (let i = 0; i < 10; i++) {
        if (await page.locator(`.match-card a[href="/vacancies/${vacancyId}"]`).count()) return true;
        const next = page.locator('a[rel="next"]');
        if (!(await next.count())) return false;
        const to = new URL((await next.getAttribute("href"))!, "http://x").searchParams.get("page")!;
        await next.click();
        // Rendered, not only addressed: with JavaScript the URL changes a moment before the new
        // page is drawn, so wait until the "previous" link points one page back from the new one.
        await page.locator(`a[rel="prev"][href*="page=${Number(to) - 1}"]`).waitFor();
      }
      return false;
    }
  });
}
