// Phones (issue 14 items 18 and 19), in a real browser at 360 px with JavaScript off:
// - every page a demo role can reach that carries an action control (button, submit, select,
//   link in the main content) shows each control inside the screen, and no page scrolls sideways;
// - the first heading of each area page (graduate, placement office, administration) starts just
//   below the header, because the area's sections fold into one disclosure; the disclosure opens and works.
// The pages come from the app's routes: each role's pages are found by following the links it is
// shown (tests/support/crawler.ts), and every page route in app/routes must be among them or be
// named below with the reason it is not, so a new page cannot be forgotten.
// Design: docs/decisions/032-phone-navigation-and-tables.md.
import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { en } from "~/i18n/messages/en";
import { hasChromium, screenshotPath } from "../support/browser";
import { extractLinks } from "../support/crawler";
import { useServerAndBrowser } from "../support/e2e";
import { submitForm } from "../support/forms";
import { saveScreenshot } from "../support/journey-steps";

const PASSWORD = "demo-portal-2026";
const WIDTH = 360;
const HEIGHT = 740;
/**
 * The first content heading of an area page starts within this many pixels below the site header,
 * and within HEADING_FROM_TOP of the top of the page: the header's links fold into a "Menu" disclosure
 * and the area's sections into another (issue 14 item 19; docs/decisions/032-phone-navigation-and-tables.md).
 */
const HEADING_BELOW_HEADER = 150;
const HEADING_FROM_TOP = 250;

const ROLES = [
  { role: "visitor", email: null, start: ["/", "/vacancies", "/companies", "/login", "/join", "/signup", "/outcomes"] },
  { role: "graduate", email: "graduate@demo.kg", start: ["/", "/me"] },
  { role: "employer", email: "employer@demo.kg", start: ["/", "/employer", "/company"] },
  { role: "staff", email: "staff@demo.kg", start: ["/", "/staff"] },
  { role: "admin", email: "admin@demo.kg", start: ["/", "/admin", "/staff"] },
] as const;
type Role = (typeof ROLES)[number]["role"];

/**
 * Page routes no demo role reaches by following links, each with why; every other page route
 * must be visited. A new page that lands here needs a reason, or a link that reaches it.
 */
const NOT_REACHED_BY_LINKS: Record<string, string> = {
  $: "the not-found page has no action control",
  "reset.$token":
    "reached only from a one-time link staff hand over (the link and its form are checked in process: tests/integration/staff-admin.test.ts, «staff-issued one-time password reset links»)",
  "survey.$token": "reached from a one-time link; visited below after staff make one on the follow-up list",
  "survey.thanks": "reached only after answering a survey; it has no action control",
  "staff.import.$id": "reached after uploading a CSV; visited below after staff upload one",
};

// ---- the app's page routes -----------------------------------------------------------------

const ROUTES_DIR = path.resolve(__dirname, "../../app/routes");

/** Route files that render a page of their own: a default export, and not a layout around an <Outlet />. */
function pageRoutes(): string[] {
  return fs
    .readdirSync(ROUTES_DIR)
    .filter((f) => f.endsWith(".tsx"))
    .filter((f) => {
      const source = fs.readFileSync(path.join(ROUTES_DIR, f), "utf8");
      return /export default function/.test(source) && !/<Outlet\b/.test(source);
    })
    .map((f) => f.replace(/\.tsx$/, ""));
}

/** Remix v2 flat-route file name → a pattern for the paths it serves ("staff.import.$id" → /staff/import/[^/]+). */
function routeRegex(name: string): RegExp {
  if (name === "$") return /^\/.+$/;
  const segments = name.match(/(?:\[[^\]]*\]|[^.])+/g) ?? [];
  const parts = segments
    .filter((s) => s !== "_index" && !s.startsWith("_"))
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s.startsWith("$") ? "[^/]+" : s.replace(/\[([^\]]*)\]/g, "$1").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return new RegExp(`^/${parts.join("/")}$`);
}

function routeOf(pathname: string, routes: string[]): string | undefined {
  // The most specific route first: fixed segments beat parameters, the splat comes last.
  const score = (r: string) => (r === "$" ? -1 : (r.match(/\$/g) ?? []).length);
  return [...routes].sort((a, b) => score(a) - score(b)).find((r) => r !== "$" && routeRegex(r).test(pathname));
}

// ---- each role's pages, found by following what it is shown -------------------------------

