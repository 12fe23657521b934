// Issue 19 item 1, the outcome pages (docs/product.md §16, docs/decisions/063-staff-scope.md "Outcome pages"):
// a Naryn-scoped officer and a two-school officer (Naryn + Tokmok) against Agency-wide staff on a real
// SQLite file, the loaders and actions called as Remix calls them. Their figures equal the Agency's
// filtered to their schools (and a count made here from the tables); drill-downs, CSVs, the follow-up
// list, campaigns and the skill gap hold their schools' graduates alone; another school's graduate or
// campaign answers 404.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import type { NewOutcome } from "@db/schema";
import { todayInBishkek } from "~/domain/calendar";
import { parseCsv } from "~/domain/csv";
import { decodeItems } from "~/domain/messages/digest";
import { staffDigest } from "~/models/digests.server";
import { setStaffScope } from "~/models/staff-scopes.server";
import * as campaignRoute from "~/routes/staff.outcomes.campaigns.$id";
import * as campaignsRoute from "~/routes/staff.outcomes.campaigns._index";
import * as newCampaign from "~/routes/staff.outcomes.campaigns.new";
import * as dashboard from "~/routes/staff.outcomes._index";
import * as dashboardCsv from "~/routes/staff.outcomes[.csv]";
import * as employers from "~/routes/staff.outcomes.employers";
import * as followUp from "~/routes/staff.outcomes.follow-up";
import * as followUpCsv from "~/routes/staff.outcomes.follow-up[.csv]";
import * as graduatePage from "~/routes/staff.outcomes.graduates.$id";
import * as drill from "~/routes/staff.outcomes.graduates._index";
import * as drillCsv from "~/routes/staff.outcomes.graduates[.csv]";
import * as skillGap from "~/routes/staff.skill-gap";
import * as skillGapCsv from "~/routes/staff.skill-gap[.csv]";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCompany, makeGraduate, makeUser, makeVacancy, sessionCookieFor } from "../support/factories";
import { call, get, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

type Indicators = { graduates: number; n: number; counts: Record<string, number>; employmentRate: { numerator: number; denominator: number; smallN: boolean } };
type Dashboard = { query: { school: number[] }; schools: { id: number }[]; total: Indicators; rows: { key: string; indicators: Indicators }[] };
type Drill = { total: number; rows: { id: number; school: { name_en: string } }[] };
type FollowUp = { total: number; rows: { id: number; name_en: string }[]; schools: { id: number }[]; cohorts: { school_id: number }[] };
type Preview = { preview: { ok: true; total: number }; sendKey: string };
type Gap = { gap: { graduates: number; rows: { skill: { slug: string }; holders: number; lacking: number }[] }; schools: { value: number }[] };

const PAST = "2025-06-30";

/**
 * Three schools: Naryn and Tokmok (the scoped officers') and Karakol (nobody's but the Agency's). Per
 * school a cohort of 2025 with m6 records (and unlinked employer names), and a cohort graduating today
 * whose graduates have accounts (due for the graduation checkpoint: the follow-up list and campaigns).
 */
async function world() {
  const school = async (city: string) => (await c.db.selectFrom("schools").select("id").where("city_en", "=", city).executeTakeFirstOrThrow()).id;
  const naryn = await school("Naryn");
  const karakol = await school("Karakol");
  const tokmok = await school("Tokmok");
  const agency = await makeUser(c, "staff");
  const narynOfficer = await makeUser(c, "staff");
  const twoSchools = await makeUser(c, "staff");
  await setStaffScope(c.db, narynOfficer.id, [naryn]);
  await setStaffScope(c.db, twoSchools.id, [naryn, tokmok]);
  const cohort = async (schoolId: number, date: string) =>
    (await c.db.insertInto("cohorts").values({ school_id: schoolId, graduation_date: date }).returning("id").executeTakeFirstOrThrow()).id;
  let n = 0;
  const graduate = async (cohortId: number) => {
    n++;
    return (
      await c.db
        .insertInto("graduates")
        .values({ cohort_id: cohortId, first_name: `Айбек${n}`, last_name: `Токтогулов${String(n).padStart(2, "0")}`, sex: n % 2 ? "m" : "f" })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  };
  const record = async (graduateId: number, code: NewOutcome["code"], employer?: string) => {
    const employed = code === "employed";
    await c.db
      .insertInto("outcomes")
      .values({
        graduate_id: graduateId,
        checkpoint: "m6",
        code,
        as_of: "2025-12-30",
        source: "staff",
        employment_kind: employed ? "employee" : null,
        hours_per_week: employed ? 40 : null,
        employer_name: employed ? (employer ?? null) : null,
        company_htp_resident: employed ? 0 : null,
        monthly_pay: employed ? 30_000 : null,
        related: employed ? "yes" : null,
        start_date: employed ? "2025-08-01" : null,
        started_before_graduation: employed ? 0 : null,
      })
      .execute();
  };
  // code per graduate of each school's 2025 cohort; null = no record (unknown)
  const plan: Record<number, (NewOutcome["code"] | null)[]> = {
    [naryn]: ["employed", "employed", "seeking", null, "education"],
    [karakol]: ["employed", "employed", "employed", "employed", "seeking", "military", null],
    [tokmok]: ["employed", "not_seeking", null],
  };
  const employerOf: Record<number, string> = { [naryn]: "ОсОО «Нарын Софт»", [karakol]: "ОсОО «Каракол Тех»", [tokmok]: "ОсОО «Токмок Дата»" };
  const pastGraduates = new Map<number, number[]>();
  for (const [schoolId, codes] of Object.entries(plan)) {
    const cohortId = await cohort(Number(schoolId), PAST);
    const ids: number[] = [];
    for (const code of codes) {
      const id = await graduate(cohortId);
      if (code) await record(id, code, employerOf[Number(schoolId)]);
      ids.push(id);
    }
    pastGraduates.set(Number(schoolId), ids);
  }
  const today = todayInBishkek();
  const due = new Map<number, { graduateId: number; userId: number }[]>();
  const dueCohort = new Map<number, number>();
  for (const [schoolId, count] of [
    [naryn, 2],
    [karakol, 3],
    [tokmok, 1],
  ] as const) {
    const cohortId = await cohort(schoolId, today);
    dueCohort.set(schoolId, cohortId);
    const made = [];
    for (let i = 0; i < count; i++) {
      const g = await makeGraduate(c, { cohortId, firstName: `Бермет${schoolId}${i}`, lastName: "Асанова", staffId: agency.id, account: true });
      made.push({ graduateId: g.graduateId, userId: g.userId! });
    }
    due.set(schoolId, made);
  }
  return {
    ids: { agency: agency.id, naryn: narynOfficer.id, two: twoSchools.id },
    naryn,
    karakol,
    tokmok,
    pastGraduates,
    due,
    dueCohort,
    cookies: {
      agency: await sessionCookieFor(agency.id),
      naryn: await sessionCookieFor(narynOfficer.id),
      two: await sessionCookieFor(twoSchools.id),
    },
  };
}
type World = Awaited<ReturnType<typeof world>>;

async function load<T>(route: { loader: Parameters<typeof call>[0] }, path: string, cookie: string, params: Record<string, string> = {}) {
  const res = await call(route.loader, get(path, { cookie }), params);
  expect(res.status, path).toBe(200);
  return res.data as T;
}

async function csvLines(route: { loader: Parameters<typeof call>[0] }, path: string, cookie: string): Promise<string[][]> {
  const res = await call(route.loader, get(path, { cookie: `${cookie}; lng=en` }));
  expect(res.status, path).toBe(200);
  const text = String(res.data).replace(/^\uFEFF/, "");
  const parsed = parseCsv(text, ";");
  if (!parsed.ok) throw new Error("unparsable CSV");
  return parsed.records.map((r) => r.cells).slice(1);
}

/** The m6 counts of some schools' 2025 graduates, straight from the tables (no record = unknown). */
async function countedFromTables(schoolIds: number[]) {
  const rows = await c.db
    .selectFrom("graduates as g")
    .innerJoin("cohorts as co", "co.id", "g.cohort_id")
    .leftJoin("outcomes as o", (j) => j.onRef("o.graduate_id", "=", "g.id").on("o.checkpoint", "=", "m6").on("o.current", "=", 1))
    .select(["g.id", "o.code"])
    .where("co.school_id", "in", schoolIds)
    .where("co.graduation_date", "=", PAST)
    .execute();
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.code ?? "unknown"] = (counts[r.code ?? "unknown"] ?? 0) + 1;
  return { graduates: rows.length, counts, employed: counts.employed ?? 0 };
}

describe("the outcome dashboard of a scoped officer", () => {
  it("holds their schools' figures alone: the Agency's filtered to them, as counted from the tables; another school in the address is dropped", async () => {
    const w = await world();
    const agencyNaryn = await load<Dashboard>(dashboard, `/staff/outcomes?checkpoint=m6&by=school&school=${w.naryn}`, w.cookies.agency);
    const agencyAll = await load<Dashboard>(dashboard, `/staff/outcomes?checkpoint=m6&by=school`, w.cookies.agency);
    const naryn = await load<Dashboard>(dashboard, `/staff/outcomes?checkpoint=m6&by=school`, w.cookies.naryn);
    expect(agencyAll.total.graduates).toBe(15);
    expect(naryn.total).toEqual(agencyNaryn.total);
    expect(naryn.rows.map((r) => r.key)).toEqual([String(w.naryn)]);
    const counted = await countedFromTables([w.naryn]);
    expect(naryn.total.graduates).toBe(counted.graduates);
    expect(naryn.total.counts).toMatchObject(counted.counts);
    expect(naryn.total.employmentRate).toMatchObject({ numerator: counted.employed, denominator: 5 });
    // Small-n marks (decision 020) still apply to a scoped view: five graduates is a small base.
    expect(naryn.total.employmentRate.smallN).toBe(true);
    // The filter offers Naryn alone; Karakol in the address is dropped, not read.
    expect(naryn.schools.map((s) => s.id)).toEqual([w.naryn]);
    const forged = await load<Dashboard>(dashboard, `/staff/outcomes?checkpoint=m6&by=school&school=${w.karakol}`, w.cookies.naryn);
    expect(forged.query.school).toEqual([]);
    expect(forged.total).toEqual(naryn.total);

    const two = await load<Dashboard>(dashboard, `/staff/outcomes?checkpoint=m6&by=school`, w.cookies.two);
    const agencyTwo = await load<Dashboard>(dashboard, `/staff/outcomes?checkpoint=m6&by=school&school=${w.naryn}&school=${w.tokmok}`, w.cookies.agency);
    expect(two.total).toEqual(agencyTwo.total);
    expect(two.total.graduates).toBe((await countedFromTables([w.naryn, w.tokmok])).graduates);
    expect(two.rows.map((r) => Number(r.key)).sort()).toEqual([w.naryn, w.tokmok].sort());
    expect(two.schools.map((s) => s.id).sort()).toEqual([w.naryn, w.tokmok].sort());
    // One of their schools chosen: that one only.
    const twoTokmok = await load<Dashboard>(dashboard, `/staff/outcomes?checkpoint=m6&by=school&school=${w.tokmok}&school=${w.karakol}`, w.cookies.two);
    expect(twoTokmok.query.school).toEqual([w.tokmok]);
    expect(twoTokmok.total.graduates).toBe(3);

    // The CSV: the same rows (total + Naryn), whatever school the address names.
    const csv = await csvLines(dashboardCsv, `/staff/outcomes.csv?checkpoint=m6&by=school&school=${w.karakol}`, w.cookies.naryn);
    expect(csv.map((l) => l[1])).toEqual(["5", "5"]);
    const agencyCsv = await csvLines(dashboardCsv, `/staff/outcomes.csv?checkpoint=m6&by=school`, w.cookies.agency);
    expect(agencyCsv).toHaveLength(4);
  });
});

describe("drill-downs and a graduate's outcome page", () => {
  it("list the scope's graduates alone, and another school's graduate is not found", async () => {
    const w = await world();
    const narynIds = w.pastGraduates.get(w.naryn)!;
    const drillOf = (cookie: string, extra = "") =>
      load<Drill>(drill, `/staff/outcomes/graduates?checkpoint=m6&by=total&group=all&measure=graduates${extra}`, cookie);
    const naryn = await drillOf(w.cookies.naryn);
    expect(naryn.total).toBe(5);
    expect(naryn.rows.map((r) => r.id).sort()).toEqual([...narynIds].sort());
    expect(await drillOf(w.cookies.naryn, `&school=${w.karakol}`)).toMatchObject({ total: 5 });
    expect((await drillOf(w.cookies.agency)).total).toBe(15);
    expect((await drillOf(w.cookies.two)).total).toBe(8);
    // The Karakol group of a by-school breakdown is empty for them.
    const karakolGroup = `/staff/outcomes/graduates?checkpoint=m6&by=school&group=${w.karakol}&measure=graduates`;
    expect((await load<Drill>(drill, karakolGroup, w.cookies.naryn)).total).toBe(0);
    expect((await load<Drill>(drill, karakolGroup, w.cookies.agency)).total).toBe(7);
    const csv = await csvLines(
      drillCsv,
      `/staff/outcomes/graduates.csv?checkpoint=m6&by=total&group=all&measure=graduates&school=${w.karakol}`,
      w.cookies.naryn,
    );
    expect(csv.map((l) => Number(l[0])).sort()).toEqual([...narynIds].sort());

    const karakolGraduate = w.pastGraduates.get(w.karakol)![0]!;
    const tokmokGraduate = w.pastGraduates.get(w.tokmok)![0]!;
    const page = (cookie: string, id: number) => call(graduatePage.loader, get(`/staff/outcomes/graduates/${id}`, { cookie }), { id: String(id) });
    expect((await page(w.cookies.naryn, karakolGraduate)).status).toBe(404);
    expect((await page(w.cookies.naryn, tokmokGraduate)).status).toBe(404);
    expect((await page(w.cookies.two, karakolGraduate)).status).toBe(404);
    expect((await page(w.cookies.naryn, narynIds[0]!)).status).toBe(200);
    expect((await page(w.cookies.two, tokmokGraduate)).status).toBe(200);
    expect((await page(w.cookies.agency, karakolGraduate)).status).toBe(200);
    // Writing to another school's graduate: 404, and nothing written.
    const before = await c.db
      .selectFrom("outcomes")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const recordForm = { intent: "record", checkpoint: "m6", code: "seeking", asOf: "2025-12-30" };
    const wrote = await call(graduatePage.action, post(`/staff/outcomes/graduates/${karakolGraduate}`, recordForm, { cookie: w.cookies.naryn }), {
      id: String(karakolGraduate),
    });
    expect(wrote.status).toBe(404);
    const link = await call(
      graduatePage.action,
      post(`/staff/outcomes/graduates/${karakolGraduate}`, { intent: "survey", checkpoint: "m12" }, { cookie: w.cookies.naryn }),
      { id: String(karakolGraduate) },
    );
    expect(link.status).toBe(404);
    const after = await c.db
      .selectFrom("outcomes")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await c.db.selectFrom("survey_links").selectAll().execute()).toEqual([]);
  });
});

