// The job board's page cache for signed-out visitors (app/server/page-cache.ts), over HTTP
// against the production server: replayed pages carry a fresh CSP nonce, signed-in visitors
// never get a cached page, vacancy changes show on the next request, languages stay apart.
// The other public pages: tests/integration/public-page-cache.test.ts.
import { describe, expect, it } from "vitest";
import { useCachedSite } from "../support/cached-site";
import { unloggedWrite } from "../support/unlogged";

const site = useCachedSite(120_000);
const { get, post, signIn } = site;

/** Renames a company behind the server's back: no log row tells the cache, so only a fresh render shows it. */
function renameCompany(id: number, name: string): void {
  unloggedWrite(site.db, "companies", "update companies set name = ? where id = ?", name, id);
}

const companyOf = (email: string) =>
  site.db.prepare("select m.company_id as id from company_members m join users u on u.id = m.user_id where u.email = ?").get(email) as { id: number };

describe("job board page cache", () => {
  it("replays a signed-out page with a fresh nonce in header and body, otherwise byte-identical", async () => {
    const { id } = companyOf("employer@demo.kg");
    const url = `/vacancies?company=${id}&sort=newest`;
    const first = await get(url);
    expect(first.status).toBe(200);
    renameCompany(id, "Renamed Behind The Cache LLC");
    const second = await get(url);
    // Served from the cache: the rename (which no trigger logs) is not visible yet.
    expect(second.body).not.toContain("Renamed Behind The Cache LLC");
    expect(first.headerNonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(second.headerNonce).toMatch(/^[A-Za-z0-9+/=]{20,}$/);
    expect(second.headerNonce).not.toBe(first.headerNonce);
    // The board ships no script (decision 015), so its body may hold no nonce; any it holds is the response's own.
    expect(first.bodyNonces.filter((n) => n !== first.headerNonce)).toEqual([]);
    expect(second.bodyNonces.filter((n) => n !== second.headerNonce)).toEqual([]);
    expect(second.body.replaceAll(second.headerNonce, "N")).toBe(first.body.replaceAll(first.headerNonce, "N"));
    expect(second.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(second.headers.get("set-cookie")).toBeNull();
    expect(second.headers.get("vary")).toMatch(/Accept-Language, Cookie/);

    // A signed-in visitor gets a fresh render, never the cached page.
    const employer = await signIn("employer2@demo.kg");
    const signedIn = await get(url, { Cookie: employer });
    expect(signedIn.body).toContain("Renamed Behind The Cache LLC");
    expect(signedIn.bodyNonces.filter((n) => n !== signedIn.headerNonce)).toEqual([]);
    // …and that render is not stored for signed-out visitors either.
    expect((await get(url)).body).not.toContain("Renamed Behind The Cache LLC");
  });

  it("shows a closed vacancy gone and an approved one listed on the very next request", async () => {
    const { id: company } = companyOf("employer@demo.kg");
    const open = site.db.prepare("select id from vacancies where company_id = ? and status = 'open' order by id limit 1").get(company) as { id: number };
    const url = `/vacancies?company=${company}`;
    expect((await get(url)).body).toContain(`href="/vacancies/${open.id}"`);
    expect((await get(url)).body).toContain(`href="/vacancies/${open.id}"`); // cached now
    expect(await post(`/employer/vacancies/${open.id}`, await signIn("employer@demo.kg"), { intent: "close" })).toBe(302);
    expect(site.db.prepare("select status from vacancies where id = ?").pluck().get(open.id)).toBe("closed");
    expect((await get(url)).body).not.toContain(`href="/vacancies/${open.id}"`);

    const waiting = site.db
      .prepare(
        "select v.id, v.company_id from vacancies v join companies c on c.id = v.company_id where v.status = 'submitted' and c.status = 'verified' and (v.deadline is null or v.deadline > date('now', '+7 days')) order by v.id limit 1",
      )
      .get() as { id: number; company_id: number };
    const theirs = `/vacancies?company=${waiting.company_id}&sort=newest`; // just approved: newest first
    expect((await get(theirs)).body).not.toContain(`href="/vacancies/${waiting.id}"`);
    expect((await get(theirs)).body).not.toContain(`href="/vacancies/${waiting.id}"`); // cached now
    expect(await post("/staff/vacancies", await signIn("staff@demo.kg"), { intent: "approve", vacancyId: String(waiting.id) })).toBe(200);
    expect(site.db.prepare("select status from vacancies where id = ?").pluck().get(waiting.id)).toBe("open");
    // A fresh render (any other cookie bypasses the cache) and the signed-out page agree.
    expect((await get(theirs, { Cookie: "x=1" })).body.includes(`href="/vacancies/${waiting.id}"`)).toBe(true);
    expect((await get(theirs)).body.includes(`href="/vacancies/${waiting.id}"`)).toBe(true);
  });

  it("shows an admin's skill-alias edit on the very next request, as a job-word edit does (migration 0016)", async () => {
    type Skill = { id: number; slug: string; category_id: number; name_ky: string; name_ru: string; name_en: string };
    const skill = site.db.prepare("select id, slug, category_id, name_ky, name_ru, name_en from skills where slug = 'python'").get() as Skill;
    const aliases = site.db.prepare("select alias from skill_aliases where skill_id = ? order by id").pluck().all(skill.id) as string[];
    // A skill with no related skills: saving it rewrites no relation, whose triggers would bump the counter anyway.
    site.db.prepare("delete from skill_relations where ? in (skill_id, related_skill_id)").run(skill.id);
    const holders = new Set(
      site.db
        .prepare("select vs.vacancy_id from vacancy_skills vs join vacancies v on v.id = vs.vacancy_id where vs.skill_id = ? and v.status = 'open'")
        .pluck()
        .all(skill.id) as number[],
    );
    expect(holders.size).toBeGreaterThan(0);
    const listed = (body: string) => [...body.matchAll(/href="\/vacancies\/(\d+)"/g)].map((m) => Number(m[1]));
    // A word no vacancy holds in any form: nothing found, and the empty page is cached.
    const url = "/vacancies?q=змеюка";
    expect(listed((await get(url)).body)).toEqual([]);
    expect(listed((await get(url)).body)).toEqual([]);
    const admin = await signIn("admin@demo.kg");
    const saved = await post(`/admin/skills/${skill.id}`, admin, {
      slug: skill.slug,
      categoryId: String(skill.category_id),
      name_ky: skill.name_ky,
      name_ru: skill.name_ru,
      name_en: skill.name_en,
      aliases: [...aliases, "змеюка"].join("\n"),
      related: "",
    });
    expect(saved).toBe(302);
    // The new alias names Python: its vacancies are listed (holders first) on the very next signed-out request.
    const after = listed((await get(url)).body);
    expect(after.length).toBeGreaterThan(0);
    expect(holders.has(after[0]!)).toBe(true);
  });

  it("keeps languages apart: Accept-Language, the language cookie and ?lng= each get their own page", async () => {
    const url = "/vacancies?sort=newest&page=2";
    const ru = await get(url, { "Accept-Language": "ru" });
    const en = await get(url, { "Accept-Language": "en" });
    const enAgain = await get(url, { "Accept-Language": "en" });
    const ruAgain = await get(url, { "Accept-Language": "ru" });
    expect(ru.body).toContain('<html lang="ru"');
    expect(en.body).toContain('<html lang="en"');
    expect(enAgain.body).toContain('<html lang="en"');
    expect(ruAgain.body).toContain('<html lang="ru"');
    expect((await get(url, { "Accept-Language": "ru", Cookie: "lng=en" })).body).toContain('<html lang="en"');
    // ?lng= saves the choice in a cookie on every response, cached or not.
    for (let i = 0; i < 2; i++) {
      const chosen = await get(`${url}&lng=ky`, { "Accept-Language": "ru" });
      expect(chosen.body).toContain('<html lang="ky"');
      expect(chosen.headers.get("set-cookie")).toMatch(/^lng=ky;/);
    }
  });
});
