// Page weight of the pages (docs/product.md §10; every page, signed in or not, since issue 14 item 20): each page is loaded in Chromium with JavaScript
// on, every response is recorded, and the bodies are gzipped here (zlib level 9) so the figure
// does not depend on how the server happened to encode the transfer.
// Budgets: first-load JavaScript ≤ 120 KB gzip; HTML + CSS ≤ 60 KB gzip.
import zlib from "node:zlib";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../support/browser";
import { canonical, extractGetForms, extractLinks, patternOf } from "../support/crawler";

export const JS_BUDGET_KB = 120;
export const HTML_CSS_BUDGET_KB = 60;

export type PageWeight = {
  name: string;
  path: string;
  status: number;
  jsKb: number;
  htmlCssKb: number;
  files: { url: string; kind: "js" | "html" | "css"; gzipBytes: number }[];
};

/**
 * The links of a page as its HTML has them, over HTTP: these pages are read for their links only, and
 * with JavaScript off (as they were read in Chromium before; docs/decisions/035-test-suite-speed.md,
 * Session 9) the page's links are those of its HTML. `main` keeps the page's main content only.
 */
async function hrefsOf(url: string, cookie?: string, main = false): Promise<string[]> {
  const res = await fetch(url, { headers: cookie ? { Cookie: cookie } : {} });
  const html = await res.text();
  return extractLinks(main ? (/<main\b[\s\S]*<\/main>/i.exec(html)?.[0] ?? "") : html);
}

async function firstHref(url: string, pattern: RegExp): Promise<string | null> {
  return (await hrefsOf(url)).map((h) => h.split("?")[0]!).find((h) => pattern.test(h)) ?? null;
}