describe("the follow-up list", () => {
  it("holds the scope's due graduates alone, on the page, in the CSV and for a survey link", async () => {
    const w = await world();
    const list = (cookie: string, search = "") => load<FollowUp>(followUp, `/staff/outcomes/follow-up${search}`, cookie);
    const agencyNaryn = await list(w.cookies.agency, `?school=${w.naryn}`);
    const agencyAll = await list(w.cookies.agency);
    const naryn = await list(w.cookies.naryn);
    expect(naryn.total).toBeGreaterThan(0);
    expect(naryn.total).toBe(agencyNaryn.total);
    expect(naryn.rows.map((r) => r.id).sort()).toEqual(agencyNaryn.rows.map((r) => r.id).sort());
    expect(new Set(naryn.rows.map((r) => r.name_en))).toEqual(new Set(["Professional Lyceum No. 87"]));
    expect(agencyAll.total).toBeGreaterThan(naryn.total);
    expect(naryn.schools.map((s) => s.id)).toEqual([w.naryn]);
    expect(new Set(naryn.cohorts.map((co) => co.school_id))).toEqual(new Set([w.naryn]));
    // Karakol in the address is dropped; a Karakol cohort finds nobody.
    expect((await list(w.cookies.naryn, `?school=${w.karakol}`)).total).toBe(naryn.total);
    expect((await list(w.cookies.naryn, `?cohort=${w.dueCohort.get(w.karakol)}`)).total).toBe(0);
    const two = await list(w.cookies.two);
    expect(two.total).toBe(naryn.total + (await list(w.cookies.agency, `?school=${w.tokmok}`)).total);

    const csv = await csvLines(followUpCsv, `/staff/outcomes/follow-up.csv?school=${w.karakol}`, w.cookies.naryn);
    expect(csv.map((l) => Number(l[0])).sort()).toEqual(naryn.rows.map((r) => r.id).sort());

    const karakolDue = w.due.get(w.karakol)![0]!.graduateId;
    const refused = await call(
      followUp.action,
      post("/staff/outcomes/follow-up", { intent: "survey", graduateId: String(karakolDue), checkpoint: "graduation" }, { cookie: w.cookies.naryn }),
    );
    expect(refused.status).toBe(404);
    const narynDue = w.due.get(w.naryn)![0]!.graduateId;
    const made = await call(
      followUp.action,
      post("/staff/outcomes/follow-up", { intent: "survey", graduateId: String(narynDue), checkpoint: "graduation" }, { cookie: w.cookies.naryn }),
    );
    expect(made.status).toBe(200);
    expect((await c.db.selectFrom("survey_links").select("graduate_id").execute()).map((l) => l.graduate_id)).toEqual([narynDue]);
  });
});

