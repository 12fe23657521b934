// Every page type in Kyrgyz, Russian and English, on a 360 px phone with JavaScript off: no raw
// message key (a catalog key such as "profile.headline") shows in the text or in an accessible
// name, nothing is wider than the screen (tables scroll inside their .table-wrap), and no word
// is split over two lines by a squeezed column.
import { describe, expect, it } from "vitest";
import { en } from "~/i18n/messages/en";
import { hasChromium, screenshotPath } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";
import { usePageTour, withLang } from "../support/page-tour";

const KEYS = new Set(Object.keys(en));

describe.skipIf(!hasChromium)("languages in a real browser", () => {
  const env = useServerAndBrowser();
  const tour = usePageTour(env);

  for (const lang of ["ky", "ru", "en"] as const) {
    it(`no raw message key, no sideways overflow and no split word at 360 px on any page type (${lang})`, async () => {
      const problems: string[] = [];
      for (const p of tour.pages) {
        const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, storageState: tour.sessions[p.role] });
        const page = await context.newPage();
        const response = await page.goto(`${env.server.url}${withLang(p.path, lang)}`);
        expect(response?.status(), p.name).toBe(p.status ?? 200);
        expect(await page.locator("html").getAttribute("lang")).toBe(lang);
        const { text, width, broken } = await page.evaluate(() => {
          const attrs = [...document.querySelectorAll("[aria-label], [title], [placeholder], [alt], input[type=submit], input[type=button]")]
            .flatMap((el) => ["aria-label", "title", "placeholder", "alt", "value"].map((a) => el.getAttribute(a) ?? ""));
          // A word of 5–20 letters fits any phone line, so one drawn over two lines means its
          // box was squeezed (a grid or table column pressed to a few letters wide).
          const broken: string[] = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            // Text not drawn (the folded header menu on a phone) has no lines to split.
            if (!node.parentElement!.checkVisibility()) continue;
            for (const word of (node.textContent ?? "").matchAll(/\p{L}{5,20}/gu)) {
              const range = document.createRange();
              range.setStart(node, word.index!);
              range.setEnd(node, word.index! + word[0].length);
              const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
              if (lines.size > 1) broken.push(`«${word[0]}» in <${node.parentElement!.tagName.toLowerCase()}>`);
            }
          }
          return { text: `${document.title}\n${document.body.innerText}\n${attrs.join("\n")}`, width: document.documentElement.scrollWidth, broken };
        });
        const raw = [...new Set(text.match(/\b[a-z]+(?:\.[a-zA-Z0-9-]+)+\b/g) ?? [])].filter((m) => KEYS.has(m));
        if (raw.length) problems.push(`${p.name} ${p.path}: raw keys ${raw.join(", ")}`);
        if (broken.length) problems.push(`${p.name} ${p.path}: words split over two lines ${[...new Set(broken)].join(", ")}`);
        if (width > 360) {
          problems.push(`${p.name} ${p.path}: ${width} px wide`);
          await page.screenshot({ path: screenshotPath(`overflow-${lang}-${p.name}`), fullPage: true });
        }
        await context.close();
      }
      expect(problems).toEqual([]);
    }, 300_000);
  }
});