async function demoCompanyPage(baseUrl: string): Promise<string | null> {
  try {
    // Signed in as the demo employer through the login form's action, as the browser posts it.
    const login = await fetch(`${baseUrl}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
      body: new URLSearchParams({ email: "employer@demo.kg", password: "demo-portal-2026" }),
    });
    await login.arrayBuffer();
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith("__session="))
      ?.split(";")[0];
    if (!cookie) return null; // no demo employer (an empty portal): the page type is left out
    return (await hrefsOf(`${baseUrl}/company`, cookie, true)).find((h) => /^\/companies\/[a-z0-9-]+$/.test(h)) ?? null;
  } catch {
    return null;
  }
}

/** The public page types, with a real vacancy, company and portfolio read off the site's links. */
export async function publicPages(_browser: Browser, baseUrl: string): Promise<{ name: string; path: string }[]> {
  const vacancy = await firstHref(`${baseUrl}/vacancies`, /^\/vacancies\/\d+$/);
  const portfolio = await firstHref(`${baseUrl}/`, /^\/g\/[a-z0-9-]+$/);
  // A company's public page is linked from its own /company page: read it as the demo employer.
  const company = await demoCompanyPage(baseUrl);
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

/** The demo accounts whose pages the weight test walks (besides signed out). */
export const DEMO_ROLES = [
  { role: "graduate", email: "graduate@demo.kg", start: ["/", "/me", "/me/profile"] },
  { role: "employer", email: "employer@demo.kg", start: ["/", "/employer", "/company"] },
  { role: "pending employer", email: "pending@demo.kg", start: ["/", "/company"] },
  { role: "staff", email: "staff@demo.kg", start: ["/", "/staff"] },
  { role: "admin", email: "admin@demo.kg", start: ["/", "/admin", "/staff"] },
] as const;
export const VISITOR_START = ["/", "/vacancies", "/companies", "/outcomes", "/login", "/signup", "/join"];

/**
 * Every page type a role reaches, found as the crawler finds them (tests/support/crawler.ts): links and
 * GET forms followed breadth-first from `start`, GET only, never /logout; one URL per route pattern
 * (ids and names replaced, the query left out — a query does not change the scripts a page loads).
 * Only pages answering 200 with HTML are returned, so a new page linked from anywhere is measured.
 */
export async function discoverPages(baseUrl: string, start: readonly string[], cookie?: string, max = 120): Promise<{ pattern: string; path: string }[]> {
  const base = new URL(baseUrl);
  const seen = new Set<string>();
  const queue: URL[] = [];
  const found: { pattern: string; path: string }[] = [];
  const keyOf = (u: URL) => patternOf(new URL(u.pathname, u));
  const enqueue = (href: string, from: URL) => {
    let url: URL;
    try {
      url = new URL(href, from);
    } catch {
      return;
    }
    if (url.hostname === "localhost" && base.hostname === "127.0.0.1" && url.port === base.port) url.hostname = base.hostname;
    if (url.origin !== base.origin || /^\/logout\b/.test(url.pathname)) return;
    url.hash = "";
    const key = keyOf(url);
    if (seen.has(key)) return;
    seen.add(key);
    queue.push(url);
  };
  for (const s of start) enqueue(s, base);
  while (queue.length && found.length < max) {
    const url = queue.shift()!;
    const res = await fetch(url, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
    if (res.status >= 300 && res.status < 400) {
      const location = res.headers.get("location");
      if (location) enqueue(location, url);
      await res.body?.cancel();
      continue;
    }
    if (res.status !== 200 || !(res.headers.get("content-type") ?? "").includes("text/html")) {
      await res.body?.cancel();
      continue;
    }
    const html = await res.text();
    found.push({ pattern: keyOf(url), path: canonical(url) });
    for (const href of extractLinks(html)) enqueue(href, url);
    for (const href of extractGetForms(html, url)) enqueue(href, url);
  }
  return found;
}

/**
 * The first-load JavaScript of a page as its HTML asks for it, over HTTP without a browser (fast enough
 * to walk every page of every role): the module scripts and module preloads it names, with what those
 * import from /build/, each gzipped here. The page weight test (tests/e2e/page-tours.test.ts) checks it against Chromium's count.
 */
export async function firstLoadJsKb(
  baseUrl: string,
  path: string,
  cookie?: string,
  /** Optional, for a walk of many pages: each /build/ file (content-hashed, so it never changes under its name) fetched and gzipped once. */
  buildFiles?: Map<string, Promise<{ gzipBytes: number; imports: string[] }>>,
): Promise<{ status: number; jsKb: number; files: string[] }> {
  const headers: Record<string, string> = { "Accept-Language": "ky", ...(cookie ? { Cookie: cookie } : {}) };
  const res = await fetch(`${baseUrl}${path}`, { headers });
  const html = await res.text();
  const files = new Set<string>();
  for (const m of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)) files.add(m[1]!);
  for (const m of html.matchAll(/<script\b[^>]*src="([^"]+)"/g)) files.add(m[1]!);
  for (const m of html.matchAll(/<script\b[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/g))
    for (const i of m[1]!.matchAll(/(?:import\s*\(?|from)\s*"(\/build\/[^"]+)"/g)) files.add(i[1]!);
  let bytes = 0;
  const done = new Set<string>();
  const queue = [...files];
  while (queue.length) {
    const file = queue.shift()!;
    if (done.has(file)) continue;
    done.add(file);
    const read = async () => {
      const body = Buffer.from(await (await fetch(new URL(file, baseUrl))).arrayBuffer());
      // Static imports between chunks load at first too (esbuild writes them as from"/build/…").
      const imports = [...body.toString("utf8").matchAll(/(?:from|import)\s*"(\/build\/[^"]+\.js)"/g)].map((i) => i[1]!);
      return { gzipBytes: zlib.gzipSync(body, { level: 9 }).length, imports };
    };
    if (buildFiles && !buildFiles.has(file)) buildFiles.set(file, read());
    const { gzipBytes, imports } = await (buildFiles?.get(file) ?? read());
    bytes += gzipBytes;
    queue.push(...imports);
  }
  return { status: res.status, jsKb: bytes / 1024, files: [...done] };
}

/** Loads one page fresh (empty cache) and sums the gzip size of its JavaScript, HTML and CSS. */
export async function measurePage(browser: Browser, baseUrl: string, name: string, path: string, lang = "ky", cookie?: string): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, extraHTTPHeaders: { "Accept-Language": lang } });
  if (cookie) {
    const [cookieName, ...value] = cookie.split("=");
    await context.addCookies([{ name: cookieName!, value: value.join("="), url: baseUrl }]);
  }
  const page = await context.newPage();
  const pending: Promise<PageWeight["files"][number] | null>[] = [];
  page.on("response", (response) => {
    pending.push(
      (async () => {
        const type = (response.headers()["content-type"] ?? "").split(";")[0]!.trim();
        const url = response.url();
        const kind =
          type === "text/html" ? "html" : type === "text/css" || url.endsWith(".css") ? "css" : /javascript/.test(type) || url.endsWith(".js") ? "js" : null;
        if (!kind || response.status() >= 300) return null;
        const body = await response.body().catch(() => null);
        if (!body) return null;
        return { url: url.replace(baseUrl, ""), kind, gzipBytes: zlib.gzipSync(body, { level: 9 }).length };
      })(),
    );
  });
  // First load: the load event waits for the document, its CSS and its module scripts (the client
  // entry, the root and the route with their chunks); what a page fetches later is not first-load.
  const response = await page.goto(`${baseUrl}${path}`, { waitUntil: "load" });
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
