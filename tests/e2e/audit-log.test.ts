// The audit log page on a 360 px phone with JavaScript off, in Kyrgyz: a change with a long
// value without spaces scrolls or wraps inside the table's frame and never widens the page.
// Reaching the log from the staff menu, filtering it and reading a change before → after are
// part of the staff journey (journeys/staff.test.ts) in all four variants.
import { describe, expect, it } from "vitest";
import { expectTextContaining, hasChromium } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";
import { expectNoSidewaysScroll, openActor, readDb, signInAs } from "../support/journey-steps";

describe.skipIf(!hasChromium)("audit log in a real browser", () => {
  const env = useServerAndBrowser();

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
    await signInAs(s, "staff@demo.kg");
    await s.goto("/staff/audit?action=module.update");
    await expectTextContaining(s.page.locator("main table tbody tr").first(), s.m["audit.action.module.update"]);
    expect(await s.page.locator("main table tbody tr").first().locator("ins").first().innerText()).toContain("WWWW");
    await expectNoSidewaysScroll(s.page, "audit log with a long value");
    expect(s.errors).toEqual([]);
    await s.close();
  });
});
