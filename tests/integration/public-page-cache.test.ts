// The page cache for every signed-out public page (app/server/page-cache.ts, docs/decisions/069-public-page-cache.md),
// over HTTP against the production server on a copy of the demo data. Every change a page shows
// shows on the very next request — written by another process (this one, straight into the
// database) or through the app — and a change a page does not show leaves its cached copy in use.
//
// How a hit is seen from outside: a "marker" change to what the page shows is written with the
// cache's triggers on that table removed for the one transaction (unlogged below), so no log row
// tells the server. The signed-out page then still lacks the marker while it is replayed, and a
// fresh render (any cookie but the language one bypasses the cache) has it.
import { describe, expect, it } from "vitest";
import { type Page, useCachedSite } from "../support/cached-site";
import { unloggedWrite } from "../support/unlogged";

const site = useCachedSite();
const { get, post } = site;
/** The page's status and body with its nonce blanked: equal for a replay and a fresh render of the same data. */
const shape = (page: Page) => `${page.status}\n${page.headerNonce ? page.body.replaceAll(page.headerNonce, "N") : page.body}`;
/** As the cache serves it to a visitor. */
const visitor = async (url: string) => shape(await get(url));
/** A fresh render: a cookie other than the language cookie is never served from the cache. */
const fresh = async (url: string) => shape(await get(url, { Cookie: "x=1" }));

/** A write no log row tells the page cache of (tests/support/unlogged.ts). */
const unlogged = (table: string, sql: string, ...params: unknown[]) => unloggedWrite(site.db, table, sql, ...params);
const run = (sql: string, ...params: unknown[]) => site.db.prepare(sql).run(...params);
const one = <T>(sql: string, ...params: unknown[]) => site.db.prepare(sql).get(...params) as T;

/**
 * The page is cached; `mark` changes what it shows behind the cache's back; `unrelated` changes
 * data the page does not show: the visitor still gets the cached copy (no marker), a fresh render has it.
 */
async function expectHitKept(url: string, mark: () => void, unrelated: () => unknown): Promise<string> {
  await get(url);
  const cached = await visitor(url);
  mark();
  await unrelated();
  expect(await visitor(url), `${url} replayed after an unrelated change`).toBe(cached);
  const rendered = await fresh(url);
  expect(rendered, `${url}: the marker shows in a fresh render`).not.toBe(cached);
  return cached;
}

/** The page is cached; after `change` the very next visitor request is what a fresh render makes, and differs from before. */
async function expectShown(url: string, change: () => unknown): Promise<string> {
  await get(url);
  const before = await visitor(url);
  await change();
  const next = await visitor(url);
  expect(next, `${url} changed on the very next request`).not.toBe(before);
  expect(next, `${url} is what a fresh render makes`).toBe(await fresh(url));
  return next;
}

type Graduate = { id: number; slug: string; headline: string | null };
/** A published public graduate that the home page does not list (older than the six shown). */
const graduateOffHome = (shown: string[]) =>
  one<Graduate>(
    `select id, slug, headline from graduates where visibility = 'public' and published_at is not null and slug is not null and anonymised_at is null
     and slug not in (${shown.map(() => "?").join(",") || "''"}) order by published_at, id limit 1`,
    ...shown,
  );
