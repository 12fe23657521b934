// Screenshots of the four journeys (issue 14 "Done means"): a graduate, a recruiter, a placement
// officer and a parent, one full-page PNG per page, on a fresh demo database and the real build.
// Run `npm run build` first, then: npx tsx scripts/screenshots.ts [--lang ky|ru|en] [--width 360|1280]
// (no flag: all three languages at 360 px). Output: screenshots/<journey>/<lang>-<width>/NN-step.png
// (gitignored). A step that fails is reported and the journey goes on with the next page, so one
// slip does not hide the rest of the walk; the script exits 1 if any step failed.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { type Browser, chromium, type Page } from "playwright-core";
import { en } from "~/i18n/messages/en";
import { ky } from "~/i18n/messages/ky";
import { ru } from "~/i18n/messages/ru";
import { submitForm } from "../tests/support/forms";
import { type RunningServer, startServer } from "../tests/support/server";

const catalogs = { ky, ru, en } as const;
type Lang = keyof typeof catalogs;
const PASSWORD = "demo-portal-2026";

function args() {
  const langs: Lang[] = [];
  const widths: number[] = [];
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split("=");
    const value = inline ?? argv[++i];
    if (flag === "--lang" && value && value in catalogs) langs.push(value as Lang);
    else if (flag === "--width" && (value === "360" || value === "1280")) widths.push(Number(value));
    else throw new Error(`usage: npx tsx scripts/screenshots.ts [--lang ky|ru|en] [--width 360|1280] (got ${argv[i]})`);
  }
  return { langs: langs.length ? langs : (["ky", "ru", "en"] as Lang[]), widths: widths.length ? widths : [360] };
}

type Walker = {
  page: Page;
  lang: Lang;
  m: (typeof catalogs)[Lang];
  goto: (p: string) => Promise<void>;
  submit: (button: string | ReturnType<Page["locator"]>, scope?: ReturnType<Page["locator"]>) => Promise<void>;
  shot: (step: string) => Promise<void>;
  step: (name: string, run: () => Promise<void>) => Promise<void>;
  close: () => Promise<void>;
};

const failures: string[] = [];

