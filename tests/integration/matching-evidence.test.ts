// Evidence means what it says (docs/product.md §5, docs/decisions/022-evidence-per-level.md): a
// verification proves the level it checked, nothing higher; a higher self-declared level stays
// self-declared beside it; completed modules count by the same evidence weights as skills.
// Real SQLite file, the real actions a graduate and staff use, the index the rankings read.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Migrator } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Connection, migrateToLatest, openDatabase } from "@db/connection";
import { migrations } from "@db/migrations/index";
import { explainMatch, type LevelRank, prepareVacancy, rankingDay } from "~/domain/matching/score";
import { loadCandidates, matchIndex } from "~/models/matching-index.server";
import { explanationJson } from "~/domain/matching/json";
import { loadProfile } from "~/models/profile.server";
import * as gPage from "~/routes/g.$slug";
import * as graduatesPage from "~/routes/_employer.graduates._index";
import * as meModules from "~/routes/me.modules";
import * as meSkills from "~/routes/me.skills";
import * as staffGraduate from "~/routes/staff.graduates.$id";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeInvitation, makeUser, sessionCookieFor } from "../support/factories";
import { call, get, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

const DAY = rankingDay("2026-11-30");

async function joinedGraduate() {
  const staff = await makeUser(c, "staff");
  const { graduateId } = await makeInvitation(c, staff.id, { firstName: "Айгерим", lastName: "Осмонова" });
  const user = await makeUser(c, "graduate");
  await c.db
    .updateTable("graduates")
    .set({ user_id: user.id, slug: `g-${graduateId}`, visibility: "public" })
    .where("id", "=", graduateId)
    .execute();
  return { graduateId, slug: `g-${graduateId}`, cookie: await sessionCookieFor(user.id), staffCookie: await sessionCookieFor(staff.id) };
}

const skillId = async (slug: string) => (await c.db.selectFrom("skills").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
/** The first module that teaches the skill. */
const moduleTeaching = async (skill: number) =>
  (
    await c.db
      .selectFrom("module_skills")
      .innerJoin("modules", "modules.id", "module_skills.module_id")
      .select("modules.id")
      .where("skill_id", "=", skill)
      .orderBy("modules.number")
      .executeTakeFirstOrThrow()
  ).id;

/** The credit (per mille) the graduate's facts, as the index loads them, earn for one required skill at a level. */
function creditFor(graduateId: number, skill: number, minLevel: LevelRank): number {
  const facts = loadCandidates(c, [graduateId])[0]!.facts;
  const vacancy = prepareVacancy(
    { id: 1, skills: [{ skillId: skill, minLevel, required: true }], languages: [], workMode: "remote", place: { regionId: null, city: null } },
    () => [],
  );
  return explainMatch(facts, vacancy, DAY).required[0]!.credit;
}
function modulePoints(graduateId: number): number {
  const facts = loadCandidates(c, [graduateId])[0]!.facts;
  const vacancy = prepareVacancy({ id: 1, skills: [], languages: [], workMode: "remote", place: { regionId: null, city: null } }, () => []);
  return explainMatch(facts, vacancy, DAY).components.modules;
}

const staffDo = (g: { graduateId: number; staffCookie: string }, fields: Record<string, string>) =>
  call(staffGraduate.action, post(`/staff/graduates/${g.graduateId}`, fields, { cookie: g.staffCookie }), { id: String(g.graduateId) });

describe("evidence belongs to a (skill, level) pair", () => {
  it("verifying a module proves the basic level it teaches; a self-declared intermediate stays self-declared", async () => {
    const g = await joinedGraduate();
    const js = await skillId("javascript");
    expect((await call(meSkills.action, post("/me/skills", { intent: "add", skill: "JavaScript", level: "intermediate" }, { cookie: g.cookie }))).status).toBe(
      302,
    );
    expect(creditFor(g.graduateId, js, 2)).toBe(700); // intermediate, self-declared
    expect((await staffDo(g, { intent: "verifyModule", moduleId: String(await moduleTeaching(js)), completedOn: "2026-03-01", score: "90" })).status).toBe(302);

    // Asked intermediate: max(basic verified one level short = 600, intermediate self-declared = 700).
    expect(creditFor(g.graduateId, js, 2)).toBe(700);
    // Asked basic: the verified basic counts in full.
    expect(creditFor(g.graduateId, js, 1)).toBe(1000);
    // The ranking's index (columns, not explainMatch) agrees.
    const index = matchIndex(c);
    const ranked = index.rankCandidates(
      { id: 1, skills: [{ skillId: js, minLevel: 2, required: true }], languages: [], workMode: "remote", place: { regionId: null, city: null } },
      { includePlaced: true },
      DAY,
    );
    const facts = loadCandidates(c, [g.graduateId])[0]!.facts;
    const prepared = prepareVacancy(
      { id: 1, skills: [{ skillId: js, minLevel: 2, required: true }], languages: [], workMode: "remote", place: { regionId: null, city: null } },
      index.relatedOf,
    );
    expect(ranked.items[0]).toMatchObject({ id: g.graduateId, total: explainMatch(facts, prepared, DAY).total });

    // Every page that shows the skill shows both pairs: basic ✓ verified; intermediate, self-declared.
    const profile = await loadProfile(c.db, g.graduateId);
    const shown = profile!.skills.find((s) => s.id === js)!;
    expect(shown.pairs).toEqual([
      { level: "basic", evidence: "module" },
      { level: "intermediate", evidence: "self" },
    ]);
    expect(shown).toMatchObject({ level: "intermediate", evidence: "self" });
    const page = await call(gPage.loader, get(`/g/${g.slug}`), { slug: g.slug });
    const publicSkill = (page.data as { skills: { id: number; level: string; evidence: string; pairs: unknown }[] }).skills.find((s) => s.id === js);
    expect(publicSkill).toMatchObject({
      level: "intermediate",
      evidence: "self",
      pairs: [
        { level: "basic", evidence: "module" },
        { level: "intermediate", evidence: "self" },
      ],
    });
    // The directory's card too.
    const directory = await call(graduatesPage.loader, get("/graduates", { cookie: g.staffCookie }));
    const card = (directory.data as { result: { items: { id: number; skills: { id: number; pairs: unknown }[] }[] } }).result.items.find(
      (x) => x.id === g.graduateId,
    )!;
    expect(card.skills.find((s) => s.id === js)!.pairs).toEqual([
      { level: "basic", evidence: "module" },
      { level: "intermediate", evidence: "self" },
    ]);
    // The JSON explanation names both pairs, and the highest level with its own evidence.
    const json = explanationJson(explainMatch(facts, prepared, DAY), {});
    expect(json.required[0]).toMatchObject({
      level: "intermediate",
      evidence: "self-declared",
      pairs: [
        { level: "basic", evidence: "verified" },
        { level: "intermediate", evidence: "self-declared" },
      ],
    });
  });

  it("a module verified over a basic claim makes it basic ✓ verified, one pair", async () => {
    const g = await joinedGraduate();
    const js = await skillId("javascript");
    await call(meSkills.action, post("/me/skills", { intent: "add", skill: "JavaScript", level: "basic" }, { cookie: g.cookie }));
    await staffDo(g, { intent: "verifyModule", moduleId: String(await moduleTeaching(js)), completedOn: "2026-03-01", score: "" });
    expect(creditFor(g.graduateId, js, 1)).toBe(1000);
    const shown = (await loadProfile(c.db, g.graduateId))!.skills.find((s) => s.id === js)!;
    expect(shown.pairs).toEqual([{ level: "basic", evidence: "module" }]);
    expect(shown).toMatchObject({ level: "basic", evidence: "module" });
  });

  it("staff verify the level they saw; a level raised afterwards is self-declared, and the verified one still counts", async () => {
    const g = await joinedGraduate();
    const python = await skillId("python");
    await call(meSkills.action, post("/me/skills", { intent: "add", skill: "Python", level: "basic" }, { cookie: g.cookie }));
    expect((await staffDo(g, { intent: "verifySkill", skillId: String(python) })).status).toBe(302);
    expect(creditFor(g.graduateId, python, 1)).toBe(1000);
    expect(
      (await call(meSkills.action, post("/me/skills", { intent: "level", skillId: String(python), level: "advanced" }, { cookie: g.cookie }))).status,
    ).toBe(302);
    // Asked advanced: max(basic verified two short = 300, advanced self-declared = 700) — not 1000.
    expect(creditFor(g.graduateId, python, 3)).toBe(700);
    // Raising the level never lowers a score: the verified basic still counts in full for basic.
    expect(creditFor(g.graduateId, python, 1)).toBe(1000);
    const shown = (await loadProfile(c.db, g.graduateId))!.skills.find((s) => s.id === python)!;
    expect(shown.pairs).toEqual([
      { level: "basic", evidence: "staff" },
      { level: "advanced", evidence: "self" },
    ]);
    // Staff can now verify the advanced level; then it is one verified pair.
    await staffDo(g, { intent: "verifySkill", skillId: String(python) });
    expect(creditFor(g.graduateId, python, 3)).toBe(1000);
    expect((await loadProfile(c.db, g.graduateId))!.skills.find((s) => s.id === python)!.pairs).toEqual([{ level: "advanced", evidence: "staff" }]);
  });

  it("withdrawing a module's verification withdraws the verified basic it gave", async () => {
    const g = await joinedGraduate();
    const js = await skillId("javascript");
    await call(meSkills.action, post("/me/skills", { intent: "add", skill: "JavaScript", level: "intermediate" }, { cookie: g.cookie }));
    const m = await moduleTeaching(js);
    await staffDo(g, { intent: "verifyModule", moduleId: String(m), completedOn: "2026-03-01", score: "" });
    expect(creditFor(g.graduateId, js, 1)).toBe(1000);
    expect((await staffDo(g, { intent: "unverifyModule", moduleId: String(m) })).status).toBe(302);
    // The module is still marked completed (self-marked: a self-declared basic), no longer verified.
    expect(creditFor(g.graduateId, js, 1)).toBe(700);
    expect((await loadProfile(c.db, g.graduateId))!.skills.find((s) => s.id === js)!.pairs).toEqual([{ level: "intermediate", evidence: "self" }]);
  });
});

describe("modules count by their evidence", () => {
  it("a self-marked module counts 70 %, a verified one 100 % (like skills)", async () => {
    const g = await joinedGraduate();
    const modules = await c.db.selectFrom("modules").select("id").orderBy("number").execute();
    expect(modules).toHaveLength(12);
    for (const m of modules) {
      const res = await call(
        meModules.action,
        post("/me/modules", { intent: "module", moduleId: String(m.id), completedOn: "2026-01-15", score: "" }, { cookie: g.cookie }),
      );
      expect(res.status).toBe(302);
    }
    // 12 self-marked of 12: 10 points × 0.7.
    expect(modulePoints(g.graduateId)).toBe(70_000);
    for (const m of modules.slice(0, 6)) await staffDo(g, { intent: "verifyModule", moduleId: String(m.id), completedOn: "2026-01-15", score: "" });
    // 6 verified + 6 self-marked: 10 × (6 × 1 + 6 × 0.7) / 12 = 8.5 points.
    expect(modulePoints(g.graduateId)).toBe(85_000);
  });
});

describe("migration 0011", () => {
  it("gives existing claims back what was proven: a module basic, staff the level they checked", async () => {
    const own = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), "portal-0011-")), "portal.sqlite"));
    try {
      const migrator = new Migrator({ db: own.db, provider: { getMigrations: async () => migrations } });
      const before = await migrator.migrateTo("0008_outcome_changes");
      expect(before.error).toBeUndefined();
      // Rows as the old verifyModule and verifySkill left them (links to other rows do not matter here).
      own.sqlite.pragma("foreign_keys = OFF");
      const insert = own.sqlite.prepare("insert into graduate_skills (graduate_id, skill_id, level, source, verified_by) values (1, ?, ?, ?, null)");
      insert.run(1, "intermediate", "module");
      insert.run(2, "advanced", "staff");
      insert.run(3, "advanced", "self");
      insert.run(4, "basic", "portfolio");
      await migrateToLatest(own.db);
      expect(own.sqlite.prepare("select skill_id, level, source, verified_level from graduate_skills order by skill_id").all()).toEqual([
        { skill_id: 1, level: "intermediate", source: "module", verified_level: "basic" },
        { skill_id: 2, level: "advanced", source: "staff", verified_level: "advanced" },
        { skill_id: 3, level: "advanced", source: "self", verified_level: null },
        { skill_id: 4, level: "basic", source: "portfolio", verified_level: null },
      ]);
      expect(() => own.sqlite.prepare("update graduate_skills set verified_level = 'expert' where skill_id = 1").run()).toThrow(/CHECK/);
    } finally {
      own.sqlite.close();
    }
  });
});
