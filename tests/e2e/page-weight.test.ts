// docs/product.md §10 page weight: every public page type, loaded in Chromium with JavaScript on, ships
// at most 120 KB gzip of first-load JavaScript and 60 KB gzip of HTML + CSS (bodies gzipped by
// the test itself). `npm run bench` prints the same figures with their ratios.
import { describe, expect, it } from "vitest";
import { HTML_CSS_BUDGET_KB, JS_BUDGET_KB, measurePageWeights } from "../bench/page-weight";
import { hasChromium } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

const SERVER_RENDERED_ONLY_PAGES = ["home", "job board", "vacancy", "company", "companies", "portfolio", "outcomes"];

describe.skipIf(!hasChromium)("page weight of public pages", () => {
  const env = useServerAndBrowser();

  it("first-load JavaScript ≤ 120 KB gzip and HTML + CSS ≤ 60 KB gzip on each public page type", async () => {
    const weights = await measurePageWeights(env.server.url, env.browser);
    expect(weights.map((w) => w.name)).toEqual(expect.arrayContaining(["home", "job board", "vacancy", "company", "companies", "portfolio", "login"]));
    for (const w of weights) {
      expect(w.status, w.path).toBe(200);
      // The pages that are read, not worked in, ship no JavaScript at all (app/utils/hydration.ts);
      // the others load theirs, so the JavaScript figure is a real measurement.
      expect(w.files.some((f) => f.kind === "js"), `${w.path} loads scripts`).toBe(!SERVER_RENDERED_ONLY_PAGES.includes(w.name));
      expect(w.jsKb, `${w.path} JavaScript KB gzip`).toBeLessThanOrEqual(JS_BUDGET_KB);
      expect(w.htmlCssKb, `${w.path} HTML + CSS KB gzip`).toBeLessThanOrEqual(HTML_CSS_BUDGET_KB);
    }
  }, 120_000);
});