type Found = { role: Role; path: string; route: string; controls: string };

/**
 * The kinds of control a page's main content holds (tag, type, class; no ids or text): a route that
 * another role already showed with the same controls is not visited again.
 */
function controlsOf(html: string): string {
  const main = /<main\b[\s\S]*<\/main>/i.exec(html)?.[0] ?? "";
  return [...main.matchAll(/<(a|button|select|input|textarea|table|details|form)\b([^>]*)>/gi)]
    .map((m) => `${m[1]}${/\stype="([^"]*)"/.exec(m[2]!)?.[1] ?? ""}.${/\sclass="([^"]*)"/.exec(m[2]!)?.[1] ?? ""}`)
    .join(" ");
}

async function signIn(context: BrowserContext, base: string, email: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${base}/login?lng=en`);
  await page.getByLabel(en["login.email"]).fill(email);
  await page.getByLabel(en["login.password"]).fill(PASSWORD);
  await submitForm(page, false, en["login.submit"]);
  if (new URL(page.url()).pathname === "/login") throw new Error(`could not sign in as ${email}`);
  await page.close();
}

async function cookieOf(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

/**
 * One page per route (the first link found to it), breadth-first from the role's start pages:
 * only GET requests, never /logout, only HTML pages that answer 200.
 */
async function pagesOf(base: string, role: Role, cookie: string, start: readonly string[], routes: string[]): Promise<Found[]> {
  const origin = new URL(base).origin;
  const queue = [...start];
  const seenRoutes = new Set<string>();
  const seenPaths = new Set<string>();
  const found: Found[] = [];
  while (queue.length) {
    const href = queue.shift()!;
    const url = new URL(href, base);
    if (url.hostname === "localhost") url.hostname = "127.0.0.1";
    if (url.origin !== origin || /^\/(logout|build|uploads)\b/.test(url.pathname) || seenPaths.has(url.pathname)) continue;
    seenPaths.add(url.pathname);
    const route = routeOf(url.pathname, routes);
    if (!route || seenRoutes.has(route)) continue;
    const res = await fetch(`${origin}${url.pathname}${url.search}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });
    const body = await res.text();
    if (res.status !== 200 || !(res.headers.get("content-type") ?? "").includes("text/html")) continue;
    seenRoutes.add(route);
    found.push({ role, path: url.pathname + url.search, route, controls: controlsOf(body) });
    for (const link of extractLinks(body)) {
      const next = new URL(link, url);
      if (!seenPaths.has(next.pathname)) queue.push(next.href);
    }
  }
  return found;
}

// ---- what is checked on each page -----------------------------------------------------------

type Outside = { what: string; left: number; right: number };

/** Shown action controls of the main content whose box is not within 0..width, and the page's sideways overflow. */
async function layoutProblems(page: Page): Promise<{ overflow: number; outside: Outside[]; controls: number }> {
  return page.evaluate((width) => {
    const controls = [
      ...document.querySelectorAll<HTMLElement>("main button, main input[type=submit], main input[type=button], main select, main a[href], main summary"),
    ];
    const shown = controls.filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden" && !el.closest(".visually-hidden"));
    const outside = shown
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.left < -0.5 || box.right > width + 0.5)
      .map(({ el, box }) => ({
        what: `${el.tagName.toLowerCase()} "${(el.innerText || (el as HTMLInputElement).value || el.getAttribute("aria-label") || "").trim().slice(0, 40)}"`,
        left: Math.round(box.left),
        right: Math.round(box.right),
      }));
    return { overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth, outside, controls: shown.length };
  }, WIDTH);
}

