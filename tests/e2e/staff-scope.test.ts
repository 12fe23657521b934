// The Naryn-scoped placement officer in a real browser (issue 19 items 1 and 6, docs/decisions/063-staff-scope.md):
// naryn@demo.kg on a 360 px phone with JavaScript off, in Kyrgyz — the staff landing page names the
// scope, the graduate list shows Naryn's graduates only, and a Karakol graduate's page is a 404; the
// admin's staff list names the scope and its form fits the phone.
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@db/connection";
import { hasChromium, launchBrowser } from "../support/browser";
import { expectNoSidewaysScroll, openActor, signInWithCookie } from "../support/journey-steps";
import { demoDataCopy, type RunningServer, startServer } from "../support/server";

describe.skipIf(!hasChromium)("a school-scoped officer on a phone, JavaScript off", () => {
  let server: RunningServer;
  let browser: Browser;
  let karakolGraduateId = 0;
  let narynName = "";
  let karakolName = "";
  beforeAll(async () => {
    const dataDir = await demoDataCopy();
    const c = openDatabase(path.join(dataDir, "portal.sqlite"));
    try {
      const school = (slug: string) => c.db.selectFrom("schools").select(["id", "name_ky"]).where("slug", "=", slug).executeTakeFirstOrThrow();
      const [naryn, karakol] = await Promise.all([school("pl-87-naryn"), school("pl-14-karakol")]);
      narynName = naryn.name_ky;
      karakolName = karakol.name_ky;
      const g = await c.db
        .selectFrom("graduates")
        .innerJoin("cohorts", "cohorts.id", "graduates.cohort_id")
        .select("graduates.id")
        .where("cohorts.school_id", "=", karakol.id)
        .where("graduates.user_id", "is not", null)
        .orderBy("graduates.id")
        .executeTakeFirstOrThrow();
      karakolGraduateId = g.id;
    } finally {
      c.sqlite.close();
    }
    [server, browser] = await Promise.all([startServer({}, dataDir), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("names the scope, lists Naryn's graduates only, and answers 404 for a Karakol graduate (ky, 360 px)", async () => {
    const s = await openActor(browser, server, { js: false, width: 360, height: 740, lang: "ky" });
    await signInWithCookie(s, "naryn@demo.kg");
    const body = () => s.page.locator("body").innerText();

    await s.goto("/staff?lng=ky");
    expect(await s.page.getByTestId("staff-scope").innerText()).toBe(s.m["staffScope.line"].replace("{names}", narynName));
    // Company and vacancy work is the whole Agency's: not in a scoped officer's navigation.
    expect(await s.page.locator('a[href="/staff/companies"]').count()).toBe(0);
    await expectNoSidewaysScroll(s.page, "the staff landing page");

    await s.goto("/staff/graduates?lng=ky");
    const tiles = s.page.locator("ul.tiles li");
    expect(await tiles.count()).toBeGreaterThan(0);
    for (const text of await tiles.allInnerTexts()) expect(text).toContain(narynName);
    expect(await body()).not.toContain(karakolName);
    await expectNoSidewaysScroll(s.page, "the graduate list");

    const answer = await s.page.goto(`${server.url}/staff/graduates/${karakolGraduateId}?lng=ky`);
    expect(answer?.status()).toBe(404);
    expect(s.errors).toEqual([]);
    await s.close();
  });

  it("the admin's staff list names each officer's scope and its form fits a 360 px phone (ky)", async () => {
    const s = await openActor(browser, server, { js: false, width: 360, height: 740, lang: "ky" });
    await signInWithCookie(s, "admin@demo.kg");
    await s.goto("/admin/staff?lng=ky");
    const body = await s.page.locator("body").innerText();
    expect(body).toContain(narynName);
    expect(body).toContain(s.m["adminScope.agency"]);
    // Open the Naryn officer's form (a <details>, no script needed): Naryn is ticked.
    const row = s.page.locator("details", { hasText: narynName }).first();
    await row.locator("summary").click();
    expect(await row.getByRole("checkbox", { name: narynName }).isChecked()).toBe(true);
    await expectNoSidewaysScroll(s.page, "the admin's staff list with a scope form open");
    expect(s.errors).toEqual([]);
    await s.close();
  });
});