describe("survey campaigns", () => {
  const previewOf = (w: World, cookie: string, search = "") => load<Preview>(newCampaign, `/staff/outcomes/campaigns/new${search}`, cookie);
  const send = (cookie: string, key: string, fields: { school?: number; cohort?: number } = {}) =>
    call(
      newCampaign.action,
      post(
        "/staff/outcomes/campaigns/new",
        { intent: "send", key, school: fields.school ? String(fields.school) : "", cohort: fields.cohort ? String(fields.cohort) : "" },
        { cookie },
      ),
    );
  const idOf = (location: string | null) => Number(location!.split("/").pop());

  it("count and message the officer's own due graduates, list and open only campaigns of their schools' graduates", async () => {
    const w = await world();
    const agencyNaryn = await previewOf(w, w.cookies.agency, `?school=${w.naryn}`);
    const agencyTokmok = await previewOf(w, w.cookies.agency, `?school=${w.tokmok}`);
    const naryn = await previewOf(w, w.cookies.naryn);
    expect(naryn.preview.total).toBeGreaterThan(0);
    expect(naryn.preview.total).toBe(agencyNaryn.preview.total);
    expect((await previewOf(w, w.cookies.naryn, `?school=${w.karakol}`)).preview.total).toBe(naryn.preview.total);
    expect((await previewOf(w, w.cookies.two)).preview.total).toBe(agencyNaryn.preview.total + agencyTokmok.preview.total);

    // Another school's filter in the form is refused, nothing written.
    expect((await send(w.cookies.naryn, naryn.sendKey, { school: w.karakol })).status).toBe(400);
    expect((await send(w.cookies.naryn, naryn.sendKey, { cohort: w.dueCohort.get(w.karakol) })).status).toBe(400);
    expect(await c.db.selectFrom("survey_campaigns").selectAll().execute()).toEqual([]);

    const sent = await send(w.cookies.naryn, naryn.sendKey);
    expect(sent.status).toBe(302);
    const narynCampaign = idOf(sent.location);
    const narynUsers = w.due.get(w.naryn)!.map((g) => g.userId);
    const outbox = await c.db.selectFrom("outbox").select("user_id").where("kind", "=", "survey-invitation").execute();
    expect(outbox.length).toBeGreaterThan(0);
    expect(new Set(outbox.map((o) => o.user_id))).toEqual(new Set(narynUsers));
    const members = await c.db
      .selectFrom("survey_campaign_members as m")
      .innerJoin("graduates as g", "g.id", "m.graduate_id")
      .innerJoin("cohorts as co", "co.id", "g.cohort_id")
      .select("co.school_id")
      .where("m.campaign_id", "=", narynCampaign)
      .execute();
    expect(new Set(members.map((m) => m.school_id))).toEqual(new Set([w.naryn]));

    // The Agency's campaign to everyone due: Karakol and Tokmok too.
    const everyone = await previewOf(w, w.cookies.agency);
    const agencySent = await send(w.cookies.agency, everyone.sendKey);
    expect(agencySent.status).toBe(302);
    const agencyCampaign = idOf(agencySent.location);

    const listOf = async (cookie: string) =>
      (await load<{ campaigns: { id: number }[] }>(campaignsRoute, "/staff/outcomes/campaigns", cookie)).campaigns.map((x) => x.id);
    expect(await listOf(w.cookies.agency)).toEqual([agencyCampaign, narynCampaign]);
    expect(await listOf(w.cookies.naryn)).toEqual([narynCampaign]);
    expect(await listOf(w.cookies.two)).toEqual([narynCampaign]);

    const page = (cookie: string, id: number) => call(campaignRoute.loader, get(`/staff/outcomes/campaigns/${id}`, { cookie }), { id: String(id) });
    expect((await page(w.cookies.naryn, agencyCampaign)).status).toBe(404);
    expect((await page(w.cookies.two, agencyCampaign)).status).toBe(404);
    expect((await page(w.cookies.naryn, narynCampaign)).status).toBe(200);
    expect((await page(w.cookies.agency, narynCampaign)).status).toBe(200);
    const remind = await call(campaignRoute.action, post(`/staff/outcomes/campaigns/${agencyCampaign}`, { intent: "remind" }, { cookie: w.cookies.naryn }), {
      id: String(agencyCampaign),
    });
    expect(remind.status).toBe(404);
    expect(await c.db.selectFrom("outbox").select("id").where("kind", "=", "survey-reminder").execute()).toEqual([]);
  });
});