describe.skipIf(!hasChromium)("phones: every action in reach at 360 px (JavaScript off)", () => {
  const env = useServerAndBrowser();

  it("every button, select and link in the main content of every page each role reaches is inside the screen, and no page scrolls sideways", async () => {
    const base = env.server.url;
    const routes = pageRoutes();
    const problems: string[] = [];
    const visited = new Set<string>();
    const shown = new Set<string>();
    const contexts: BrowserContext[] = [];
    let checked = 0;

    // A tab per role and lane, reused from page to page (a new tab per page costs Chromium more than the load).
    const tabs = new Map<string, Promise<Page>>();
    const check = async (context: BrowserContext, role: Role, where: string, lane = 0) => {
      const t0 = Date.now();
      const key = `${role} ${lane}`;
      if (!tabs.has(key)) tabs.set(key, context.newPage());
      const page = await tabs.get(key)!;
      const response = await page.goto(`${base}${where}${where.includes("?") ? "&" : "?"}lng=ky`);
      if (response?.status() !== 200) problems.push(`${role} ${where}: answered ${response?.status()}`);
      const { overflow, outside, controls } = await layoutProblems(page);
      if (overflow > 0) problems.push(`${role} ${where}: the page scrolls sideways by ${overflow}px`);
      for (const o of outside) problems.push(`${role} ${where}: ${o.what} at ${o.left}..${o.right}px`);
      if (controls > 0) checked++;
      if (outside.length || overflow > 0) await page.screenshot({ path: screenshotPath(`phone-actions-${role}-${where}`), fullPage: true });
      if (process.env.PHONE_DEBUG) console.log("check", role, where, Date.now() - t0, "ms");
    };

    for (const r of ROLES) {
      const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: WIDTH, height: HEIGHT } });
      contexts.push(context);
      if (r.email) await signIn(context, base, r.email);
      const t0 = Date.now();
      const pages = await pagesOf(base, r.role, await cookieOf(context), r.start, routes);
      if (process.env.PHONE_DEBUG) console.log("found", r.role, pages.length, Date.now() - t0, "ms");
      const todo = pages.filter((p) => {
        visited.add(p.route);
        const key = `${p.route} ${p.controls}`;
        if (shown.has(key)) return false;
        shown.add(key);
        return true;
      });
      // Two pages at a time: the server and the browser wait on each other otherwise.
      await Promise.all(
        [0, 1].map(async (lane) => {
          for (let p = todo.shift(); p; p = todo.shift()) await check(context, r.role, p.path, lane);
        }),
      );

      if (r.role === "graduate") {
        // A graduate's own application (its withdraw step): the graduate applies to a vacancy it was shown.
        const apply = pages.find((p) => p.route === "vacancies.$id_.apply");
        expect(apply, "the demo graduate is shown an Apply page").toBeTruthy();
        const page = await context.newPage();
        await page.goto(`${base}${apply!.path}?lng=en`);
        await page.getByLabel(en["applications.apply.note"]).fill("Phone check.");
        await submitForm(page, false, en["applications.apply.submit"]);
        const application = new URL(page.url()).pathname;
        expect(application).toMatch(/^\/me\/applications\/\d+$/);
        await page.close();
        await check(context, "graduate", application);
        visited.add("me.applications.$id");
      }

      if (r.role === "staff") {
        // The CSV import's report (status and reason per line): staff upload a file with one bad line.
        const page = await context.newPage();
        await page.goto(`${base}/staff/import?lng=en`);
        await page.getByLabel(en["import.cohort"]).selectOption({ index: 1 });
        const csv = "\uFEFFФамилия;Имя;Пол;Email\nАсанова;Айгерим;ж;phone-import-1@mail.kg\n;Без фамилии;м;phone-bad@mail.kg\n";
        await page.locator('input[type="file"]').setInputFiles({ name: "cohort.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
        await submitForm(page, false, en["import.check"]);
        const report = new URL(page.url()).pathname;
        expect(report).toMatch(/^\/staff\/import\/\d+$/);
        // The survey a graduate answers on a phone: a one-time link made on the follow-up list.
        await page.goto(`${base}/staff/outcomes/follow-up?lng=en`);
        await submitForm(page, false, en["outcomes.followUp.makeLink"]);
        const survey = new URL((await page.locator(".notice .survey-link").first().innerText()).trim()).pathname;
        await page.close();
        await check(context, "staff", report);
        visited.add("staff.import.$id");
        await check(contexts[0]!, "visitor", survey);
        visited.add("survey.$token");
      }
      // Done with this role: an open tab keeps Chromium busy drawing it (the visitor's stays for the survey above).
      if (r.role !== "visitor") {
        tabs.delete(`${r.role} 0`);
        tabs.delete(`${r.role} 1`);
        await context.close();
      }
    }
    for (const c of contexts) await c.close().catch(() => undefined);

    // Every page route is visited or named with its reason.
    const missing = routes.filter((r) => !visited.has(r) && !(r in NOT_REACHED_BY_LINKS));
    expect(missing, "page routes no role reached: link them, or name them in NOT_REACHED_BY_LINKS with the reason").toEqual([]);
    expect(checked).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  }, 600_000);

  it("each area's pages start their first heading just below the header at 360 px; the sections fold into a disclosure that names the current one and works without JavaScript; the desktop keeps its tabs", async () => {
    const base = env.server.url;
    const problems: string[] = [];
    for (const area of [
      { email: "graduate@demo.kg", home: "/me/profile" },
      { email: "staff@demo.kg", home: "/staff" },
      { email: "admin@demo.kg", home: "/admin" },
    ]) {
      const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: WIDTH, height: HEIGHT } });
      await signIn(context, base, area.email);
      const page = await context.newPage();
      await page.goto(`${base}${area.home}?lng=ky`);
      // The area's pages are its own menu's links (the same list the tabs show on a desktop).
      const sections = await page.locator("main .section-nav__tabs a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
      expect(sections.length, `${area.home}: the area's sections`).toBeGreaterThan(4);
      for (const [n, href] of sections.entries()) {
        await page.goto(`${base}${href}?lng=ky`);
        const top = await page
          .locator("main h1")
          .first()
          .evaluate((h) => h.getBoundingClientRect().top - document.querySelector("header.site-header")!.getBoundingClientRect().bottom);
        if (top > HEADING_BELOW_HEADER) problems.push(`${area.email} ${href}: the first heading starts ${Math.round(top)}px below the header`);
        const fromTop = await page
          .locator("main h1")
          .first()
          .evaluate((h) => h.getBoundingClientRect().top + window.scrollY);
        if (fromTop > HEADING_FROM_TOP) problems.push(`${area.email} ${href}: the first heading starts ${Math.round(fromTop)}px from the top`);
        const menu = page.locator("main details.section-nav__menu");
        expect(await menu.isVisible(), `${href}: the folded menu shows`).toBe(true);
        expect(await page.locator("main .section-nav__tabs").isVisible(), `${href}: the tabs are folded away`).toBe(false);
        const active = (await menu.locator("a.is-active").textContent())?.trim();
        expect((await menu.locator(".section-nav__current").textContent())?.trim(), `${href}: the closed menu names the current section`).toBe(active);
        if (n === 0) await saveScreenshot(page, `phone-nav-${area.email}-closed-360`, false);
      }
      // The header's own links are folded too; its "Menu" opens without JavaScript and leads on.
      const siteMenu = page.locator("header details.site-menu");
      expect(await siteMenu.locator(".main-nav").isVisible(), "the header's links are folded on a phone").toBe(false);
      await siteMenu.locator("summary").click();
      expect(await siteMenu.locator(".main-nav a[href='/notifications']").isVisible(), "the header's menu opens").toBe(true);
      await saveScreenshot(page, `phone-header-${area.email}-open-360`, false);
      await siteMenu.locator("summary").click();

      // It opens and leads on, without JavaScript: from the last section back to the first.
      const menu = page.locator("main details.section-nav__menu");
      await menu.locator("summary").click();
      const first = menu.locator(".section-nav__list a").first();
      expect(await first.isVisible()).toBe(true);
      await saveScreenshot(page, `phone-nav-${area.email}-open-360`);
      const name = (await first.textContent())!.trim();
      await Promise.all([page.waitForEvent("load"), first.click()]);
      expect(new URL(page.url()).pathname).toBe(sections[0]);
      expect((await page.locator("main .section-nav__current").textContent())?.trim()).toBe(name);
      expect(await page.locator("main .section-nav__list a").first().isVisible(), "a new page starts with the menu closed").toBe(false);
      const session = await context.storageState();
      await context.close();

      // A desktop keeps the row of tabs, and no disclosure (the same signed-in session, without a second sign-in).
      const wide = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 }, storageState: session });
      const desk = await wide.newPage();
      await desk.goto(`${base}${area.home}?lng=ru`);
      expect(await desk.locator("main .section-nav__menu").isVisible()).toBe(false);
      expect(await desk.locator("header .site-menu > summary").isVisible(), "no header disclosure on a desktop").toBe(false);
      expect(await desk.locator("header .main-nav a[href='/notifications']").isVisible(), "the header's links show as a row").toBe(true);
      const tabs = desk.locator("main .section-nav__tabs a");
      expect(await tabs.count()).toBe(sections.length);
      for (let i = 0; i < sections.length; i++) expect(await tabs.nth(i).isVisible()).toBe(true);
      await saveScreenshot(desk, `phone-nav-${area.email}-1280`, false);
      await wide.close();
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
