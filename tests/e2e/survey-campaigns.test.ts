// Survey campaigns in a real browser (docs/decisions/055-survey-campaigns.md): on a 360 px phone with
// JavaScript off, in Kyrgyz, Russian and English, staff go from the follow-up list to the confirm
// page (counts, the graduate it cannot reach), send, land on the campaign page, send the one
// reminder and see its button gone — no page wider than the screen, no raw message key, no error.
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@db/connection";
import { todayInBishkek } from "~/domain/calendar";
import { hasChromium, launchBrowser } from "../support/browser";
import { makeCohort, makeGraduate } from "../support/factories";
import { expectNoSidewaysScroll, openActor, signInWithCookie } from "../support/journey-steps";
import { demoDataCopy, type RunningServer, startServer } from "../support/server";

const LANGS = ["ky", "ru", "en"] as const;

describe.skipIf(!hasChromium)("survey campaigns on a phone, JavaScript off", () => {
  let server: RunningServer;
  let browser: Browser;
  /** One due cohort per language, so each language sends its own campaign. */
  const cohorts = new Map<string, number>();
  beforeAll(async () => {
    const dataDir = await demoDataCopy();
    const c = openDatabase(path.join(dataDir, "portal.sqlite"));
    try {
      const school = await c.db.selectFrom("schools").select("id").orderBy("id", "desc").executeTakeFirstOrThrow();
      for (const [i, lang] of LANGS.entries()) {
        const cohortId = await makeCohort(c, todayInBishkek(Date.now() - (i + 1) * 86_400_000), school.id);
        cohorts.set(lang, cohortId);
        for (const k of [1, 2])
          await makeGraduate(c, { cohortId, firstName: `Айданакүл${k}`, lastName: "Жээнбекова-Осмоналиева", account: { email: `phone-${lang}-${k}@test.kg` } });
        // No account: the campaign cannot reach her; the confirm page lists her.
        await makeGraduate(c, { cohortId, firstName: "Гүлзатбүбү", lastName: "Кадырбековасыдыкова", account: false });
      }
    } finally {
      c.sqlite.close();
    }
    [server, browser] = await Promise.all([startServer({}, dataDir), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const lang of LANGS) {
    it(`from the follow-up list to the campaign page and its reminder at 360 px (${lang})`, async () => {
      const s = await openActor(browser, server, { js: false, width: 360, height: 740, lang });
      // The sign-in form is not the subject here (journeys and demo roles test it): a session made over HTTP.
      await signInWithCookie(s, "staff@demo.kg");
      const cohortId = cohorts.get(lang)!;
      await s.goto(`/staff/outcomes/follow-up?cohort=${cohortId}&lng=${lang}`);
      // waitForURL waits for the page's load event; the URL alone changes as soon as the response
      // starts, and on a busy CI machine the body was read half-parsed (CI of session 11).
      await Promise.all([
        s.page.waitForURL((u) => u.pathname === "/staff/outcomes/campaigns/new"),
        s.page.getByRole("link", { name: s.m["campaigns.start"] }).click(),
      ]);
      const body = () => s.page.locator("body").innerText();
      expect(await body()).toContain(s.m["campaigns.new.total"].replace("{n}", "3"));
      expect(await body()).toContain("Гүлзатбүбү Кадырбековасыдыкова");
      await expectNoSidewaysScroll(s.page, `the confirm page (${lang})`);

      await s.submit(s.m["campaigns.new.confirm"]);
      expect(new URL(s.page.url()).pathname).toMatch(/^\/staff\/outcomes\/campaigns\/\d+$/);
      expect(await body()).toContain(s.m["flash.campaignSent"]);
      expect(await body()).toContain(s.m["campaigns.count.messaged"].replace("{n}", "2"));
      await expectNoSidewaysScroll(s.page, `the campaign page (${lang})`);

      const remind = s.m["campaigns.remind.button"].replace("{n}", "2");
      await s.submit(remind);
      expect(await body()).toContain(s.m["flash.campaignReminded"]);
      expect(await s.page.getByRole("button", { name: remind }).count()).toBe(0);
      await expectNoSidewaysScroll(s.page, `the campaign page after the reminder (${lang})`);

      await s.goto("/staff/outcomes/campaigns");
      await expectNoSidewaysScroll(s.page, `the campaigns list (${lang})`);
      // No message key shown raw on any of these pages.
      expect(await body()).not.toMatch(/\bcampaigns\.[a-zA-Z.]+/);
      expect(s.errors).toEqual([]);
      await s.close();
    }, 120_000);
  }
});
