// Steps shared by the browser journeys (tests/e2e/journeys): one actor per browser context,
// numbered screenshots per journey variant, and the helper steps other roles take on the way
// (staff enrol or verify, an employer moves an application). Labels always come from the
// message catalogs, never hard-coded English.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { expect, onTestFailed } from "vitest";
import { hashPassword } from "~/auth/password.server";
import { en, type Messages } from "~/i18n/messages/en";
import { ky } from "~/i18n/messages/ky";
import { ru } from "~/i18n/messages/ru";
import { expectText, expectTextContaining, screenshotPath, textOf } from "./browser";
import { submitForm } from "./forms";
import type { RunningServer } from "./server";
import { signInOverHttp } from "./sign-in";

export const catalogs = { ky, ru, en } as const;
export type Lang = keyof typeof catalogs;
export const DEMO_PASSWORD = "demo-portal-2026";

export type Variant = { index: number; js: boolean; width: number; height: number; lang: Lang };

/**
 * The two whole-journey variants, the languages given in that order: JavaScript off on a phone
 * (360×740: forms posted by the browser, the phone layout) and JavaScript on on a desktop
 * (1280×800: client navigation and fetch submissions, the desktop layout). The other two corners
 * (JavaScript on at 360, off at 1280) ran the same steps; what only they checked lives in the
 * places docs/decisions/035-test-suite-speed.md (Session 9, speede2e) names.
 */
export function journeyVariants(langs: readonly [Lang, Lang]): Variant[] {
  const shapes = [
    { js: false, width: 360, height: 740 },
    { js: true, width: 1280, height: 800 },
  ];
  return shapes.map((s, index) => ({ ...s, index, lang: langs[index]! }));
}

export const variantTitle = (v: Variant) => `JS ${v.js ? "on" : "off"}, ${v.width}×${v.height}, ${v.lang}`;

/** One person in one browser context: their page, catalog, the JavaScript setting and the errors seen. */
export type Actor = {
  context: BrowserContext;
  page: Page;
  m: Messages;
  lang: Lang;
  js: boolean;
  width: number;
  base: string;
  errors: string[];
  /** Takes the tab (a shared Stage): puts this person's cookies in place. Nothing to do in a context of one's own. */
  enter: () => Promise<void>;
  goto: (path: string) => Promise<void>;
  submit: (button: string | Locator, scope?: Locator, method?: "GET" | "POST") => Promise<void>;
  /** A GET form (search, filters): waits until the address shows the query, with JavaScript on or off. */
  search: (button: string, scope: Locator, until: (url: URL) => boolean) => Promise<void>;
  close: () => Promise<void>;
};

/** A browser context as a journey variant sees the site: JavaScript on or off, its screen size, its language. */
function variantContext(browser: Browser, o: { js: boolean; width: number; height: number; lang: Lang }): Promise<BrowserContext> {
  return browser.newContext({
    javaScriptEnabled: o.js,
    viewport: { width: o.width, height: o.height },
    acceptDownloads: true,
    extraHTTPHeaders: { "Accept-Language": o.lang },
  });
}

export async function openActor(browser: Browser, server: RunningServer, o: { js: boolean; width: number; height: number; lang: Lang }): Promise<Actor> {
  const context = await variantContext(browser, o);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (msg) => {
    // 4xx answers (a rejected form, a used survey link) are expected; anything else is not.
    if (msg.type() === "error" && !/status of 4\d\d/.test(msg.text())) errors.push(msg.text());
  });
  page.on("response", (r) => {
    if (r.status() >= 500) errors.push(`${r.status()} ${r.url()}`);
  });
  const actor: Actor = {
    context,
    page,
    m: catalogs[o.lang],
    lang: o.lang,
    js: o.js,
    width: o.width,
    base: server.url,
    errors,
    enter: async () => undefined,
    goto: async (p) => {
      await page.goto(`${server.url}${p}`);
    },
    submit: (button, scope, method) => submitForm(page, o.js, button, scope, method),
    search: async (button, scope, until) => {
      await Promise.all([page.waitForURL(until), scope.getByRole("button", { name: button, exact: true }).first().click()]);
      if (o.js) await page.waitForSelector('body[data-nav-state="idle"]');
    },
    close: () => context.close(),
  };
  return actor;
}

