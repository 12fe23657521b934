// Load time on a slow link (issue 14 item 20): Chromium's own network emulation (CDP
// Network.emulateNetworkConditions) at 400 kbit/s down and up with 400 ms latency, the browser cache
// off, a fresh context (no open connections) per run. "Load time" is the navigation's loadEventEnd:
// the document, its CSS and every script it starts with have arrived and run. Budget: 2 s.
import type { Browser } from "playwright-core";

export const SLOW_LINK_BUDGET_MS = 2000;
export const SLOW_LINK = { offline: false, latency: 400, downloadThroughput: (400 * 1000) / 8, uploadThroughput: (400 * 1000) / 8 };

/** The session cookie of a demo account, signed in over HTTP as the login form does. */
export async function sessionCookie(baseUrl: string, email: string, password = "demo-portal-2026"): Promise<string> {
  const res = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ email, password }),
  });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("__session="));
  if (res.status !== 302 || !cookie) throw new Error(`sign-in as ${email} answered ${res.status}`);
  return cookie.split(";")[0]!;
}

/** One page's load time on the emulated slow link, in ms (one fresh load). */
export async function slowLinkLoad(browser: Browser, baseUrl: string, path: string, cookie?: string): Promise<{ ms: number; status: number }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, extraHTTPHeaders: { "Accept-Language": "ky" } });
  try {
    if (cookie) {
      const [name, ...value] = cookie.split("=");
      await context.addCookies([{ name: name!, value: value.join("="), url: baseUrl }]);
    }
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", SLOW_LINK);
    const response = await page.goto(`${baseUrl}${path}`, { waitUntil: "load", timeout: 60_000 });
    const ms = await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd);
    return { ms, status: response?.status() ?? 0 };
  } finally {
    await context.close();
  }
}

/** The median of `runs` fresh loads (after one unthrottled warm-up request). */
export async function slowLinkLoadTime(
  browser: Browser,
  baseUrl: string,
  path: string,
  cookie?: string,
  runs = 3,
): Promise<{ ms: number; status: number; runs: number[] }> {
  // One unthrottled request first, not counted: the figure is the link's, not a cold server's first render.
  await (await fetch(`${baseUrl}${path}`, { headers: cookie ? { Cookie: cookie } : {} })).text();
  const times: number[] = [];
  let status = 0;
  for (let i = 0; i < runs; i++) {
    const r = await slowLinkLoad(browser, baseUrl, path, cookie);
    times.push(r.ms);
    status = r.status;
  }
  return { ms: [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!, status, runs: times };
}
