// One page of every type, with the role that may see it: shared by the accessibility and the
// language browser tests. Ids and slugs are read off the demo's own pages, never guessed.
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { beforeAll } from "vitest";
import { en } from "~/i18n/messages/en";
import { submitForm } from "./forms";

export type Role = "anonymous" | "graduate" | "employer" | "staff";
export type TourPage = { name: string; path: string; role: Role; status?: number };

const LOGIN = { anonymous: "", graduate: "graduate@demo.kg", employer: "employer@demo.kg", staff: "staff@demo.kg" } as const;

async function firstHref(page: Page, pattern: RegExp): Promise<string> {
  const hrefs = await page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const found = hrefs.find((h) => pattern.test(h.split("?")[0]!));
  if (!found) throw new Error(`no link matching ${pattern} on ${page.url()}`);
  return found.split("?")[0]!;
}

/** The first link in a page's main content whose path matches, as the given signed-in state sees it. */
export async function firstLinkAs(browser: Browser, base: string, session: Sessions[Role], from: string, pattern: RegExp): Promise<string> {
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: session });
  try {
    const page = await context.newPage();
    await page.goto(`${base}${from}`);
    return await firstHref(page, pattern);
  } finally {
    await context.close();
  }
}

/** Signed-in browser states per role (cookies), so each page visit needs no new sign-in. */
export type Sessions = Record<Role, Awaited<ReturnType<BrowserContext["storageState"]>>>;

export async function signInAll(browser: Browser, base: string): Promise<Sessions> {
  const out = {} as Sessions;
  for (const role of Object.keys(LOGIN) as Role[]) {
    const context = await browser.newContext({ javaScriptEnabled: false });
    if (role !== "anonymous") {
      const page = await context.newPage();
      await page.goto(`${base}/login?lng=en`);
      await page.getByLabel(en["login.email"]).fill(LOGIN[role]);
      await page.getByLabel(en["login.password"]).fill("demo-portal-2026");
      await submitForm(page, false, en["login.submit"]);
      if (new URL(page.url()).pathname === "/login") throw new Error(`could not sign in as ${role}`);
    }
    out[role] = await context.storageState();
    await context.close();
  }
  return out;
}

/** Every page type of the brief, with real ids found by following the demo's links. */
export async function discoverTour(browser: Browser, base: string, sessions: Sessions): Promise<TourPage[]> {
  const vacancy = await firstLinkAs(browser, base, sessions.anonymous, "/vacancies", /^\/vacancies\/\d+$/);

  const employer = await browser.newContext({ javaScriptEnabled: false, storageState: sessions.employer });
  const ep = await employer.newPage();
  await ep.goto(`${base}/employer`);
  const own = await firstHref(ep, /^\/employer\/vacancies\/\d+$/);
  const ownId = own.split("/").pop()!;
  await ep.goto(`${base}/company`);
  const company = await firstHref(ep, /^\/companies\/[a-z0-9-]+$/);
  await employer.close();

  // A one-time survey link, made on the follow-up list as placement officers do.
  const staff = await browser.newContext({ javaScriptEnabled: false, storageState: sessions.staff });
  const sp = await staff.newPage();
  await sp.goto(`${base}/staff/outcomes/follow-up?lng=en`);
  await submitForm(sp, false, en["outcomes.followUp.makeLink"]);
  const survey = new URL((await sp.locator(".notice .survey-link").first().innerText()).trim()).pathname;
  await staff.close();

  return [
    { name: "home", path: "/", role: "anonymous" },
    { name: "job board", path: "/vacancies?q=developer", role: "anonymous" },
    { name: "vacancy", path: vacancy, role: "anonymous" },
    { name: "company", path: company, role: "anonymous" },
    { name: "companies", path: "/companies", role: "anonymous" },
    { name: "portfolio", path: "/g/ayperi-zhumabekova", role: "anonymous" },
    { name: "cv", path: "/g/ayperi-zhumabekova/cv", role: "anonymous" },
    { name: "login", path: "/login", role: "anonymous" },
    { name: "join", path: "/join", role: "anonymous" },
    { name: "signup", path: "/signup", role: "anonymous" },
    { name: "forgot password", path: "/forgot-password", role: "anonymous" },
    { name: "survey", path: survey, role: "anonymous" },
    { name: "not found", path: "/no-such-page", role: "anonymous", status: 404 },
    { name: "my profile", path: "/me/profile", role: "graduate" },
    { name: "my skills", path: "/me/skills", role: "graduate" },
    { name: "my projects", path: "/me/projects", role: "graduate" },
    { name: "jobs for me", path: "/me/jobs", role: "graduate" },
    { name: "my applications", path: "/me/applications", role: "graduate" },
    { name: "graduates directory", path: "/graduates", role: "employer" },
    { name: "employer dashboard", path: "/employer", role: "employer" },
    { name: "candidates", path: `/vacancies/${ownId}/candidates`, role: "employer" },
    { name: "applicants", path: `/employer/vacancies/${ownId}/applicants`, role: "employer" },
    { name: "staff home", path: "/staff", role: "staff" },
    { name: "csv import", path: "/staff/import", role: "staff" },
    { name: "skill gap", path: "/staff/skill-gap", role: "staff" },
    { name: "audit log", path: "/staff/audit", role: "staff" },
    { name: "follow-up", path: "/staff/outcomes/follow-up", role: "staff" },
  ];
}

/**
 * For a test file that visits every page type: signs in each demo role and discovers the tour
 * once, before the file's tests (after useServerAndBrowser has started the server and browser).
 */
export function usePageTour(env: { readonly browser: Browser; readonly server: { url: string } }): { readonly sessions: Sessions; readonly pages: TourPage[] } {
  const tour = {} as { sessions: Sessions; pages: TourPage[] };
  beforeAll(async () => {
    tour.sessions = await signInAll(env.browser, env.server.url);
    tour.pages = await discoverTour(env.browser, env.server.url, tour.sessions);
  });
  return tour;
}

export function withLang(path: string, lang: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}lng=${lang}`;
}

const axeSource = (): string => {
  const require = createRequire(import.meta.url);
  return (require("fs") as typeof import("fs")).readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
};
let cachedAxe: string | undefined;

/**
 * Gives every document of the context axe-core before its own scripts run, so axeViolations need
 * not send the script to each page it checks (one transfer per context instead of one per page).
 */
export async function addAxeToContext(context: BrowserContext): Promise<void> {
  cachedAxe ??= axeSource();
  await context.addInitScript({ content: cachedAxe });
}

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[]; summary: string }[] };

/** Runs axe-core in the page with the WCAG 2.0 / 2.1 A and AA rules; returns the violations. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  cachedAxe ??= axeSource();
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: cachedAxe });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: unknown,
          ) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, summary: n.failureSummary ?? "" })),
    }));
  });
}

export function describeViolations(where: string, violations: AxeViolation[]): string[] {
  return violations.map(
    (v) =>
      `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
        .slice(0, 4)
        .map((n) => n.target.join(" "))
        .join(" | ")}${v.nodes.length > 4 ? ` (+${v.nodes.length - 4})` : ""}`,
  );
}
