// Page weight of the public pages (docs/product.md §10): each page is loaded in Chromium with JavaScript
// on, every response is recorded, and the bodies are gzipped here (zlib level 9) so the figure
// does not depend on how the server happened to encode the transfer.
// Budgets: first-load JavaScript ≤ 120 KB gzip; HTML + CSS ≤ 60 KB gzip.
import zlib from "node:zlib";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../support/browser";

export const JS_BUDGET_KB = 120;
export const HTML_CSS_BUDGET_KB = 60;

export type PageWeight = { name: string; path: string; status: number; jsKb: number; htmlCssKb: number; files: { url: string; kind: "js" | "html" | "css"; gzipBytes: number }[] };

async function firstHref(browser: Browser, url: string, pattern: RegExp): Promise<string | null> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  await context.close();
  return hrefs.map((h) => h.split("?")[0]!).find((h) => pattern.test(h)) ?? null;
}

async function demoCompanyPage(browser: Browser, baseUrl: string): Promise<string | null> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login?lng=en`);
    await page.locator('input[name="email"]').fill("employer@demo.kg");
    await page.locator('input[name="password"]').fill("demo-portal-2026");
    await Promise.all([page.waitForEvent("load"), page.locator('main button[type="submit"]').first().click()]);
    await page.goto(`${baseUrl}/company`);
    const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    return hrefs.find((h) => /^\/companies\/[a-z0-9-]+$/.test(h)) ?? null;
  } catch {
    return null; // no demo employer (an empty portal): the page type is left out
  } finally {
    await context.close();
  }
}

/** The public page types, with a real vacancy, company and portfolio read off the site's links. */
export async function publicPages(browser: Browser, baseUrl: string): Promise<{ name: string; path: string }[]> {
  const vacancy = await firstHref(browser, `${baseUrl}/vacancies`, /^\/vacancies\/\d+$/);
  const portfolio = await firstHref(browser, `${baseUrl}/`, /^\/g\/[a-z0-9-]+$/);
  // A company's public page is linked from its own /company page: read it as the demo employer.
  const company = await demoCompanyPage(browser, baseUrl);
  return [
    { name: "home", path: "/" },
    { name: "job board", path: "/vacancies" },
    ...(vacancy ? [{ name: "vacancy", path: vacancy }] : []),
    ...(company ? [{ name: "company", path: company }] : []),
    { name: "companies", path: "/companies" },
    { name: "portfolio", path: portfolio ?? "/g/ayperi-zhumabekova" },
    { name: "outcomes", path: "/outcomes" },
    { name: "login", path: "/login" },
  ];
}

/** Loads one page fresh (empty cache) and sums the gzip size of its JavaScript, HTML and CSS. */
export async function measurePage(browser: Browser, baseUrl: string, name: string, path: string, lang = "ky"): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, extraHTTPHeaders: { "Accept-Language": lang } });
  const page = await context.newPage();
  const pending: Promise<PageWeight["files"][number] | null>[] = [];
  page.on("response", (response) => {
    pending.push((async () => {
      const type = (response.headers()["content-type"] ?? "").split(";")[0]!.trim();
      const url = response.url();
      const kind = type === "text/html" ? "html" : type === "text/css" || url.endsWith(".css") ? "css" : /javascript/.test(type) || url.endsWith(".js") ? "js" : null;
      if (!kind || response.status() >= 300) return null;
      const body = await response.body().catch(() => null);
      if (!body) return null;
      return { url: url.replace(baseUrl, ""), kind, gzipBytes: zlib.gzipSync(body, { level: 9 }).length };
    })());
  });
  const response = await page.goto(`${baseUrl}${path}`);
  await page.waitForLoadState("networkidle");
  const files = (await Promise.all(pending)).filter((f): f is NonNullable<typeof f> => f !== null);
  await context.close();
  const kb = (kinds: string[]) => files.filter((f) => kinds.includes(f.kind)).reduce((sum, f) => sum + f.gzipBytes, 0) / 1024;
  return { name, path, status: response?.status() ?? 0, jsKb: kb(["js"]), htmlCssKb: kb(["html", "css"]), files };
}

/** Every public page type; pages that answer 404 (e.g. /outcomes before it exists) are left out. */
export async function measurePageWeights(baseUrl: string, browser?: Browser): Promise<PageWeight[]> {
  const own = browser ?? (await launchBrowser());
  try {
    const out: PageWeight[] = [];
    for (const p of await publicPages(own, baseUrl)) {
      const weight = await measurePage(own, baseUrl, p.name, p.path);
      if (weight.status === 404) continue;
      out.push(weight);
    }
    return out;
  } finally {
    if (!browser) await own.close();
  }
}