describe("unlinked employers and the skill gap", () => {
  it("name the scope's graduates' employers alone, and link only their records", async () => {
    const w = await world();
    const names = async (cookie: string) =>
      (await load<{ names: { name: string }[] }>(employers, "/staff/outcomes/employers", cookie)).names.map((x) => x.name);
    expect((await names(w.cookies.agency)).sort()).toEqual(["ОсОО «Каракол Тех»", "ОсОО «Нарын Софт»", "ОсОО «Токмок Дата»"]);
    expect(await names(w.cookies.naryn)).toEqual(["ОсОО «Нарын Софт»"]);
    expect((await names(w.cookies.two)).sort()).toEqual(["ОсОО «Нарын Софт»", "ОсОО «Токмок Дата»"]);
    const owner = await makeUser(c, "employer");
    await makeCompany(c, owner.id, { name: "Каракол Тех" });
    const key = (await load<{ names: { key: string; name: string }[] }>(employers, "/staff/outcomes/employers", w.cookies.agency)).names.find(
      (x) => x.name === "ОсОО «Каракол Тех»",
    )!.key;
    const refused = await call(
      employers.action,
      post("/staff/outcomes/employers", { intent: "link", key, company: "Каракол Тех" }, { cookie: w.cookies.naryn }),
    );
    expect(refused.status).toBe(400);
    expect(await names(w.cookies.agency)).toContain("ОсОО «Каракол Тех»");
  });

  it("counts the scope's graduates alone", async () => {
    const w = await world();
    const owner = await makeUser(c, "employer");
    const companyId = await makeCompany(c, owner.id);
    await makeVacancy(c, companyId, { skills: "python\njavascript" });
    const python = (await c.db.selectFrom("skills").select("id").where("slug", "=", "python").executeTakeFirstOrThrow()).id;
    // One Naryn and two Karakol graduates hold Python.
    for (const g of [w.due.get(w.naryn)![0]!, ...w.due.get(w.karakol)!.slice(0, 2)])
      await c.db.insertInto("graduate_skills").values({ graduate_id: g.graduateId, skill_id: python, level: "intermediate", source: "self" }).execute();
    const gapOf = (cookie: string, search = "") => load<Gap>(skillGap, `/staff/skill-gap${search}`, cookie);
    const agencyNaryn = await gapOf(w.cookies.agency, `?school=${w.naryn}`);
    const naryn = await gapOf(w.cookies.naryn);
    expect(naryn.gap.graduates).toBe(w.due.get(w.naryn)!.length);
    expect(naryn.gap).toEqual(agencyNaryn.gap);
    expect(naryn.gap.rows.find((r) => r.skill.slug === "python")).toMatchObject({ holders: 1, lacking: 1 });
    expect((await gapOf(w.cookies.naryn, `?school=${w.karakol}`)).gap).toEqual(naryn.gap);
    expect(naryn.schools.map((s) => s.value)).toEqual([w.naryn]);
    expect((await gapOf(w.cookies.two)).gap.graduates).toBe(w.due.get(w.naryn)!.length + w.due.get(w.tokmok)!.length);
    expect((await gapOf(w.cookies.agency)).gap.graduates).toBe(6);
    const csv = await csvLines(skillGapCsv, `/staff/skill-gap.csv?school=${w.karakol}`, w.cookies.naryn);
    expect(csv.find((l) => l[0] === "Python")!.slice(3, 5)).toEqual(["1", "1"]);
  });
});