async function walker(browser: Browser, server: RunningServer, journey: string, lang: Lang, width: number): Promise<Walker> {
  const dir = path.resolve("screenshots", journey, `${lang}-${width}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const context = await browser.newContext({
    viewport: { width, height: width === 360 ? 740 : 800 },
    extraHTTPHeaders: { "Accept-Language": lang },
    // The browser's own widgets (date fields) follow its locale, as on the user's phone.
    locale: { ky: "ky-KG", ru: "ru-RU", en: "en-GB" }[lang],
  });
  const page = await context.newPage();
  let n = 0;
  const w: Walker = {
    page,
    lang,
    m: catalogs[lang],
    goto: async (p) => {
      const response = await page.goto(`${server.url}${p}${p.includes("?") ? "&" : "?"}lng=${lang}`);
      if (!response || response.status() >= 400) throw new Error(`${p} answered ${response?.status()}`);
      await page.waitForSelector('body[data-nav-state="idle"]', { timeout: 5_000 }).catch(() => undefined);
    },
    submit: (button, scope) => submitForm(page, true, button, scope),
    shot: async (step) => {
      n += 1;
      const file = path.join(dir, `${String(n).padStart(2, "0")}-${step}.png`);
      await page.screenshot({ path: file, fullPage: true });
      // A hint for the person looking: words of the other script on the page (an English word on a
      // Kyrgyz page, a Russian one on an English page). Names and brands show up too; judge by eye.
      const text = await page.locator("body").innerText();
      const foreign = [...new Set(text.match(lang === "en" ? /\p{Script=Cyrillic}{3,}/gu : /\b[A-Za-z]{3,}\b/g) ?? [])];
      if (foreign.length) fs.writeFileSync(file.replace(/\.png$/, ".words.txt"), `${page.url()}\n${foreign.join(" ")}\n`);
    },
    step: async (name, run) => {
      try {
        await run();
        await w.shot(name);
      } catch (e) {
        const message = `${journey} ${lang}-${width} ${name}: ${(e as Error).message.split("\n")[0]}`;
        failures.push(message);
        console.error(`  ✗ ${message}`);
        await w.shot(`${name}-FAILED`).catch(() => undefined);
      }
    },
    close: () => context.close(),
  };
  return w;
}

async function signIn(w: Walker, email: string) {
  await w.goto("/login");
  await w.page.getByLabel(w.m["login.email"]).fill(email);
  await w.page.getByLabel(w.m["login.password"]).fill(PASSWORD);
  await w.submit(w.m["login.submit"]);
  if (new URL(w.page.url()).pathname === "/login") throw new Error(`could not sign in as ${email}`);
}

/** Clicks the first link in main whose address matches, and waits for the next page. */
async function follow(w: Walker, href: RegExp) {
  const hrefs = await w.page.locator("main a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const found = hrefs.find((h) => href.test(h.split("?")[0]!));
  if (!found) throw new Error(`no link matching ${href} on ${w.page.url()}`);
  await w.goto(found);
}

function db<T>(server: RunningServer, read: (d: Database.Database) => T): T {
  const d = new Database(path.join(server.dataDir, "portal.sqlite"));
  try {
    d.pragma("busy_timeout = 5000");
    return read(d);
  } finally {
    d.close();
  }
}

let people = 0;
const NAMES = [
  ["Мээрим", "Абдраева"],
  ["Эрмек", "Бейшеналиев"],
  ["Айгерим", "Сыдыкова"],
  ["Тилек", "Осмонов"],
  ["Нурлан", "Касымов"],
  ["Бегимай", "Токтогулова"],
] as const;

async function graduateJourney(browser: Browser, server: RunningServer, lang: Lang, width: number) {
  const [first, last] = NAMES[people % NAMES.length]!;
  const email = `walk-${lang}-${width}-${++people}@mail.kg`;
  // The placement officer enrols the graduate and hands over the code (not a page of this journey).
  const staff = await walker(browser, server, "graduate-helper", lang, width);
  let code = "";
  try {
    await signIn(staff, "staff@demo.kg");
    await staff.goto("/staff/invitations");
    const enrol = staff.page.locator("form", { has: staff.page.locator('input[name="intent"][value="enrol"]') });
    await enrol.getByLabel(staff.m["staff.invite.cohort"]).selectOption({ index: 1 });
    await enrol.getByLabel(staff.m["staff.invite.firstName"]).fill(first);
    await enrol.getByLabel(staff.m["staff.invite.lastName"]).fill(`${last}-${people}`);
    await staff.submit(staff.m["staff.invite.submit"], enrol);
    code = (await staff.page.locator(".notice .code").first().innerText()).trim();
  } finally {
    await staff.close();
  }
  const vacancy = db(
    server,
    (d) =>
      d
        .prepare(
          `select v.id from vacancies v join company_members cm on cm.company_id = v.company_id join users u on u.id = cm.user_id
               where u.email = 'employer@demo.kg' and v.status = 'open' and (v.deadline is null or v.deadline >= date('now')) order by v.id`,
        )
        .get() as { id: number },
  );

  const g = await walker(browser, server, "graduate", lang, width);
  const { page, m } = g;
  try {
    await g.step("join-code", async () => {
      await g.goto("/join");
      await page.getByLabel(m["join.code"]).fill(code);
      await Promise.all([page.waitForURL((u) => u.searchParams.has("code")), page.getByRole("button", { name: m["join.checkCode"], exact: true }).click()]);
      await page.waitForSelector('body[data-nav-state="idle"]');
      await page.getByLabel(m["join.email"]).fill(email);
      await page.getByLabel(m["join.password"], { exact: true }).fill("my-secret-pass-1");
      await page.getByLabel(m["join.passwordRepeat"]).fill("my-secret-pass-1");
    });
    await g.step("profile", async () => {
      await g.submit(m["join.submit"]);
      if (new URL(page.url()).pathname !== "/me/profile") throw new Error(`joined onto ${page.url()}`);
    });
    await g.step("profile-saved", async () => {
      const basics = page.locator("form", { has: page.locator('input[name="intent"][value="basics"]') });
      await basics.getByLabel(m["profile.headline"]).fill("Junior frontend developer");
      await basics.getByLabel(m["profile.city"]).fill("Бишкек");
      await basics.getByLabel(m["profile.visibility.public"]).check();
      await g.submit(m["common.save"], basics);
    });
    await g.step("skills", async () => {
      await g.goto("/me/skills");
      await page.getByLabel(m["skills.skill"], { exact: true }).fill("вёрстка");
      await g.submit(m["skills.add"]);
    });
    await g.step("portfolio", async () => {
      await g.goto("/me/projects/new");
      await page.getByLabel(m["portfolio.field.title"]).fill("Сайт гостевого дома «Сон-Көл»");
      await page.getByLabel(m["portfolio.field.summary"]).fill("Лендинг с ценами и формой бронирования.");
      await page.getByLabel(m["portfolio.field.skills"]).fill("HTML\nCSS\nJavaScript");
      await g.submit(m["portfolio.create"]);
    });
    await g.step("projects", () => g.goto("/me/projects"));
    await g.step("jobs-for-you", () => g.goto("/me/jobs"));
    await g.step("vacancy", () => g.goto(`/vacancies/${vacancy.id}`));
    await g.step("apply", () => g.goto(`/vacancies/${vacancy.id}/apply`));
    await g.step("application", async () => {
      await page.getByLabel(m["applications.apply.note"]).fill("Саламатсызбы! Бишкектенмин, веб-иштеп чыгууну жакшы көрөм.");
      await g.submit(m["applications.apply.submit"]);
      if (!/^\/me\/applications\/\d+$/.test(new URL(page.url()).pathname)) throw new Error(`applied onto ${page.url()}`);
    });
    await g.step("applications", () => g.goto("/me/applications"));
    // The employer screens the application, so the graduate has a notification to read.
    const employer = await walker(browser, server, "graduate-helper", lang, width);
    try {
      await signIn(employer, "employer@demo.kg");
      const appId = db(
        server,
        (d) =>
          (
            d
              .prepare("select a.id from applications a join graduates gr on gr.id = a.graduate_id join users u on u.id = gr.user_id where u.email = ?")
              .get(email) as { id: number }
          ).id,
      );
      await employer.goto(`/employer/applications/${appId}`);
      await employer.page.getByLabel(employer.m["applications.move.to"]).selectOption("screening");
      await employer.submit(employer.m["applications.move.submit"]);
    } catch (e) {
      failures.push(`graduate ${lang}-${width} employer screens: ${(e as Error).message.split("\n")[0]}`);
    } finally {
      await employer.close();
    }
    await g.step("notifications", () => g.goto("/notifications"));
    await g.step("application-screened", () => g.goto("/me/applications"));
  } finally {
    await g.close();
  }
}

async function recruiterJourney(browser: Browser, server: RunningServer, lang: Lang, width: number) {
  const r = await walker(browser, server, "recruiter", lang, width);
  const { page, m } = r;
  let vacancyId = "";
  try {
    await r.step("sign-in", () => r.goto("/login"));
    await r.step("employer", () => signIn(r, "employer@demo.kg").then(() => r.goto("/employer")));
    await r.step("vacancy", async () => {
      await follow(r, /^\/employer\/vacancies\/\d+$/);
      vacancyId = new URL(page.url()).pathname.split("/").pop()!;
    });
    await r.step("applicants", () => r.goto(`/employer/vacancies/${vacancyId}/applicants`));
    await r.step("candidates", () => r.goto(`/vacancies/${vacancyId}/candidates`));
    await r.step("candidate", () => follow(r, /^\/g\/[a-z0-9-]+$/));
    await r.step("applications", () => r.goto("/employer/applicants"));
    await r.step("application", () => follow(r, /^\/employer\/applications\/\d+$/));
    await r.step("stage-change", async () => {
      const select = page.getByLabel(m["applications.move.to"]);
      const options = await select
        .locator("option")
        .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v && v !== "interview" && v !== "hired"));
      if (!options.length) throw new Error("no stage to move to");
      await select.selectOption(["screening", "offer"].find((o) => options.includes(o)) ?? options.find((o) => o !== "rejected") ?? options[0]!);
      await r.submit(m["applications.move.submit"]);
    });
    await r.step("hires", () => r.goto("/employer/hires"));
    await r.step("graduates", () => r.goto("/graduates"));
  } finally {
    await r.close();
  }
}

const csv = `\uFEFFФамилия;Имя;Пол;Email\nСатыбалдиева;Жылдыз;ж;walk-import-1@mail.kg\nМамытов;Азамат;м;walk-import-2@mail.kg\n;Без фамилии;м;bad@mail.kg\n`;

async function officerJourney(browser: Browser, server: RunningServer, lang: Lang, width: number) {
  const s = await walker(browser, server, "officer", lang, width);
  const { page, m } = s;
  try {
    await s.step("staff", () => signIn(s, "staff@demo.kg").then(() => s.goto("/staff")));
    await s.step("outcomes", () => s.goto("/staff/outcomes"));
    await s.step("outcomes-graduates", () => s.goto("/staff/outcomes/graduates"));
    await s.step("follow-up", () => s.goto("/staff/outcomes/follow-up"));
    await s.step("skill-gap", () => s.goto("/staff/skill-gap"));
    await s.step("invitations", () => s.goto("/staff/invitations"));
    await s.step("enrolled", async () => {
      const enrol = page.locator("form", { has: page.locator('input[name="intent"][value="enrol"]') });
      await enrol.getByLabel(m["staff.invite.cohort"]).selectOption({ index: 1 });
      await enrol.getByLabel(m["staff.invite.firstName"]).fill("Самат");
      await enrol.getByLabel(m["staff.invite.lastName"]).fill(`Акматов-${lang}${width}`);
      await s.submit(m["staff.invite.submit"], enrol);
    });
    await s.step("cohort-invitations", () => follow(s, /^\/staff\/cohorts\/\d+\/invitations$/));
    await s.step("import", () => s.goto("/staff/import"));
    await s.step("import-preview", async () => {
      await page.getByLabel(m["import.cohort"]).selectOption({ index: 1 });
      await page.locator('input[type="file"]').setInputFiles({ name: "выпуск-2026.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
      await Promise.all([page.waitForURL(/\/staff\/import\/\d+$/), page.locator("main").getByRole("button", { name: m["import.check"], exact: true }).click()]);
      await page.waitForSelector('body[data-nav-state="idle"]');
    });
    await s.step("verification", () => s.goto("/staff/graduates"));
    await s.step("graduate", () => follow(s, /^\/staff\/graduates\/\d+$/));
    await s.step("moderation-vacancies", () => s.goto("/staff/vacancies"));
    await s.step("moderation-companies", () => s.goto("/staff/companies"));
    await s.step("audit", () => s.goto("/staff/audit"));
  } finally {
    await s.close();
  }
}

async function parentJourney(browser: Browser, server: RunningServer, lang: Lang, width: number) {
  const p = await walker(browser, server, "parent", lang, width);
  try {
    await p.step("home", () => p.goto("/"));
    await p.step("school-figures", () => follow(p, /^\/outcomes$/));
    await p.step("board-search", async () => {
      await p.goto("/vacancies");
      await p.page.getByLabel(p.m["vacancies.q"], { exact: true }).fill("developer");
      await Promise.all([
        p.page.waitForURL((u) => u.searchParams.get("q") === "developer"),
        p.page.locator("main form[role=search]").getByRole("button", { name: p.m["vacancies.submit"], exact: true }).click(),
      ]);
      await p.page.waitForSelector('body[data-nav-state="idle"]');
    });
    await p.step("vacancy", () => follow(p, /^\/vacancies\/\d+$/));
    await p.step("company", () => follow(p, /^\/companies\/[a-z0-9-]+$/));
    await p.step("companies", () => p.goto("/companies"));
  } finally {
    await p.close();
  }
}

async function main() {
  const { langs, widths } = args();
  const [server, browser] = await Promise.all([
    startServer(),
    chromium.launch({
      executablePath:
        process.env.CHROMIUM_PATH ?? (fs.existsSync("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell" : "/usr/bin/chromium"),
      args: ["--headless", "--no-sandbox", "--disable-gpu"],
    }),
  ]);
  try {
    for (const width of widths) {
      for (const lang of langs) {
        for (const [name, journey] of [
          ["graduate", graduateJourney],
          ["recruiter", recruiterJourney],
          ["officer", officerJourney],
          ["parent", parentJourney],
        ] as const) {
          console.log(`${name} ${lang}-${width}`);
          try {
            await journey(browser, server, lang, width);
          } catch (e) {
            failures.push(`${name} ${lang}-${width}: ${(e as Error).message.split("\n")[0]}`);
            console.error(`  ✗ ${failures.at(-1)}`);
          }
        }
      }
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
  console.log(`screenshots in ${path.resolve("screenshots")}${failures.length ? `; ${failures.length} step(s) failed` : ""}`);
  if (failures.length) process.exit(1);
}

void main();
