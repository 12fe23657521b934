// The "done" story in a real browser: a placement officer imports a cohort CSV
// (semicolons, BOM, Cyrillic, one bad line), a graduate joins with the code it produced and
// adds a skill, and an employer finds them by that skill typed in Russian.
import { describe, expect, it } from "vitest";
import { en, type Messages } from "~/i18n/messages/en";
import { ky } from "~/i18n/messages/ky";
import { ru } from "~/i18n/messages/ru";
import { hasChromium, screenshotPath, textOf } from "../support/browser";
import { signIn, submitForm } from "../support/forms";
import { useServerAndBrowser } from "../support/e2e";

const labels = (m: Messages) => ({ email: m["login.email"], password: m["login.password"], submit: m["login.submit"] });
const CSV = "\uFEFFФамилия;Имя;Пол;Email\nБообекова;Жылдыз;ж;jyldyz@mail.kg\nМамытов;Нурсултан;м;nursultan@mail.kg\n;Без фамилии;м;bad@mail.kg\n";

describe.skipIf(!hasChromium)("cohort import to employer search in a real browser", () => {
  const env = useServerAndBrowser();

  it("staff import (JS off, ru, phone) → graduate joins (JS on, ky) → employer finds «питон» (JS on, en)", async () => {
    // Staff: upload, check the dry-run report, confirm, read the new code.
    const staff = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    const sp = await staff.newPage();
    await signIn(sp, false, env.server.url, "staff@demo.kg", labels(ru), "ru");
    await sp.goto(`${env.server.url}/staff/import`);
    await sp.getByLabel(ru["import.cohort"]).selectOption({ index: 1 });
    await sp.locator('input[type="file"]').setInputFiles({ name: "выпуск-2026.csv", mimeType: "text/csv", buffer: Buffer.from(CSV, "utf8") });
    await submitForm(sp, false, ru["import.check"]);
    expect(new URL(sp.url()).pathname).toMatch(/^\/staff\/import\/\d+$/);
    const report = await sp.locator("main").innerText();
    expect(report).toContain(ru["import.report.accepted"].replace("{count}", "2"));
    expect(report).toContain(ru["import.report.rejected"].replace("{count}", "1"));
    await sp.screenshot({ path: screenshotPath("import-report-ru-360"), fullPage: true });
    await submitForm(sp, false, sp.locator('form:has(input[name="intent"][value="confirm"]) button'));
    const code = await textOf(sp.locator("tr", { hasText: "Бообекова" }).locator(".code"));
    expect(code).toMatch(/^KG-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await staff.close();

    // The graduate joins with that code, adds Python the way people say it, and shows the profile to employers.
    const grad = await env.browser.newContext({ javaScriptEnabled: true, viewport: { width: 360, height: 740 } });
    const gp = await grad.newPage();
    await gp.goto(`${env.server.url}/join?code=${code}&lng=ky`);
    await gp.getByLabel(ky["join.email"]).fill("jyldyz.b@mail.kg");
    await gp.getByLabel(ky["join.password"], { exact: true }).fill("jyldyz-secret-1");
    await gp.getByLabel(ky["join.passwordRepeat"]).fill("jyldyz-secret-1");
    await submitForm(gp, true, ky["join.submit"]);
    expect(new URL(gp.url()).pathname).toBe("/me/profile");
    const basics = gp.locator("form", { has: gp.locator('input[name="intent"][value="basics"]') });
    await basics.getByLabel(ky["profile.headline"]).fill("Python-иштеп чыгуучу");
    await basics.getByLabel(ky["profile.visibility.employers"]).check();
    await submitForm(gp, true, ky["common.save"], basics);
    await gp.goto(`${env.server.url}/me/skills`);
    await gp.getByLabel(ky["skills.skill"], { exact: true }).fill("питон");
    await submitForm(gp, true, ky["skills.add"]);
    expect(await gp.locator("main table").innerText()).toContain("Python");
    await grad.close();

    // The employer of a verified company searches the directory by the skill typed in Russian.
    const emp = await env.browser.newContext({ javaScriptEnabled: true, viewport: { width: 1280, height: 800 } });
    const ep = await emp.newPage();
    await signIn(ep, true, env.server.url, "employer@demo.kg", labels(en), "en");
    await ep.goto(`${env.server.url}/graduates`);
    await ep.getByLabel(en["directory.skill"], { exact: true }).fill("питон");
    await ep.getByLabel(en["directory.q"], { exact: true }).fill("Бообекова");
    await submitForm(ep, true, en["directory.submit"], ep.locator("main"), "GET");
    expect(new URL(ep.url()).searchParams.get("skill")).toBe("питон");
    expect(await ep.locator("main").innerText()).toContain("Жылдыз Бообекова");
    await ep.screenshot({ path: screenshotPath("directory-employer-en-1280"), fullPage: true });
    await emp.close();
  }, 120_000);
});