const homeGraduates = (body: string) => [...new Set([...body.matchAll(/href="\/g\/([^"/?]+)"/g)].map((m) => m[1]!))];
const anotherGraduate = (not: number) =>
  one<Graduate>(
    "select id, slug, headline from graduates where slug is not null and visibility = 'public' and anonymised_at is null and id <> ? order by id desc limit 1",
    not,
  );
type Vacancy = { id: number; company_id: number; title: string };
const openVacancy = (offset = 0) =>
  one<Vacancy>(
    "select v.id, v.company_id, v.title from vacancies v join companies c on c.id = v.company_id where v.status = 'open' and c.status = 'verified' and (v.deadline is null or v.deadline > date('now', '+7 days')) order by v.id limit 1 offset ?",
    offset,
  );
type Company = { id: number; slug: string; name: string };
const companyWithOpen = (not = 0) =>
  one<Company>(
    "select c.id, c.slug, c.name from companies c where c.status = 'verified' and c.id <> ? and exists (select 1 from vacancies v where v.company_id = c.id and v.status = 'open' and (v.deadline is null or v.deadline > date('now', '+7 days'))) order by c.id limit 1",
    not,
  );
const editHeadline = (id: number, text: string) => run("update graduates set headline = ? where id = ?", text, id);

describe("signed-out public pages from the page cache", () => {
  it("replays every page type with a fresh nonce and the same headers, never with a cookie; signed-in visitors get fresh renders", async () => {
    const g = graduateOffHome([]);
    const v = openVacancy();
    const c = companyWithOpen();
    const urls = ["/", `/vacancies/${v.id}`, `/companies/${c.slug}`, "/companies", `/g/${g.slug}`, `/g/${g.slug}/cv`, "/outcomes", "/feed.xml", "/vacancies"];
    for (const url of urls) {
      const first = await get(url);
      const second = await get(url);
      const third = await get(url);
      expect(first.status, url).toBe(200);
      expect(shape(second), url).toBe(shape(first));
      expect(shape(third), url).toBe(shape(first));
      if (url !== "/feed.xml") {
        expect(first.headerNonce, url).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
        expect(new Set([first.headerNonce, second.headerNonce, third.headerNonce]).size, url).toBe(3);
        // Every nonce in the body is the response's own.
        const foreign = [...second.body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]).filter((n) => n !== second.headerNonce);
        expect(foreign, url).toEqual([]);
      }
      const names = (p: Page) => [...p.headers.keys()].filter((k) => k !== "date").sort();
      expect(names(second), url).toEqual(names(first));
      for (const name of names(first)) {
        if (name === "content-security-policy") continue;
        expect(second.headers.get(name), `${url} ${name}`).toBe(first.headers.get(name));
      }
      expect(second.headers.get("set-cookie"), url).toBeNull();
      expect(second.headers.get("vary"), url).toMatch(/Accept-Language, Cookie/);
    }
    // A signed-in graduate sees a change the cache was not told of: their page is never the cached one, nor stored.
    const cookie = await site.signIn("graduate@demo.kg");
    unlogged("graduates", "update graduates set headline = 'Behind the cache' where id = ?", g.id);
    expect((await get(`/g/${g.slug}`, { Cookie: cookie })).body).toContain("Behind the cache");
    expect((await get(`/g/${g.slug}`)).body).not.toContain("Behind the cache");
  });

  it("portfolio and CV: the graduate's edits, skills, projects and hiding show at once; other graduates' edits keep the page", async () => {
    const g = graduateOffHome([]);
    const other = anotherGraduate(g.id);
    for (const url of [`/g/${g.slug}`, `/g/${g.slug}/cv`]) {
      await expectHitKept(
        url,
        () => unlogged("graduates", "update graduates set headline = ? where id = ?", `Marker ${url}`, g.id),
        () => {
          editHeadline(other.id, `Someone else ${url}`);
          run("update vacancies set title = title || ' (edited)' where id = ?", openVacancy().id);
        },
      );
      expect(await expectShown(url, () => editHeadline(g.id, `Edited ${url}`))).toContain(`Edited ${url}`);
    }
    // A skill added (another table, the same graduate), and a project's title.
    const skill = one<{ id: number; name_en: string }>(
      "select id, name_en from skills where id not in (select skill_id from graduate_skills where graduate_id = ?) order by id limit 1",
      g.id,
    );
    expect(
      await expectShown(`/g/${g.slug}`, () =>
        run("insert into graduate_skills (graduate_id, skill_id, level, source) values (?, ?, 'intermediate', 'self')", g.id, skill.id),
      ),
    ).toContain(skill.name_en);
    const project = one<{ id: number } | undefined>("select id from projects where graduate_id = ? order by id limit 1", g.id);
    if (project) {
      expect(await expectShown(`/g/${g.slug}`, () => run("update projects set title = 'Project renamed now' where id = ?", project.id))).toContain(
        "Project renamed now",
      );
    }
    // Hidden from visitors: a 404 on the very next request, both pages.
    await get(`/g/${g.slug}/cv`);
    run("update graduates set visibility = 'employers' where id = ?", g.id);
    expect((await get(`/g/${g.slug}`)).status).toBe(404);
    expect((await get(`/g/${g.slug}/cv`)).status).toBe(404);
  });

  it("home: a listed graduate's edit, hiding and a new publication show; an unlisted graduate's edit keeps the page", async () => {
    const listed = homeGraduates((await get("/")).body);
    expect(listed.length).toBeGreaterThan(0);
    const shown = one<Graduate>("select id, slug, headline from graduates where slug = ?", listed[0]);
    const off = graduateOffHome(listed);
    await expectHitKept(
      "/",
      () => unlogged("graduates", "update graduates set headline = 'Home marker' where id = ?", shown.id),
      () => editHeadline(off.id, "Not on the home page"),
    );
    expect(await expectShown("/", () => editHeadline(shown.id, "Shown and edited"))).toContain("Shown and edited");
    // Hidden: gone from the list at once.
    const hidden = await expectShown("/", () => run("update graduates set visibility = 'private' where id = ?", shown.id));
    expect(homeGraduates(hidden)).not.toContain(shown.slug);
    // Newly published: listed first at once.
    const published = await expectShown("/", () => run("update graduates set published_at = datetime('now', '+1 minute') where id = ?", off.id));
    expect(homeGraduates(published)).toContain(off.slug);
  });

  it("home: a profile save through the form that leaves the listing as it was keeps the page (the save always sets visibility and publication)", async () => {
    const listed = homeGraduates((await get("/")).body);
    const shown = one<Graduate>("select id, slug, headline from graduates where slug = ?", listed[0]);
    // A graduate with an account that home does not list; the form sets visibility to what it was.
    const writer = one<{ email: string; visibility: string }>(
      `select u.email, g.visibility from graduates g join users u on u.id = g.user_id
       where u.email like '%@demo.kg' and g.anonymised_at is null and (g.slug is null or g.slug not in (${listed.map(() => "?").join(",")})) order by g.id limit 1`,
      ...listed,
    );
    const cookie = await site.signIn(writer.email);
    await expectHitKept(
      "/",
      () => unlogged("graduates", "update graduates set headline = 'Home marker 2' where id = ?", shown.id),
      async () =>
        expect(
          await post("/me/profile", cookie, { intent: "basics", headline: "Saved off the home page", about: "", city: "Нарын", visibility: writer.visibility }),
        ).toBe(302),
    );
  });

  it("home and feed: a listed vacancy renamed, or closed by its employer, shows at once; a graduate's edit keeps the feed", async () => {
    // The demo employer's open vacancy, published just now (another process's write): the newest on both.
    const company = one<{ id: number }>("select m.company_id as id from company_members m join users u on u.id = m.user_id where u.email = 'employer@demo.kg'");
    const v = one<{ id: number }>("select id from vacancies where company_id = ? and status = 'open' order by id limit 1", company.id);
    const listedNow = await expectShown("/", () => run("update vacancies set published_at = datetime('now', '+1 minute') where id = ?", v.id));
    expect(listedNow).toContain(`href="/vacancies/${v.id}"`);
    const g = graduateOffHome([]);
    await expectHitKept(
      "/feed.xml",
      () => unlogged("vacancies", "update vacancies set title = 'Feed marker' where id = ?", v.id),
      () => editHeadline(g.id, "Feed does not show me"),
    );
    expect(await expectShown("/feed.xml", () => run("update vacancies set title = 'Renamed for the feed' where id = ?", v.id))).toContain(
      "Renamed for the feed",
    );
    expect(await expectShown("/", () => run("update vacancies set title = 'Renamed for the home page' where id = ?", v.id))).toContain(
      "Renamed for the home page",
    );
    // Closed through the app: gone from both on the very next request.
    const signedIn = await site.signIn("employer@demo.kg");
    await get("/feed.xml");
    const closed = await expectShown("/", async () => expect(await post(`/employer/vacancies/${v.id}`, signedIn, { intent: "close" })).toBe(302));
    expect(closed).not.toContain(`href="/vacancies/${v.id}"`);
    expect(await visitor("/feed.xml")).toBe(await fresh("/feed.xml"));
    expect((await get("/feed.xml")).body).not.toContain(`/vacancies/${v.id}<`);
  });

  it("a vacancy: its edit, its company's name and status, moderation and closing show at once; another vacancy's edit keeps it", async () => {
    const v = openVacancy(1);
    const other = openVacancy(2);
    const url = `/vacancies/${v.id}`;
    await expectHitKept(
      url,
      () => unlogged("vacancies", "update vacancies set title = 'Vacancy marker' where id = ?", v.id),
      () => {
        run("update vacancies set title = 'Another vacancy edited' where id = ?", other.id);
        editHeadline(graduateOffHome([]).id, "A graduate edit");
      },
    );
    expect(await expectShown(url, () => run("update vacancies set title = 'Vacancy edited' where id = ?", v.id))).toContain("Vacancy edited");
    expect(await expectShown(url, () => run("update companies set name = 'Company Renamed LLC' where id = ?", v.company_id))).toContain("Company Renamed LLC");
    // The company loses its verification: the vacancy is not public any more.
    await get(url);
    run("update companies set status = 'rejected' where id = ?", v.company_id);
    expect((await get(url)).status).toBe(404);
    run("update companies set status = 'verified' where id = ?", v.company_id);
    expect((await get(url)).status).toBe(200);
    // Closed (by another process): a 404 at once.
    run("update vacancies set status = 'closed' where id = ?", v.id);
    expect((await get(url)).status).toBe(404);

    // Moderation through the app: a submitted vacancy is a 404 until approved, then shown.
    const waiting = one<{ id: number }>(
      "select v.id from vacancies v join companies c on c.id = v.company_id where v.status = 'submitted' and c.status = 'verified' and (v.deadline is null or v.deadline > date('now', '+7 days')) order by v.id limit 1",
    );
    expect((await get(`/vacancies/${waiting.id}`)).status).toBe(404);
    expect(await post("/staff/vacancies", await site.signIn("staff@demo.kg"), { intent: "approve", vacancyId: String(waiting.id) })).toBe(200);
    expect((await get(`/vacancies/${waiting.id}`)).status).toBe(200);
  });

  it("a company's page and the companies list: the company, its vacancies and its status show at once; other companies' edits keep a company's page", async () => {
    const c = companyWithOpen();
    const other = companyWithOpen(c.id);
    const url = `/companies/${c.slug}`;
    await expectHitKept(
      url,
      () => unlogged("companies", "update companies set name = 'Company marker' where id = ?", c.id),
      () => {
        run("update companies set name = 'Other Company Renamed' where id = ?", other.id);
        editHeadline(graduateOffHome([]).id, "Companies do not show me");
      },
    );
    const vacancy = one<{ id: number }>("select id from vacancies where company_id = ? and status = 'open' order by id limit 1", c.id);
    const closed = await expectShown(url, () => run("update vacancies set status = 'closed' where id = ?", vacancy.id));
    expect(closed).not.toContain(`href="/vacancies/${vacancy.id}"`);
    await get(url);
    run("update companies set status = 'rejected' where id = ?", c.id);
    expect((await get(url)).status).toBe(404);
    run("update companies set status = 'verified' where id = ?", c.id);

    // The list: a graduate's edit keeps it; a rename and a newly verified company show.
    await expectHitKept(
      "/companies",
      () => unlogged("companies", "update companies set name = 'List marker' where id = ?", c.id),
      () => editHeadline(graduateOffHome([]).id, "The list does not show me"),
    );
    expect(await expectShown("/companies", () => run("update companies set name = 'Renamed For The List' where id = ?", other.id))).toContain(
      "Renamed For The List",
    );
    const pending = one<{ id: number; name: string } | undefined>("select id, name from companies where status = 'pending' order by id limit 1");
    if (pending) {
      expect(await expectShown("/companies", () => run("update companies set status = 'verified' where id = ?", pending.id))).toContain(pending.name);
    }
    // Open counts follow closing a vacancy.
    const still = one<{ id: number }>("select id from vacancies where company_id = ? and status = 'open' order by id limit 1", other.id);
    await expectShown("/companies", () => run("update vacancies set status = 'closed' where id = ?", still.id));
  });

  it("outcomes and its query variants: a correction of an outcome record shows at once; a profile or vacancy edit keeps the page", async () => {
    const school = one<{ id: number; name_en: string }>("select id, name_en from schools order by id limit 1");
    const checkpoint = "m12"; // not the default one
    for (const [i, url] of ["/outcomes", `/outcomes?school=${school.id}`, `/outcomes?checkpoint=${checkpoint}&school=${school.id}`].entries()) {
      await expectHitKept(
        url,
        () =>
          unlogged(
            "schools",
            "update schools set name_ky = ?, name_ru = ?, name_en = ? where id = ?",
            ...Array<string>(3).fill(`School marker ${i}`),
            school.id,
          ),
        () => {
          editHeadline(graduateOffHome([]).id, `Outcomes do not show me ${url}`);
          run("update vacancies set title = title || '.' where id = ?", openVacancy().id);
        },
      );
      // A correction appends a record superseding the current one (written here as another process would).
      const record = one<{ id: number; code: string }>(
        "select o.id, o.code from outcomes o join graduates g on g.id = o.graduate_id join cohorts c on c.id = g.cohort_id where o.current = 1 and o.code in ('seeking', 'unknown') and c.school_id = ? order by o.id limit 1",
        school.id,
      );
      const shown = await expectShown(url, () =>
        run(
          "insert into outcomes (graduate_id, checkpoint, code, as_of, source, supersedes_id) select graduate_id, checkpoint, ?, as_of, source, id from outcomes where id = ?",
          record.code === "seeking" ? "unknown" : "seeking",
          record.id,
        ),
      );
      expect(shown.includes(`School marker ${i}`), url).toBe(true);
    }
  });

  it("keeps languages apart on every page type", async () => {
    const g = graduateOffHome([]);
    for (const url of ["/", `/g/${g.slug}`, "/companies", "/outcomes"]) {
      for (const lang of ["ru", "en", "ky", "ru"]) {
        expect((await get(url, { "Accept-Language": lang })).body, `${url} ${lang}`).toContain(`<html lang="${lang}"`);
      }
      const chosen = await get(`${url}${url.includes("?") ? "&" : "?"}lng=en`, { "Accept-Language": "ru" });
      expect(chosen.body).toContain('<html lang="en"');
      expect(chosen.headers.get("set-cookie")).toMatch(/^lng=en;/);
      expect((await get(url, { Cookie: "lng=ky", "Accept-Language": "en" })).body).toContain('<html lang="ky"');
    }
  });
});
