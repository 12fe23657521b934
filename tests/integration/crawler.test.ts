// The crawler (issue 13): the real build on the demo data, walked breadth-first signed out and as
// every demo role. It fails on any 5xx, any link shown to a role that answers 403/404 (or sends a
// signed-in user to sign-in), raw message keys, the wrong <html lang>, and on `.data` payloads that
// carry what the role may not see. Design: docs/decisions/024-crawler.md; support: tests/support/crawler.ts.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "~/i18n/messages/en";
import { ky } from "~/i18n/messages/ky";
import { ru } from "~/i18n/messages/ru";
import {
  type CrawlResult,
  type Finding,
  crawl,
  dataUrlOf,
  decodeSingleFetch,
  extractGetForms,
  extractLinks,
  extractPostActions,
  hiddenFigureLeaks,
  htmlLang,
  patternOf,
  translationProblems,
  walk,
} from "../support/crawler";
import { firstLoadJsKb, JS_BUDGET_KB } from "../bench/page-weight";
import { type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";

const ROLES = [
  { role: "visitor", email: null, start: ["/", "/vacancies", "/outcomes", "/login", "/signup", "/join"] },
  { role: "graduate", email: "graduate@demo.kg", start: ["/", "/me"] },
  { role: "graduate2", email: "graduate2@demo.kg", start: ["/", "/me"] },
  { role: "employer", email: "employer@demo.kg", start: ["/", "/employer", "/company"] },
  { role: "employer2", email: "employer2@demo.kg", start: ["/", "/employer", "/company"] },
  { role: "pending", email: "pending@demo.kg", start: ["/", "/company"] },
  { role: "staff", email: "staff@demo.kg", start: ["/", "/staff"] },
  { role: "admin", email: "admin@demo.kg", start: ["/", "/admin", "/staff"] },
] as const;
type Role = (typeof ROLES)[number]["role"];

// Bounded so the whole file stays well under two minutes on two shared cores.
const MAX_PAGES = 260;
const PER_PATTERN = 3;

// Never in any payload, for anyone: secrets and internal "who did it" ids (pages show names).
const FORBIDDEN_KEYS = /^(password_hash|passwordHash|token_hash|tokenHash|session_secret|secret|created_by|recorded_by|verified_by|certificate_verified_by)$/;

type Viewer = {
  role: Role;
  userId: number | null;
  kind: "visitor" | "graduate" | "employer" | "staff";
  companyId: number | null;
  verified: boolean;
  graduateId: number | null;
};

type Facts = {
  hiddenSalary: Map<number, { companyId: number; min: number | null; max: number | null }>;
  graduates: { id: number; userId: number | null; visibility: string; anonymised: boolean; values: string[] }[];
  appliedCompanies: Map<number, Set<number>>; // graduate id → companies applied to
  vacancies: { id: number; companyId: number; title: string; status: string; companyVerified: boolean }[];
  members: { email: string; companyId: number }[];
  notes: { graduateId: number; companyId: number; note: string }[];
};

// Interface texts of the other languages (whole messages of two words or more, no variables).
// Shown as a whole text on a page in this language, they mean a hard-wired or fallen-back string.
function foreignTexts(): Record<"ky" | "ru" | "en", Set<string>> {
  const catalogs = { ky, ru, en } as Record<"ky" | "ru" | "en", Record<string, string>>;
  const texts = (lang: "ky" | "ru" | "en") => Object.values(catalogs[lang]).filter((m) => !m.includes("{") && /\S+\s+\S+/.test(m));
  const of = (lang: "ky" | "ru" | "en") => {
    const own = new Set(Object.values(catalogs[lang]));
    return new Set(
      (["ky", "ru", "en"] as const)
        .filter((l) => l !== lang)
        .flatMap(texts)
        .filter((m) => !own.has(m)),
    );
  };
  return { ky: of("ky"), ru: of("ru"), en: of("en") };
}

let server: RunningServer;
let facts: Facts;
const viewers = new Map<Role, Viewer>();
const cookies = new Map<Role, string | undefined>();
const results = new Map<Role, CrawlResult>();
/** Each page type the crawl reached (path, query left out: it does not change a page's scripts), by the first role that reached it. */
const pageTypes = new Map<string, { role: Role; path: string }>();

const signIn = (email: string) => signInOverHttp(server.url, email);

function readFacts(db: Database.Database): Facts {
  const hiddenSalary = new Map<number, { companyId: number; min: number | null; max: number | null }>();
  for (const v of db
    .prepare("select id, company_id, salary_min, salary_max from vacancies where salary_hidden = 1 and (salary_min is not null or salary_max is not null)")
    .all() as {
    id: number;
    company_id: number;
    salary_min: number | null;
    salary_max: number | null;
  }[])
    hiddenSalary.set(v.id, { companyId: v.company_id, min: v.salary_min, max: v.salary_max });
  const graduates = (
    db.prepare("select id, user_id, visibility, anonymised_at, email, phone, contact_email, contact_phone, contact_telegram from graduates").all() as {
      id: number;
      user_id: number | null;
      visibility: string;
      anonymised_at: string | null;
      email: string | null;
      phone: string | null;
      contact_email: string | null;
      contact_phone: string | null;
      contact_telegram: string | null;
    }[]
  ).map((g) => ({
    id: g.id,
    userId: g.user_id,
    visibility: g.visibility,
    anonymised: Boolean(g.anonymised_at),
    values: [g.email, g.phone, g.contact_email, g.contact_phone, g.contact_telegram].filter((x): x is string => typeof x === "string" && x.length >= 6),
  }));
  const appliedCompanies = new Map<number, Set<number>>();
  for (const a of db.prepare("select a.graduate_id, v.company_id from applications a join vacancies v on v.id = a.vacancy_id").all() as {
    graduate_id: number;
    company_id: number;
  }[]) {
    if (!appliedCompanies.has(a.graduate_id)) appliedCompanies.set(a.graduate_id, new Set());
    appliedCompanies.get(a.graduate_id)!.add(a.company_id);
  }
  const vacancies = (
    db.prepare("select v.id, v.company_id, v.title, v.status, c.status as company_status from vacancies v join companies c on c.id = v.company_id").all() as {
      id: number;
      company_id: number;
      title: string;
      status: string;
      company_status: string;
    }[]
  ).map((v) => ({ id: v.id, companyId: v.company_id, title: v.title, status: v.status, companyVerified: v.company_status === "verified" }));
  const members = db.prepare("select u.email, m.company_id as companyId from company_members m join users u on u.id = m.user_id").all() as {
    email: string;
    companyId: number;
  }[];
  const notes = (
    db.prepare("select a.graduate_id, v.company_id, a.note from applications a join vacancies v on v.id = a.vacancy_id where length(a.note) >= 15").all() as {
      graduate_id: number;
      company_id: number;
      note: string;
    }[]
  ).map((n) => ({ graduateId: n.graduate_id, companyId: n.company_id, note: n.note }));
  return { hiddenSalary, graduates, appliedCompanies, vacancies, members, notes };
}

function viewerOf(db: Database.Database, role: Role, email: string | null): Viewer {
  if (!email) return { role, userId: null, kind: "visitor", companyId: null, verified: false, graduateId: null };
  const user = db.prepare("select id, role from users where email = ?").get(email) as { id: number; role: string };
  if (user.role === "staff" || user.role === "admin") return { role, userId: user.id, kind: "staff", companyId: null, verified: false, graduateId: null };
  if (user.role === "employer") {
    const c = db.prepare("select c.id, c.status from company_members m join companies c on c.id = m.company_id where m.user_id = ?").get(user.id) as
      { id: number; status: string } | undefined;
    return { role, userId: user.id, kind: "employer", companyId: c?.id ?? null, verified: c?.status === "verified", graduateId: null };
  }
  const g = db.prepare("select id from graduates where user_id = ?").get(user.id) as { id: number } | undefined;
  return { role, userId: user.id, kind: "graduate", companyId: null, verified: false, graduateId: g?.id ?? null };
}

/** Values the viewer may not be sent: contact details, other companies' and other people's private data. */
function secretsFor(v: Viewer): { value: string; what: string }[] {
  if (v.kind === "staff") return [];
  const out: { value: string; what: string }[] = [];
  for (const g of facts.graduates) {
    if (v.kind === "graduate" && g.id === v.graduateId) continue;
    // docs/product.md §3/§8: contacts go to verified employers for profiles they may see, and with an application.
    const employerMay =
      v.kind === "employer" &&
      v.verified &&
      !g.anonymised &&
      (g.visibility !== "private" || (v.companyId !== null && facts.appliedCompanies.get(g.id)?.has(v.companyId)));
    if (employerMay) continue;
    for (const value of g.values) out.push({ value, what: `contact detail of graduate ${g.id} (${g.visibility})` });
  }
  const visibleTitles = new Set(
    facts.vacancies
      .filter((x) => (x.status === "open" || x.status === "closed" || x.status === "filled") && x.companyVerified)
      .concat(facts.vacancies.filter((x) => x.companyId === v.companyId))
      .map((x) => x.title),
  );
  const applied = v.graduateId !== null ? facts.appliedCompanies.get(v.graduateId) : undefined;
  for (const x of facts.vacancies) {
    if (x.companyId === v.companyId || visibleTitles.has(x.title) || applied?.has(x.companyId)) continue;
    if (["draft", "submitted", "rejected"].includes(x.status) || !x.companyVerified)
      out.push({ value: x.title, what: `title of unpublished vacancy ${x.id} of company ${x.companyId}` });
  }
  // A note is secret by what it says, not by where it was stored: the same words in a note the viewer
  // may read (the demo's many "Здравствуйте! Мне интересна эта вакансия…") tell nothing of anyone else.
  const readable = new Set(facts.notes.filter((n) => n.graduateId === v.graduateId || n.companyId === v.companyId).map((n) => n.note));
  for (const n of facts.notes) {
    if (n.graduateId === v.graduateId || n.companyId === v.companyId || readable.has(n.note)) continue;
    out.push({ value: n.note, what: `application note of graduate ${n.graduateId} to company ${n.companyId}` });
  }
  if (v.kind === "employer") {
    for (const m of facts.members) if (m.companyId !== v.companyId) out.push({ value: m.email, what: `e-mail of a member of company ${m.companyId}` });
  }
  return out;
}

/** Problems in one decoded `.data` payload for this viewer. */
function dataProblems(v: Viewer, payload: unknown): string[] {
  const problems = new Set<string>();
  walk(payload, (o, at) => {
    for (const k of Object.keys(o)) if (FORBIDDEN_KEYS.test(k)) problems.add(`${at}.${k}: internal field`);
  });
  // Hidden salaries (row or nested shape) and numbers in hidden outcome cells: tests/unit/crawler-checks.test.ts.
  const viewer = { staff: v.kind === "staff", companyId: v.kind === "employer" ? v.companyId : null };
  for (const p of hiddenFigureLeaks(payload, facts.hiddenSalary, viewer)) problems.add(p);
  return [...problems];
}

const secretsCache = new Map<Role, Map<string, string>>();
function secretsOf(v: Viewer): Map<string, string> {
  if (!secretsCache.has(v.role)) secretsCache.set(v.role, new Map(secretsFor(v).map((s) => [s.value, s.what])));
  return secretsCache.get(v.role)!;
}
// Contact details inside longer text (an e-mail in a sentence, a mailto: link, a phone, a Telegram handle).
const CONTACT_LIKE = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?\d[\d ()-]{6,}\d|@\w{3,}/g;

/** Strings the viewer may not be sent: whole strings (titles, notes) and contact details inside them. */
function secretProblems(v: Viewer, strings: Iterable<string>): string[] {
  const secrets = secretsOf(v);
  const problems = new Set<string>();
  for (const raw of strings) {
    const s = raw.trim();
    const hit = secrets.get(s);
    if (hit) problems.add(`${hit}: ${JSON.stringify(s).slice(0, 60)}`);
    for (const m of s.matchAll(CONTACT_LIKE)) {
      const c = secrets.get(m[0]);
      if (c) problems.add(`${c}: ${m[0]}`);
    }
  }
  return [...problems];
}

function stringsOf(node: unknown, out: string[] = []): string[] {
  if (typeof node === "string") out.push(node);
  else if (node && typeof node === "object") for (const x of Object.values(node)) stringsOf(x, out);
  return out;
}

/** Text nodes and attribute values of a page. */
function htmlStrings(html: string): string[] {
  const out = [...html.matchAll(/>([^<]+)</g)].map((m) => m[1]!);
  for (const m of html.matchAll(/="([^"]*)"/g)) out.push(m[1]!);
  return out;
}

function report(findings: Finding[]): string {
  // One line per kind of problem on one route pattern, with a count and an example.
  const groups = new Map<string, { n: number; example: Finding }>();
  for (const f of findings) {
    const key = `${f.kind} ${patternOf(new URL(f.url, "http://x"))} ${f.detail.replace(/\d+/g, "#").replace(/\[#\]/g, "")}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { n: 1, example: f });
  }
  return [...groups.values()]
    .slice(0, 40)
    .map(({ n, example: f }) => `${f.kind} ×${n}: ${f.url} ← ${f.from}: ${f.detail}`)
    .join("\n");
}

beforeAll(async () => {
  // The demo data, asked for explicitly (issue 13 makes demo accounts opt-in beyond localhost).
  server = await startServer({ SEED_DEMO: "1" });
  const db = new Database(path.join(server.dataDir, "portal.sqlite"), { readonly: true });
  try {
    facts = readFacts(db);
    for (const r of ROLES) viewers.set(r.role, viewerOf(db, r.role, r.email));
  } finally {
    db.close();
  }
  for (const r of ROLES) cookies.set(r.role, r.email ? await signIn(r.email) : undefined);
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

describe("the crawler's own checks catch what they look for", () => {
  const keys = new Set(Object.keys(en));
  it("finds raw message keys and unfilled placeholders, not ordinary dotted text", () => {
    expect(translationProblems('<p>nav.home</p><p title="vacancies.apply.title">x</p>', keys).length).toBeGreaterThan(0);
    expect(translationProblems("<p>Signed in as {name}</p>", keys)).toEqual(['unfilled placeholder "{name}"']);
    // The forms of docs/decisions/029: a date in a case and a plural left unfilled.
    expect(translationProblems("<p>{date:dat} чейин</p>", keys)).toEqual(['unfilled placeholder "{date:dat}"']);
    expect(translationProblems("<p>{n, plural, one {# x} other {# y}}</p>", keys)).toEqual(['unfilled placeholder "{n, plural,"']);
    expect(translationProblems('<p>feed.xml, demo.kg</p><script>{"nav.home":1}</script><a href="/x">{</a>', keys)).toEqual([]);
    expect(translationProblems('<link href="/build/routes/admin.schools.$id-X.js"><a href="/admin.schools">x</a>', keys)).toEqual([]);
    // An English interface text on a Russian page is a missing translation.
    expect(translationProblems(`<p>${en["nav.skipToContent"]}</p>`, keys, foreignTexts().ru)).toEqual([
      `text of another language "${en["nav.skipToContent"]}"`,
    ]);
    expect(translationProblems(`<p>${ru["nav.skipToContent"]}</p>`, keys, foreignTexts().ru)).toEqual([]);
  });

  it("reads links and the default submission of GET forms, never POST forms", () => {
    const html = `<a href="/vacancies?skill=1&amp;page=2">x</a><img src="/uploads/a.webp">
      <form method="get" action="/vacancies"><input name="q" value=""><select name="sort"><option value="relevance">r</option><option value="newest" selected>n</option></select>
      <input type="checkbox" name="remote" value="1"><input type="checkbox" name="hybrid" value="1" checked><button type="submit" name="go" value="1">Go</button><button name="other">no</button></form>
      <form method="post" action="/logout"><button>out</button></form>`;
    expect(extractLinks(html)).toEqual(["/vacancies?skill=1&page=2", "/uploads/a.webp"]);
    expect(extractGetForms(html, new URL("http://x/vacancies"))).toEqual(["http://x/vacancies?q=&sort=newest&hybrid=1&go=1"]);
    expect(extractPostActions(html, new URL("http://x/vacancies"))).toEqual(["http://x/logout"]);
    expect(patternOf(new URL("http://x/g/aiperi-z/cv?lng=ru&page=3"))).toBe("/g/:name/cv?page");
    expect(dataUrlOf(new URL("http://x/?lng=en")).href).toBe("http://x/_root.data?lng=en");
  });

  it("flags a hidden salary, an internal id and a hidden cell's denominator in a payload", () => {
    const [id, hidden] = [...facts.hiddenSalary.entries()][0]!;
    const visitor = viewers.get("visitor")!;
    const payload = {
      page: { vacancy: { id, salary_min: hidden.min ?? 1, salary_max: 2, created_by: 5 }, cell: { value: null, denominator: 7, hidden: true } },
    };
    expect(dataProblems(visitor, payload)).toHaveLength(3);
    expect(dataProblems(viewers.get("staff")!, { vacancy: { id, salary_min: 1 } })).toEqual([]);
  });
});

describe("item 13: loaders send only what the page shows", () => {
  it("a signed-out visitor's /vacancies/:id.data carries no hidden salary and no created_by", async () => {
    const db = new Database(path.join(server.dataDir, "portal.sqlite"), { readonly: true });
    const listed = db
      .prepare(
        "select v.id from vacancies v join companies c on c.id = v.company_id where v.status = 'open' and c.status = 'verified' and v.salary_hidden = 1 and v.salary_min is not null",
      )
      .all() as { id: number }[];
    db.close();
    expect(listed.length).toBeGreaterThan(0);
    for (const { id } of listed) {
      const res = await fetch(`${server.url}/vacancies/${id}.data`);
      expect(res.status).toBe(200);
      const raw = await res.text();
      const payload = (await decodeSingleFetch(raw)) as Record<string, { data: { vacancy: Record<string, unknown> } }>;
      const vacancy = payload["routes/vacancies.$id"]!.data.vacancy;
      expect(vacancy.title).toBeTruthy();
      expect(dataProblems(viewers.get("visitor")!, payload), `/vacancies/${id}.data`).toEqual([]);
      expect(Object.keys(vacancy)).not.toContain("created_by");
      expect(vacancy.salary_min ?? null).toBeNull();
      expect(vacancy.salary_max ?? null).toBeNull();
    }
  });
});

describe("error pages, which no link leads to", () => {
  it("a 404 (unknown page) and a 403 (graduate on /staff) answer in the language asked for, with no raw key", async () => {
    const keys = new Set(Object.keys(en));
    for (const lang of ["ky", "ru", "en"] as const) {
      for (const [path, cookie, status] of [
        ["/no-such-page", undefined, 404],
        ["/staff", cookies.get("graduate"), 403],
      ] as const) {
        const res = await fetch(`${server.url}${path}?lng=${lang}`, { headers: cookie ? { Cookie: cookie } : {} });
        expect(res.status, `${path} ${lang}`).toBe(status);
        const html = await res.text();
        expect(htmlLang(html), `${path} ${lang}`).toBe(lang);
        expect(translationProblems(html, keys, foreignTexts()[lang]), `${path} ${lang}`).toEqual([]);
      }
    }
  });
});

describe("crawl every role's pages", () => {
  const FOREIGN = foreignTexts();
  for (const r of ROLES) {
    it(`${r.role}: no 5xx, no dead shown link, no raw key, the asked language, no field it may not see`, async () => {
      const v = viewers.get(r.role)!;
      const result = await crawl({
        baseUrl: server.url,
        role: r.role,
        cookie: cookies.get(r.role),
        start: [...r.start],
        maxPages: MAX_PAGES,
        perPattern: PER_PATTERN,
        messageKeys: new Set(Object.keys(en)),
        foreignTexts: FOREIGN,
        checkData: (payload) => [...dataProblems(v, payload), ...secretProblems(v, stringsOf(payload))],
        checkHtml: (text) => secretProblems(v, htmlStrings(text)),
        concurrency: 3,
        onPage: (url) => {
          const type = patternOf(new URL(url.pathname, url));
          if (!pageTypes.has(type)) pageTypes.set(type, { role: r.role, path: url.pathname + url.search });
        },
      });
      results.set(r.role, result);
      fs.mkdirSync("test-results", { recursive: true });
      fs.writeFileSync(
        `test-results/crawler-${r.role}.json`,
        JSON.stringify({ patterns: Object.fromEntries(result.patterns), findings: result.findings }, null, 1),
      );
      console.log(`crawler ${r.role}: ${result.pages} pages, ${result.requests} requests, ${result.patterns.size} route patterns`);
      expect(result.findings, report(result.findings)).toEqual([]);
    }, 240_000);
  }

  it("reached each role's own pages (the crawl is not silently empty)", () => {
    const reached = (role: Role, pattern: string) => [...(results.get(role)?.patterns.keys() ?? [])].some((p) => p.startsWith(pattern));
    for (const [role, patterns] of [
      ["visitor", ["/vacancies/:id", "/outcomes", "/g/:name"]],
      ["graduate", ["/me/profile", "/me/applications", "/me/projects/:id", "/vacancies/:id"]],
      ["employer", ["/employer/vacancies/:id", "/employer/applications/:id", "/graduates"]],
      ["pending", ["/company"]],
      ["staff", ["/staff/graduates/:id", "/staff/outcomes/graduates/:id", "/staff/companies/:id", "/staff/audit"]],
      ["admin", ["/admin/schools/:id", "/admin/skills/:id", "/admin/modules/:id"]],
    ] as [Role, string[]][]) {
      for (const p of patterns) expect(reached(role, p), `${role} reached ${p}`).toBe(true);
    }
    const total = [...results.values()].reduce((n, r) => n + r.requests, 0);
    console.log(`crawler: ${total} requests in all`);
    expect(total).toBeGreaterThan(1000);
  });

  // Page weight on every page (docs/product.md §10, decision 033; issue 14 item 20): each page type
  // the crawl above reached, by the first role that reached it, ships at most 120 KB gzip of
  // first-load JavaScript, counted from its HTML over HTTP (tests/bench/page-weight.ts). This was a
  // walk of its own in tests/e2e/page-tours.test.ts, which fetched every page of every role a second
  // time; page-tours still checks that this count agrees with what Chromium loads, on two pages
  // (docs/decisions/035-test-suite-speed.md, Session 13).
  it("first-load JavaScript ≤ 120 KB gzip on every page a visitor or a demo role reaches (issue 14 item 20)", async () => {
    // The walk really reached the signed-in pages, the graduate's first ones among them.
    expect([...pageTypes.keys()]).toEqual(
      expect.arrayContaining(["/join", "/me/profile", "/me/skills", "/employer", "/vacancies/:id/candidates", "/staff", "/admin"]),
    );
    // Each /build/ file is fetched and gzipped once for the walk, not once per page that loads it.
    const buildFiles: Parameters<typeof firstLoadJsKb>[3] = new Map();
    const weights: { name: string; status: number; jsKb: number; files: string[] }[] = [];
    for (const [type, p] of pageTypes)
      weights.push({ name: `${p.role} ${type} ${p.path}`, ...(await firstLoadJsKb(server.url, p.path, cookies.get(p.role), buildFiles)) });
    expect(weights.filter((w) => w.status !== 200).map((w) => `${w.name} ${w.status}`)).toEqual([]);
    // Some pages hydrate, so the JavaScript figure measures real scripts.
    expect(weights.some((w) => w.jsKb > 50)).toBe(true);
    expect(weights.filter((w) => w.jsKb > JS_BUDGET_KB).map((w) => `${w.name}: ${w.jsKb.toFixed(1)} KB in ${w.files.length} files`)).toEqual([]);
  }, 240_000);
});
