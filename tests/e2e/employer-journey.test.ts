// Issue 4's journey in a real browser: an employer signs up → staff verify the company → the
// employer posts a vacancy → staff approve it → a graduate finds it on the board with
// JavaScript off and applies → the employer moves the application all the way to hired.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en, type Messages } from "~/i18n/messages/en";
import { ky } from "~/i18n/messages/ky";
import { ru } from "~/i18n/messages/ru";
import { hasChromium, screenshotPath, textOf } from "../support/browser";
import { signIn, submitForm } from "../support/forms";
import { useServerAndBrowser } from "../support/e2e";

const labels = (m: Messages) => ({ email: m["login.email"], password: m["login.password"], submit: m["login.submit"] });
const TITLE = "Junior Python developer — Karakol office";

describe.skipIf(!hasChromium)("employer journey in a real browser", () => {
  const env = useServerAndBrowser();

  async function asStaff(run: (page: Page) => Promise<void>) {
    const context = await env.browser.newContext({ javaScriptEnabled: true, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, true, env.server.url, "staff@demo.kg", labels(ru), "ru");
    await run(page);
    await context.close();
  }

  it("sign up → verified → post → approved → graduate applies (JS off) → hired", async () => {
    // 1. The employer registers a company (English, phone size, JavaScript on).
    const employer = await env.browser.newContext({ javaScriptEnabled: true, viewport: { width: 360, height: 740 } });
    const ep = await employer.newPage();
    const errors: string[] = [];
    ep.on("pageerror", (e) => errors.push(e.message));
    await ep.goto(`${env.server.url}/signup?lng=en`);
    await ep.getByLabel(en["signup.name"]).fill("Асель Токтогулова");
    await ep.getByLabel(en["signup.company"]).fill("Karakol Code Lab");
    await ep.getByLabel(en["signup.email"]).fill("asel@karakolcode.kg");
    await ep.getByLabel(en["signup.password"], { exact: true }).fill("karakol-code-2026");
    await ep.getByLabel(en["signup.passwordRepeat"]).fill("karakol-code-2026");
    await submitForm(ep, true, en["signup.submit"]);
    expect(new URL(ep.url()).pathname).toBe("/account");

    // 2. Staff verify the company.
    await asStaff(async (sp) => {
      await sp.goto(`${env.server.url}/staff/companies`);
      await sp.screenshot({ path: screenshotPath("employer-journey-staff-companies-ru"), fullPage: true });
      await Promise.all([sp.waitForURL(/\/staff\/companies\/\d+$/), sp.getByRole("link", { name: "Karakol Code Lab" }).click()]);
      await submitForm(sp, true, ru["companies.staff.verify"]);
    });

    // 3. The employer posts a vacancy and sends it for review.
    await ep.goto(`${env.server.url}/employer/vacancies/new`);
    await ep.getByLabel(en["vacancies.field.title"]).fill(TITLE);
    await ep.getByLabel(en["vacancies.field.description"]).fill("We build booking systems for guest houses on Issyk-Kul.\n\nYou will write Python services with a mentor.");
    await ep.getByLabel(en["vacancies.field.city"]).fill("Karakol");
    await ep.getByLabel(en["vacancies.field.skills"], { exact: true }).fill("питон\nGit");
    await submitForm(ep, true, en["vacancies.action.submit"]);
    expect(new URL(ep.url()).pathname).toMatch(/^\/employer\/vacancies\/\d+$/);

    // 4. Staff approve it.
    await asStaff(async (sp) => {
      await sp.goto(`${env.server.url}/staff/vacancies`);
      const card = sp.locator("article", { hasText: TITLE });
      await submitForm(sp, true, ru["vacancies.action.approve"], card);
    });

    // 5. A graduate finds it on the board with JavaScript off (Kyrgyz) and applies.
    const graduate = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const gp = await graduate.newPage();
    await signIn(gp, false, env.server.url, "graduate2@demo.kg", labels(ky), "ky");
    await gp.goto(`${env.server.url}/vacancies`);
    await gp.getByLabel(ky["vacancies.q"], { exact: true }).fill("Karakol Python");
    await Promise.all([gp.waitForEvent("load"), gp.locator("main form[method='get'] button[type='submit']").first().click()]);
    await Promise.all([gp.waitForEvent("load"), gp.getByRole("link", { name: TITLE }).first().click()]);
    expect(await gp.locator('script[type="application/ld+json"]').count()).toBe(1);
    await Promise.all([gp.waitForEvent("load"), gp.getByRole("link", { name: ky["vacancies.apply"] }).click()]);
    await gp.getByLabel(ky["applications.apply.note"]).fill("Саламатсызбы! Каракол шаарынанмын, Python менен иштегенди жакшы көрөм.");
    await submitForm(gp, false, ky["applications.apply.submit"]);
    expect(new URL(gp.url()).pathname).toMatch(/^\/me\/applications\/\d+$/);
    await gp.screenshot({ path: screenshotPath("employer-journey-applied-ky-360"), fullPage: true });

    // 6. The employer moves the application step by step to hired.
    await ep.goto(`${env.server.url}/employer/applicants`);
    await Promise.all([ep.waitForURL(/\/employer\/applications\/\d+$/), ep.getByRole("link", { name: "Бакыт Токтогулов" }).first().click()]);
    const move = async (to: string, fill?: () => Promise<void>) => {
      await ep.getByLabel(en["applications.move.to"]).selectOption(to);
      if (fill) await fill();
      await submitForm(ep, true, en["applications.move.submit"]);
    };
    await move("screening");
    await move("interview", async () => {
      await ep.getByLabel(en["applications.interviewAt"]).fill("2027-02-15T10:00");
      await ep.getByLabel(en["applications.interviewPlace"]).fill("Karakol, Toktogul st. 120, office 4");
    });
    await move("offer");
    await move("hired", async () => {
      await ep.getByLabel(en["applications.move.startDate"]).fill("2027-03-01");
      await ep.getByLabel(en["applications.move.monthlyPay"]).fill("45000");
    });
    expect(await ep.locator("main").innerText()).toContain(en["applications.status.hired"]);
    await ep.screenshot({ path: screenshotPath("employer-journey-hired-en-360"), fullPage: true });

    // The graduate sees the new status (and a notification).
    await gp.reload();
    expect(await gp.locator("main").innerText()).toContain(ky["applications.status.hired"]);
    expect(await textOf(gp.locator("header"))).toMatch(/\(\d+/);
    expect(errors).toEqual([]);
    await graduate.close();
    await employer.close();
  }, 180_000);
});