/**
 * One browser context and tab per journey variant, shared by every person of the journey: each
 * acts in turn with their own cookies, put in place when they next load a page (`enter`, which
 * `goto` calls). A new context and its first page cost Chromium about as much as three page
 * loads, and the people of a journey act one after the other (docs/decisions/035-test-suite-speed.md).
 */
export type Stage = { context: BrowserContext; page: Page; base: string; v: Variant; current: StageActor | null; close: () => Promise<void> };
type StageActor = Actor & { jar: Cookie[] };

export async function openStage(browser: Browser, server: RunningServer, v: Variant): Promise<Stage> {
  const context = await variantContext(browser, v);
  const page = await context.newPage();
  const stage: Stage = { context, page, base: server.url, v, current: null, close: () => context.close() };
  // What goes wrong is put down to the person on the page.
  const errors = (message: string) => stage.current?.errors.push(message);
  page.on("pageerror", (e) => errors(e.message));
  page.on("console", (msg) => {
    if (msg.type() === "error" && !/status of 4\d\d/.test(msg.text())) errors(msg.text());
  });
  page.on("response", (r) => {
    if (r.status() >= 500) errors(`${r.status()} ${r.url()}`);
  });
  return stage;
}

type Cookie = Awaited<ReturnType<BrowserContext["cookies"]>>[number];
const sessions = new Map<string, Promise<string>>();
/** One sign-in over HTTP per demo account and server, shared by the journeys' helpers (the sign-in form itself is a step of the journeys that need it). */
function sessionOf(base: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const key = `${base} ${email}`;
  if (!sessions.has(key)) sessions.set(key, signInOverHttp(base, email, password));
  return sessions.get(key)!;
}

/**
 * A person on the stage: signed out, or (with `email`) holding a session of that account made once
 * per file over HTTP. Their cookies are theirs alone: saved when another person takes the tab, put
 * back when they load their next page.
 */
