// Every page type in Kyrgyz, Russian and English, on a 360 px phone with JavaScript off: no raw
// message key (a catalog key such as "profile.headline") shows in the text or in an accessible
// name, and nothing is wider than the screen (tables scroll inside their .table-wrap).
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
    it(`no raw message key and no sideways overflow at 360 px on any page type (${lang})`, async () => {
      const problems: string[] = [];
      for (const p of tour.pages) {
        const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, storageState: tour.sessions[p.role] });
        const page = await context.newPage();
        const response = await page.goto(`${env.server.url}${withLang(p.path, lang)}`);
        expect(response?.status(), p.name).toBe(p.status ?? 200);
        expect(await page.locator("html").getAttribute("lang")).toBe(lang);
        const { text, width } = await page.evaluate(() => {
          const attrs = [...document.querySelectorAll("[aria-label], [title], [placeholder], [alt], input[type=submit], input[type=button]")]
            .flatMap((el) => ["aria-label", "title", "placeholder", "alt", "value"].map((a) => el.getAttribute(a) ?? ""));
          return { text: `${document.title}\n${document.body.innerText}\n${attrs.join("\n")}`, width: document.documentElement.scrollWidth };
        });
        const raw = [...new Set(text.match(/\b[a-z]+(?:\.[a-zA-Z0-9-]+)+\b/g) ?? [])].filter((m) => KEYS.has(m));
        if (raw.length) problems.push(`${p.name} ${p.path}: raw keys ${raw.join(", ")}`);
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
