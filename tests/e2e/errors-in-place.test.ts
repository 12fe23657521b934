// Issue 14, items 5 and 6 in a real browser at 360 px: a module marked without a date says the
// date is missing, next to that module, and the message is on screen (focused with JavaScript;
// reached by the form's #fragment without); a moderation decision is confirmed where the card was.
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectText, hasChromium } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";
import { openActor, readDb, signInAs } from "../support/journey-steps";

const inViewport = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      // Scrolling to an element can leave it a fraction of a pixel above the edge.
      return r.top >= -1 && r.bottom <= window.innerHeight + 1;
    });

describe.skipIf(!hasChromium)("errors and confirmations where they happen", () => {
  const env = useServerAndBrowser();

  for (const js of [true, false]) {
    it(`marking the last module without a date (JS ${js ? "on" : "off"}, 360px, ky)`, async () => {
      const s = await openActor(env.browser, env.server, { js, width: 360, height: 740, lang: "ky" });
      await signInAs(s, "graduate2@demo.kg");
      await s.goto("/me/modules");
      const card = s.page.locator("li.card", { has: s.page.locator('input[name="intent"][value="module"]') }).last();
      const id = await card.getAttribute("id");
      await card.getByLabel(s.m["modules.completedOn"]).fill("");
      await s.submit(s.m["modules.mark"], card);
      const summary = `#${id} .notice--error`;
      await expectText(s.page.locator(summary), s.m["modules.errorsHere"]);
      await expectText(s.page.locator(`#${id} .field__error`).first(), s.m["modules.dateMissing"]);
      expect(await inViewport(s.page, summary)).toBe(true);
      if (js) expect(await s.page.evaluate(() => document.activeElement?.classList.contains("notice--error"))).toBe(true);
      else expect(new URL(s.page.url()).hash).toBe(`#${id}`);
      expect(s.errors).toEqual([]);
      await s.close();
    }, 60_000);
  }

  it("approving a queued vacancy is confirmed in its place (JS on, 360px, ru)", async () => {
    const waiting = readDb(
      env.server,
      (db) =>
        db
          .prepare(
            "select v.id, v.title from vacancies v join companies c on c.id = v.company_id where v.status = 'submitted' and c.status = 'verified' order by v.updated_at, v.id",
          )
          .all() as { id: number; title: string }[],
    );
    expect(waiting.length).toBeGreaterThan(2);
    const target = waiting[Math.floor(waiting.length / 2)]!;
    const s = await openActor(env.browser, env.server, { js: true, width: 360, height: 740, lang: "ru" });
    await signInAs(s, "staff@demo.kg");
    await s.goto("/staff/vacancies");
    const card = s.page.locator(`article#vacancy-${target.id}`);
    await s.submit(s.m["vacancies.action.approve"], card);
    await expect.poll(() => s.page.locator(`article#vacancy-${target.id}`).count()).toBe(0);
    await expectText(s.page.locator("#decided [role=status]"), s.m["moderation.approved"].replace("{title}", target.title) + ` ${s.m["moderation.openPage"]}`);
    expect(await inViewport(s.page, "#decided")).toBe(true);
    expect(await s.page.evaluate(() => document.activeElement?.id)).toBe("decided");
    expect(s.errors).toEqual([]);
    await s.close();
  }, 60_000);
});