describe("the staff digest", () => {
  it("counts each reader's own schools' due graduates", async () => {
    const w = await world();
    const today = todayInBishkek();
    const window = { day: today, since: new Date(Date.now() - 86_400_000).toISOString(), until: new Date().toISOString(), today };
    expect(await staffDigest.queueFor(c.db, window, [w.ids.agency, w.ids.naryn, w.ids.two])).toBe(3);
    const rows = await c.db
      .selectFrom("outbox")
      .select(["user_id", "payload_json"])
      .where("kind", "=", "staff-digest")
      .where("channel", "=", "email")
      .execute();
    const checkpointsOf = (userId: number) => {
      const vars = JSON.parse(rows.find((r) => r.user_id === userId)!.payload_json) as Record<string, string>;
      return decodeItems(vars).find((i) => i.key === "digest.staff.checkpoints")?.vars.n;
    };
    const due = async (cookie: string) => (await load<FollowUp>(followUp, "/staff/outcomes/follow-up", cookie)).total;
    expect(checkpointsOf(w.ids.naryn)).toBe(await due(w.cookies.naryn));
    expect(checkpointsOf(w.ids.two)).toBe(await due(w.cookies.two));
    expect(checkpointsOf(w.ids.agency)).toBe(await due(w.cookies.agency));
    expect(checkpointsOf(w.ids.naryn)).toBeLessThan(checkpointsOf(w.ids.agency) as number);
  });
});