export async function actorOn(stage: Stage, email?: string, password?: string): Promise<Actor> {
  const { context, page, v } = stage;
  let jar: Cookie[] = [];
  if (email) {
    const [name, value] = (await sessionOf(stage.base, email, password)).split(/=(.*)/s) as [string, string];
    // With the language cookie the sign-in page (?lng=) would have left: a download is asked for without the context's Accept-Language.
    const cookie = { domain: new URL(stage.base).hostname, path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" } as const;
    jar = [
      { ...cookie, name, value },
      { ...cookie, name: "lng", value: v.lang },
    ];
  }
  const enter = async () => {
    if (stage.current === actor) return;
    if (stage.current) stage.current.jar = await context.cookies();
    await context.clearCookies();
    if (actor.jar.length) await context.addCookies(actor.jar);
    stage.current = actor;
  };
  const actor: StageActor = {
    context,
    page,
    m: catalogs[v.lang],
    lang: v.lang,
    js: v.js,
    width: v.width,
    base: stage.base,
    errors: [],
    jar,
    enter,
    goto: async (p) => {
      await enter();
      await page.goto(`${stage.base}${p}`);
    },
    submit: (button, scope, method) => submitForm(page, v.js, button, scope, method),
    search: async (button, scope, until) => {
      await Promise.all([page.waitForURL(until), scope.getByRole("button", { name: button, exact: true }).first().click()]);
      if (v.js) await page.waitForSelector('body[data-nav-state="idle"]');
    },
    // The tab stays for the next person; this one's cookies are dropped.
    close: async () => {
      if (stage.current === actor) {
        await context.clearCookies();
        stage.current = null;
      }
      actor.jar = [];
    },
  };
  return actor;
}

/** asHelper on the stage: a demo account's helper takes the tab, does one thing and leaves. */
export async function helperOn<T>(stage: Stage, email: string, run: (actor: Actor) => Promise<T>): Promise<T> {
  const actor = await actorOn(stage, email);
  try {
    const result = await run(actor);
    expect(actor.errors, `errors in the browser of ${email}`).toEqual([]);
    return result;
  } finally {
    await actor.close();
  }
}

/**
 * Screenshots are for people to look at, never a check, and a full-page PNG costs the browser a
 * large share of a journey's CPU: they are written only with SCREENSHOTS=1, and for the last step
 * a failing journey reached (docs/decisions/035-test-suite-speed.md).
 */
export const keepScreenshots = Boolean(process.env.SCREENSHOTS);

/** A screenshot to look at (test-results/screenshots), written only with SCREENSHOTS=1. */
export async function saveScreenshot(page: Page, name: string, fullPage = true): Promise<void> {
  if (keepScreenshots) await page.screenshot({ path: screenshotPath(name), fullPage });
}

/**
 * Numbered steps `<journey>-<js|nojs>-<width>-<lang>-<nn-step>`: at phone width the page must not
 * scroll sideways; the screenshot is written with SCREENSHOTS=1, or when the test fails (its last step's page).
 */
export function screenshots(journey: string, v: Variant) {
  let n = 0;
  let last = Date.now();
  let lastStep: { page: Page; name: string } | undefined;
  onTestFailed(async () => {
    if (lastStep && !lastStep.page.isClosed())
      await lastStep.page.screenshot({ path: screenshotPath(`${lastStep.name}-then-failed`), fullPage: true }).catch(() => undefined);
  });
  return async (actor: Actor, step: string) => {
    n += 1;
    const t0 = Date.now();
    const name = `${journey}-${v.js ? "js" : "nojs"}-${v.width}-${v.lang}-${String(n).padStart(2, "0")}-${step}`;
    lastStep = { page: actor.page, name };
    await saveScreenshot(actor.page, name);
    await expectNoSidewaysScroll(actor.page, step);
    if (process.env.JOURNEY_TIMING) console.log(`${name}: step ${t0 - last} ms, screenshot ${Date.now() - t0} ms, CPU so far: ${cpuSoFar()}`);
    last = Date.now();
  };
}

/**
 * JOURNEY_TIMING: CPU seconds so far of this test process and of the processes it started (the server,
 * Chromium), from Linux's /proc: each live process's own time plus that of its children it has reaped.
 * /usr/bin/time around vitest misses most of Chromium's (docs/decisions/035-test-suite-speed.md).
 */
function cpuSoFar(): string {
  const stat = (pid: string) => {
    try {
      const f = fs
        .readFileSync(`/proc/${pid}/stat`, "utf8")
        .replace(/^.*\) /, "")
        .split(" ");
      return { ppid: f[1]!, seconds: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100 };
    } catch {
      return null;
    }
  };
  const pids = fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  const parent = new Map(pids.map((pid) => [pid, stat(pid)?.ppid]));
  const topOf = (pid: string): string | null => {
    for (let p: string | undefined = pid, n = 0; p && n < 20; p = parent.get(p), n++) if (parent.get(p) === String(process.pid)) return p;
    return null;
  };
  const own = process.cpuUsage();
  const sums: Record<string, number> = { test: (own.user + own.system) / 1e6 };
  for (const pid of pids) {
    const top = topOf(pid);
    if (!top) continue;
    const kind = fs.readFileSync(`/proc/${top}/cmdline`, "utf8").includes("server.js") ? "server" : "chromium";
    sums[kind] = (sums[kind] ?? 0) + (stat(pid)?.seconds ?? 0);
  }
  return Object.entries(sums)
    .map(([k, v]) => `${k} ${v.toFixed(1)}`)
    .join(", ");
}

