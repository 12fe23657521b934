// Issue 14 loose end: after staff verify a company, its employer's header offers "Graduates" on the
// next in-page navigation (JavaScript on), without a full reload — the header's live state follows
// the location as the unread count does (docs/decisions/026-application-page-state.md).
import { describe, expect, it } from "vitest";
import { hasChromium, openMainMenu } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";
import { openActor, readDb, signInAs } from "../support/journey-steps";

const phoneJs = { js: true, width: 360, height: 740, lang: "ru" as const };

describe.skipIf(!hasChromium)("the header follows a company's verification (JS on)", () => {
  const env = useServerAndBrowser();

  it("pending@demo.kg sees no «Graduates» link; staff verify the company; the next link click shows it", { timeout: 180_000 }, async () => {
    const { server, browser } = env;
    const companyId = readDb(
      server,
      (db) =>
        (
          db
            .prepare(
              "select c.id from companies c join company_members cm on cm.company_id = c.id join users u on u.id = cm.user_id where u.email = 'pending@demo.kg'",
            )
            .get() as { id: number }
        ).id,
    );
    const e = await openActor(browser, server, phoneJs);
    try {
      await signInAs(e, "pending@demo.kg");
      const graduatesLink = e.page.locator(".main-nav a[href='/graduates']");
      expect(await graduatesLink.count()).toBe(0);

      // Staff verify the company in their own browser.
      const s = await openActor(browser, server, phoneJs);
      try {
        await signInAs(s, "staff@demo.kg");
        await s.goto(`/staff/companies/${companyId}`);
        await s.submit(s.m["companies.staff.verify"]);
        expect(s.errors).toEqual([]);
      } finally {
        await s.close();
      }
      expect(readDb(server, (db) => (db.prepare("select status from companies where id = ?").get(companyId) as { status: string }).status)).toBe("verified");

      // An in-page navigation (client-side, the document is not reloaded): the header follows.
      await e.page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
      await openMainMenu(e.page);
      await e.page.locator(".main-nav a[href='/vacancies']").click();
      await e.page.waitForURL(/\/vacancies$/);
      await e.page.waitForSelector('body[data-nav-state="idle"]');
      await expect.poll(() => graduatesLink.count(), { timeout: 10_000 }).toBe(1);
      expect(await e.page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), "no full reload").toBe(true);
      expect(e.errors).toEqual([]);
    } finally {
      await e.close();
    }
  });
});
