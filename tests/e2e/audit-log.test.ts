// The audit log page in a real browser: staff reach it from their menu, filter it with
// JavaScript off on a 360 px phone (the table scrolls inside its frame, the page does not),
// and read a change before/after; the same with JavaScript on at desktop width.
import path from "node:path";
import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en } from "~/i18n/messages/en";
import { ky } from "~/i18n/messages/ky";
import { ru } from "~/i18n/messages/ru";
import { hasChromium, screenshotPath, textOf } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

const catalogs = { ky, ru, en };

describe.skipIf(!hasChromium)("audit log in a real browser", () => {
  const env = useServerAndBrowser();

  function addEntries() {
    const db = new Database(path.join(env.server.dataDir, "portal.sqlite"));
    try {
      db.pragma("busy_timeout = 5000");
      const staff = db.prepare("select id from users where email = 'staff@demo.kg'").get() as { id: number };
      const insert = db.prepare("insert into audit_log (actor_user_id, action, entity, entity_id, before_json, after_json) values (?, ?, ?, ?, ?, ?)");
      insert.run(staff.id, "company.trust", "company", "3", JSON.stringify({ trusted: 0, status: "verified" }), JSON.stringify({ trusted: 1, status: "verified" }));
      // A long value without spaces must wrap or scroll inside the table, never widen the page.
      insert.run(staff.id, "module.update", "module", "5", JSON.stringify({ title_en: "Web" }), JSON.stringify({ title_en: "W".repeat(200), skills: ["javascript", "typescript", "react", "node-js"] }));
    } finally {
      db.close();
    }
  }

  async function signInAsStaff(page: Page, lng: "ky" | "ru" | "en") {
    const m = catalogs[lng];
    await page.goto(`${env.server.url}/login?lng=${lng}`);
    await page.getByLabel(m["login.email"]).fill("staff@demo.kg");
    await page.getByLabel(m["login.password"]).fill("demo-portal-2026");
    await Promise.all([page.waitForURL(`${env.server.url}/staff`), page.locator("main").getByRole("button", { name: m["login.submit"] }).click()]);
  }

  const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  for (const variant of [
    { js: false, width: 360, height: 740, lng: "ky" },
    { js: true, width: 1280, height: 800, lng: "ru" },
  ] as const) {
    it(`JS ${variant.js ? "on" : "off"}, ${variant.width}px, ${variant.lng}: menu → page → filter by action`, async () => {
      addEntries();
      const m = catalogs[variant.lng];
      const context = await env.browser.newContext({ javaScriptEnabled: variant.js, viewport: { width: variant.width, height: variant.height } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await signInAsStaff(page, variant.lng);
      await Promise.all([page.waitForURL(`${env.server.url}/staff/audit`), page.getByRole("navigation", { name: m["nav.staff"] }).getByRole("link", { name: m["audit.title"] }).click()]);
      expect(await textOf(page.locator("main h1"), m["audit.title"])).toBe(m["audit.title"]);
      await page.screenshot({ path: screenshotPath(`audit-${variant.js ? "js" : "nojs"}-${variant.width}-first`), fullPage: true });
      const wide = await page.evaluate(() => [...document.querySelectorAll("body *")].filter((e) => !e.closest(".table-wrap") && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));
      expect(await overflow(page), `page wider than the screen: ${wide.join(" | ")}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: screenshotPath(`audit-${variant.js ? "js" : "nojs"}-${variant.width}-all`), fullPage: true });

      await page.getByLabel(m["audit.filter.action"]).selectOption("company.trust");
      await Promise.all([page.waitForURL((u) => u.searchParams.get("action") === "company.trust"), page.locator("main").getByRole("button", { name: m["audit.filter.show"] }).click()]);
      const rows = page.locator("main table tbody tr");
      expect(await textOf(rows.first(), undefined)).toContain(m["audit.action.company.trust"]);
      const actions = await page.locator("main table tbody tr td:nth-child(3) code").allInnerTexts();
      expect(actions.length).toBeGreaterThan(0);
      expect(new Set(actions)).toEqual(new Set(["company.trust"]));
      // Before → after, with the changed key marked.
      expect(await page.locator("main table tbody tr").first().locator("del").first().innerText()).toBe("0");
      expect(await page.locator("main table tbody tr").first().locator("ins").first().innerText()).toBe("1");
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