export async function expectNoSidewaysScroll(page: Page, step: string) {
  // One round trip: the overflow, and the widest elements only when there is one (for the message).
  const { overflow, wide } = await page.evaluate(() => {
    const overflow = document.documentElement.scrollWidth - document.documentElement.clientWidth;
    const wide =
      overflow <= 0
        ? []
        : [...document.querySelectorAll("body *")]
            .filter((e) => !e.closest(".table-wrap") && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .slice(0, 5)
            .map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
    return { overflow, wide };
  });
  expect(overflow, `${step}: page wider than the screen (${page.url()}): ${wide.join(" | ")}`).toBeLessThanOrEqual(0);
}

/** Signs in through the form; `onThisPage` when the sign-in page is already shown (e.g. where sign-up lands). */
export async function signInAs(actor: Actor, email: string, password = DEMO_PASSWORD, onThisPage = false) {
  const { m } = actor;
  if (onThisPage) expect(new URL(actor.page.url()).pathname).toBe("/login");
  else await actor.goto(`/login?lng=${actor.lang}`);
  await actor.page.getByLabel(m["login.email"]).fill(email);
  await actor.page.getByLabel(m["login.password"]).fill(password);
  await actor.submit(m["login.submit"]);
  expect(new URL(actor.page.url()).pathname, `${email} signed in`).not.toBe("/login");
}

/**
 * Signs in without the form, for a test about what comes after: a new session made over HTTP (as the
 * form's post makes it) and the actor's language put in the actor's context. Three page loads fewer
 * than `signInAs`; the next step must load a page (docs/decisions/035-test-suite-speed.md, Session 9).
 */
export async function signInWithCookie(actor: Actor, email: string, password = DEMO_PASSWORD): Promise<void> {
  const [name, value] = (await signInOverHttp(actor.base, email, password)).split(/=(.*)/s) as [string, string];
  const cookie = { domain: new URL(actor.base).hostname, path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" } as const;
  await actor.context.addCookies([
    { ...cookie, name, value },
    { ...cookie, name: "lng", value: actor.lang },
  ]);
}

/** A helper actor (staff, an employer…) who signs in, does one thing and leaves. */
export async function asHelper<T>(browser: Browser, server: RunningServer, v: Variant, email: string, run: (actor: Actor) => Promise<T>): Promise<T> {
  const actor = await openActor(browser, server, v);
  try {
    await signInWithCookie(actor, email);
    const result = await run(actor);
    expect(actor.errors, `errors in the browser of ${email}`).toEqual([]);
    return result;
  } finally {
    await actor.close();
  }
}

/** Staff enrol a graduate in a cohort and read the invitation code off the page. */
export async function enrolGraduate(staff: Actor, who: { cohortId: number; first: string; last: string }): Promise<string> {
  const { m, page } = staff;
  await staff.goto("/staff/invitations");
  const enrol = page.locator("form", { has: page.locator('input[name="intent"][value="enrol"]') });
  await enrol.getByLabel(m["staff.invite.cohort"]).selectOption(String(who.cohortId));
  await enrol.getByLabel(m["staff.invite.firstName"]).fill(who.first);
  await enrol.getByLabel(m["staff.invite.lastName"]).fill(who.last);
  await staff.submit(m["staff.invite.submit"], enrol);
  const code = await textOf(page.locator(".notice .code").first());
  expect(code).toMatch(/^KG-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  return code;
}

/** The graduate joins with the code (typed in lower case, as people do) and lands on their profile. */
export async function joinWithCode(graduate: Actor, code: string, who: { first: string; email: string; password: string }) {
  const { m, page } = graduate;
  await graduate.goto(`/join?lng=${graduate.lang}`);
  await page.getByLabel(m["join.code"]).fill(code.toLowerCase());
  await graduate.search(m["join.checkCode"], page.locator("main"), (u) => u.searchParams.has("code"));
  await expectTextContaining(page.locator(".notice"), who.first);
  await page.getByLabel(m["join.email"]).fill(who.email);
  await page.getByLabel(m["join.password"], { exact: true }).fill(who.password);
  await page.getByLabel(m["join.passwordRepeat"]).fill(who.password);
  await graduate.submit(m["join.submit"]);
  expect(new URL(page.url()).pathname).toBe("/me/profile");
}

export async function addSkill(graduate: Actor, typed: string, shown: string) {
  await graduate.goto("/me/skills");
  await graduate.page.getByLabel(graduate.m["skills.skill"], { exact: true }).fill(typed);
  await graduate.submit(graduate.m["skills.add"]);
  await expectTextContaining(graduate.page.locator("main table"), shown);
}

/** An employer of a verified company writes a vacancy and sends it for review; returns its id. */
export async function postVacancy(employer: Actor, v: { title: string; city: string; skills: string; description: string }): Promise<number> {
  const { m, page } = employer;
  await employer.goto("/employer/vacancies/new");
  await page.getByLabel(m["vacancies.field.title"]).fill(v.title);
  await page.getByLabel(m["vacancies.field.description"]).fill(v.description);
  await page.getByLabel(m["vacancies.field.city"]).fill(v.city);
  await page.getByLabel(m["vacancies.field.skills"], { exact: true }).fill(v.skills);
  await employer.submit(m["vacancies.action.submit"]);
  const match = new URL(page.url()).pathname.match(/^\/employer\/vacancies\/(\d+)$/);
  expect(match, "the vacancy was saved").not.toBeNull();
  await expectTextContaining(page.locator("main"), v.title);
  return Number(match![1]);
}

/** Staff approve a submitted vacancy on the moderation list; it then reads as open. */
export async function approveVacancy(staff: Actor, vacancyId: number) {
  const { m, page } = staff;
  await staff.goto("/staff/vacancies");
  const card = page.locator(`article#vacancy-${vacancyId}`);
  await card.waitFor();
  await staff.submit(m["vacancies.action.approve"], card);
  await expect.poll(() => page.locator(`article#vacancy-${vacancyId}`).count()).toBe(0);
}

/** The employer opens an application by the applicant's name and moves it through the given stages. */
export async function moveApplication(employer: Actor, applicant: string, stages: readonly ("screening" | "interview" | "offer" | "hired")[]) {
  const { m, page } = employer;
  await employer.goto("/employer/applicants");
  await Promise.all([page.waitForURL(/\/employer\/applications\/\d+$/), page.getByRole("link", { name: applicant }).first().click()]);
  for (const to of stages) {
    await page.getByLabel(m["applications.move.to"]).selectOption(to);
    if (to === "interview") {
      await page.getByLabel(m["applications.interviewAt"]).fill("2027-02-15T10:00");
      await page.getByLabel(m["applications.interviewPlace"]).fill("Бишкек, ул. Токтогула 120, офис 4");
    }
    if (to === "hired") {
      await page.getByLabel(m["applications.move.startDate"]).fill("2027-03-01");
      await page.getByLabel(m["applications.move.monthlyPay"]).fill("45000");
    }
    await employer.submit(m["applications.move.submit"]);
    await expectText(page.locator("main .pill").first(), m[`applications.status.${to}`]);
  }
}

/** Keyboard only: presses Tab until the element has the focus (at most `max` presses). */
export async function tabTo(page: Page, target: Locator, what: string, max = 80): Promise<void> {
  await target.first().waitFor({ state: "attached", timeout: 10_000 });
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (
      await target
        .first()
        .evaluate((el) => el === document.activeElement)
        .catch(() => false)
    )
      return;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** Keyboard only: presses a key on the focused element and waits for the next page (JavaScript on). */
export async function pressAndLand(page: Page, key: string, until: (url: URL) => boolean): Promise<void> {
  await Promise.all([page.waitForURL(until), page.keyboard.press(key)]);
  await page.waitForSelector('body[data-nav-state="idle"]');
}

/** Reads the running server's database (test set-up look-ups only: ids the pages do not print). */
export function readDb<T>(server: RunningServer, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(server.dataDir, "portal.sqlite"));
  try {
    db.pragma("busy_timeout = 5000");
    return read(db);
  } finally {
    db.close();
  }
}

/** Test set-up only: gives a demo graduate (whose password is random) a known one; returns the email. */
export async function knownPasswordFor(server: RunningServer, slug: string): Promise<string> {
  const hash = await hashPassword(DEMO_PASSWORD);
  return readDb(server, (db) => {
    const row = db.prepare("select u.id, u.email from users u join graduates g on g.user_id = u.id where g.slug = ?").get(slug) as {
      id: number;
      email: string;
    };
    db.prepare("update users set password_hash = ? where id = ?").run(hash, row.id);
    return row.email;
  });
}

/** The small mid-year demo cohort of a school whose +6 months checkpoint is due now. */
export function dueCohortOf(server: RunningServer, schoolSlug: string): number {
  return readDb(
    server,
    (db) =>
      (
        db
          .prepare(
            "select c.id from cohorts c join schools s on s.id = c.school_id where s.slug = ? and c.graduation_date not like '%-06-30' order by c.id desc",
          )
          .get(schoolSlug) as { id: number }
      ).id,
  );
}
