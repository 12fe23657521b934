// The directory in a real browser: a newly enrolled graduate joins (JS on, Kyrgyz, phone), adds
// Python the way people say it and shows the profile to employers; an employer of a verified
// company finds them by that skill typed in Russian (JS on, English, desktop). The CSV import
// that makes codes in bulk is part of the staff journey (journeys/staff.test.ts).
import { describe, expect, it } from "vitest";
import { hasChromium, screenshotPath } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";
import { addSkill, asHelper, enrolGraduate, joinWithCode, openActor, readDb, signInAs } from "../support/journey-steps";

describe.skipIf(!hasChromium)("employer directory search in a real browser", () => {
  const env = useServerAndBrowser();

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
    await signInAs(e, "employer@demo.kg");
    await e.goto("/graduates");
    await e.page.getByLabel(e.m["directory.skill"], { exact: true }).fill("питон");
    await e.page.getByLabel(e.m["directory.q"], { exact: true }).fill("Бообекова");
    await e.search(e.m["directory.submit"], e.page.locator("main"), (u) => u.searchParams.get("skill") === "питон");
    expect(await e.page.locator("main").innerText()).toContain("Жылдыз Бообекова");
    await e.page.screenshot({ path: screenshotPath("directory-employer-en-1280"), fullPage: true });
    expect(e.errors).toEqual([]);
    await e.close();
  }, 120_000);
});
