// The outcome dashboard (docs/product.md §6) on a hand-made cohort whose figures are worked out below by hand;
// breakdowns, a hire through the pipeline, the CSV exports, who may see what, and the public page.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Connection, openDatabase } from "@db/connection";
import type { NewOutcome } from "@db/schema";
import { parseCsv } from "~/domain/csv";
import { move } from "~/models/applications.server";
import { dashboardFacts, publicOutcomes } from "~/models/outcome-dashboard.server";
import { outcomeFacts } from "~/models/outcome-facts.server";
import { enrolGraduate } from "~/models/invitations.server";
import * as publicPage from "~/routes/outcomes";
import * as dashboard from "~/routes/staff.outcomes._index";
import * as dashboardCsv from "~/routes/staff.outcomes[.csv]";
import * as drill from "~/routes/staff.outcomes.graduates._index";
import * as drillCsv from "~/routes/staff.outcomes.graduates[.csv]";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCompany, makeUser, makeVacancy, sessionCookieFor } from "../support/factories";
import { call, get } from "../support/remix";

let c: Connection;
let staffCookie: string;
let schoolA: number;
let schoolB: number;
beforeEach(async () => {
  c = await createTestDatabase();
  staffCookie = await sessionCookieFor((await makeUser(c, "staff")).id);
  const schools = await c.db.selectFrom("schools").select("id").orderBy("id").execute();
  schoolA = schools[0]!.id;
  schoolB = schools[1]!.id;
});
afterEach(closeTestDatabases);

async function cohort(schoolId: number, graduationDate: string) {
  const { id } = await c.db.insertInto("cohorts").values({ school_id: schoolId, graduation_date: graduationDate }).returning("id").executeTakeFirstOrThrow();
  return id;
}

let n = 0;
async function graduate(cohortId: number, sex: "f" | "m" | null, anonymised = false) {
  n += 1;
  const { id } = await c.db
    .insertInto("graduates")
    .values({
      cohort_id: cohortId,
      first_name: `Айгуль${n}`,
      last_name: `Асанова${String(n).padStart(2, "0")}`,
      sex,
      anonymised_at: anonymised ? "2025-01-01T00:00:00.000Z" : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

type Job = {
  htp?: boolean;
  hours?: number;
  pay?: number | null;
  related?: "yes" | "no" | "unknown";
  start?: string | null;
  before?: boolean;
  employer?: string;
};
async function record(graduateId: number, checkpoint: NewOutcome["checkpoint"], code: NewOutcome["code"], job: Job = {}) {
  const employed = code === "employed";
  await c.db
    .insertInto("outcomes")
    .values({
      graduate_id: graduateId,
      checkpoint,
      code,
      as_of: "2024-12-30",
      source: "staff",
      employment_kind: employed ? "employee" : null,
      hours_per_week: employed ? (job.hours ?? 40) : null,
      employer_name: employed ? (job.employer ?? (job.htp ? "HTP resident LLC" : "ОсОО «Шоро»")) : null,
      company_htp_resident: employed ? (job.htp ? 1 : 0) : null,
      monthly_pay: employed ? (job.pay ?? null) : null,
      related: employed ? (job.related ?? "unknown") : null,
      start_date: employed ? (job.start ?? null) : null,
      started_before_graduation: employed && job.before ? 1 : employed ? 0 : null,
      excluded_reason: code === "excluded" ? "эмигрировал" : null,
    })
    .execute();
}

/**
 * School A, graduated 2024-06-30 (+6 months = 2024-12-30), 13 graduates at m6:
 *  1 f employed HTP 40 h 50 000 related, started 2024-08-01 (day 32)
 *  2 m employed HTP 40 h 60 000 related, 2024-11-15 (day 138)
 *  3 f employed not HTP 40 h 30 000 not related, began before graduation (day 0)
 *  4 m employed not HTP 20 h 10 000 (part-time: not in the median), 2024-10-01 (day 93 > 92 = 3 months)
 *  5 m employed HTP 40 h 70 000 related, no start date
 *  6 f employed not HTP 35 h 40 000 related, 2024-07-10 (day 10)
 *  7 f seeking; 8 m seeking, had a job from 2024-07-01 recorded at graduation (day 1)
 *  9 f not seeking; 10 m education; 11 m excluded; 12 f anonymised, no record; 13 m recorded unknown
 * plus a cohort of 2026-09-30 that has not reached +6 months.
 */
async function handMadeCohort() {
  const k = await cohort(schoolA, "2024-06-30");
  const g: number[] = [];
  for (const sex of ["f", "m", "f", "m", "m", "f", "f", "m", "f", "m", "m", "f", "m"] as const) g.push(await graduate(k, sex, g.length === 11));
  await record(g[0]!, "m6", "employed", { htp: true, pay: 50000, related: "yes", start: "2024-08-01" });
  await record(g[1]!, "m6", "employed", { htp: true, pay: 60000, related: "yes", start: "2024-11-15" });
  await record(g[2]!, "graduation", "employed", { pay: 30000, related: "no", start: "2024-06-01", before: true });
  await record(g[2]!, "m6", "employed", { pay: 30000, related: "no", start: "2024-06-01", before: true });
  await record(g[3]!, "m6", "employed", { hours: 20, pay: 10000, start: "2024-10-01" });
  await record(g[4]!, "m6", "employed", { htp: true, pay: 70000, related: "yes", start: null });
  await record(g[5]!, "m6", "employed", { hours: 35, pay: 40000, related: "yes", start: "2024-07-10" });
  await record(g[6]!, "m6", "seeking");
  await record(g[7]!, "graduation", "employed", { start: "2024-07-01", employer: "Компьютер Сервис" });
  await record(g[7]!, "m6", "seeking");
  await record(g[8]!, "m6", "not_seeking");
  await record(g[9]!, "m6", "education");
  await record(g[10]!, "m6", "excluded");
  await record(g[12]!, "m6", "seeking");
  await record(g[12]!, "m6", "unknown"); // a correction: the current record is the later one
  const later = await cohort(schoolA, "2026-09-30");
  await graduate(later, "f");
  return g;
}

type Loaded = Awaited<ReturnType<typeof dashboard.loader>>;
async function load(path: string, cookie = staffCookie) {
  const res = await call(dashboard.loader, get(path, { cookie }));
  expect(res.status).toBe(200);
  return res.data as Loaded;
}
const r = (numerator: number, denominator: number) => expect.objectContaining({ numerator, denominator, smallN: denominator < 10 });

describe("the dashboard's figures", () => {
  it("equal the ones worked out by hand (unknowns, not seeking, excluded, part-time pay out of the median)", async () => {
    await handMadeCohort();
    const d = await load(`/staff/outcomes?checkpoint=m6&school=${schoolA}&by=total`);
    expect(d.notReachedCohorts).toBe(1);
    const i = d.total;
    expect(i.graduates).toBe(13);
    expect(i.n).toBe(12);
    expect(i.known).toBe(10);
    expect(i.counts).toEqual({ employed: 6, military: 0, service: 0, education: 1, seeking: 2, not_seeking: 1, unknown: 2, excluded: 1 });
    expect(i.knowledgeRate).toMatchObject({ numerator: 10, denominator: 12, flagged: false });
    expect(i.careerOutcomesRate).toEqual(r(7, 9));
    expect(i.employmentRate).toEqual(r(6, 12));
    expect(i.htpPlacementRate).toEqual(r(3, 9));
    expect(i.htpShareOfEmployed).toEqual(r(3, 6));
    expect(i.relatedEmploymentRate).toEqual(r(4, 5));
    expect(i.timeToFirstJob.base).toBe(8);
    expect(i.timeToFirstJob.startUnknown).toBe(1);
    expect(i.timeToFirstJob.within[3]).toMatchObject({ numerator: 4, denominator: 8, lowerBound: false });
    expect(i.timeToFirstJob.within[6]).toMatchObject({ numerator: 6, denominator: 8, lowerBound: false });
    expect(i.timeToFirstJob.within[12]).toMatchObject({ numerator: 6, denominator: 8, lowerBound: true });
    expect(i.timeToFirstJob.median).toMatchObject({ days: 32, status: "reached", base: 8 });
    expect(i.medianMonthlyPay).toEqual({ n: 5, value: 50000, smallN: true });
  });

  it("breaks down by school, HTP and sex", async () => {
    const g = await handMadeCohort();
    const k = await cohort(schoolB, "2024-06-30");
    await record(await graduate(k, null), "m6", "employed", { htp: true, pay: 80000, related: "yes", start: "2024-07-15" });
    await record(await graduate(k, null), "m6", "seeking");

    const bySchool = await load("/staff/outcomes?checkpoint=m6&year=2024&by=school");
    const a = bySchool.rows.find((x) => x.key === String(schoolA))!.indicators;
    const b = bySchool.rows.find((x) => x.key === String(schoolB))!.indicators;
    expect([a.n, a.employmentRate.numerator, a.htpPlacementRate.numerator]).toEqual([12, 6, 3]);
    expect([b.n, b.employmentRate.numerator, b.htpPlacementRate.denominator, b.employmentRate.smallN]).toEqual([2, 1, 2, true]);
    expect(bySchool.total.n).toBe(14);
    expect(bySchool.rows[0]!.label.names).not.toBeNull();

    const byHtp = await load("/staff/outcomes?checkpoint=m6&year=2024&by=htp");
    const groups = Object.fromEntries(byHtp.rows.map((x) => [x.key, x.indicators.graduates]));
    expect(groups).toEqual({ yes: 4, no: 3, none: 8 });

    const bySex = await load("/staff/outcomes?checkpoint=m6&year=2024&by=sex");
    const sex = Object.fromEntries(bySex.rows.map((x) => [x.key, [x.indicators.n, x.indicators.employmentRate.numerator]]));
    expect(sex).toEqual({ f: [6, 3], m: [6, 3], none: [2, 1] });

    // Every figure opens to its graduates: the employed of school A, by name.
    const res = await call(
      drill.loader,
      get(`/staff/outcomes/graduates?checkpoint=m6&year=2024&by=school&group=${schoolA}&measure=employed`, { cookie: staffCookie }),
    );
    const list = res.data as Awaited<ReturnType<typeof drill.loader>>;
    expect(list.total).toBe(6);
    expect(list.rows.map((x) => x.id)).toEqual(g.slice(0, 6)); // by last name, which follows the order they were made in
    const unknown = (
      await call(drill.loader, get(`/staff/outcomes/graduates?checkpoint=m6&school=${schoolA}&by=total&measure=code_unknown`, { cookie: staffCookie }))
    ).data as typeof list;
    expect(unknown.rows.map((x) => [x.code, x.anonymised])).toEqual([
      ["unknown", true],
      ["unknown", false],
    ]);
  });

  it("shows a hire made through the pipeline as employed", async () => {
    const staff = await makeUser(c, "staff");
    const k = await cohort(schoolA, "2025-08-31");
    const { graduateId } = await enrolGraduate(c.db, { cohortId: k, firstName: "Бакыт", lastName: "Токтогулов" }, staff.id);
    const owner = await makeUser(c, "employer");
    const companyId = await makeCompany(c, owner.id);
    const region = await c.db.selectFrom("regions").select("id").where("code", "=", "bishkek").executeTakeFirstOrThrow();
    const vacancyId = await makeVacancy(c, companyId, { title: "Junior QA", description: "<p>QA</p>", workMode: "onsite", region: String(region.id) });
    const { id: applicationId } = await c.db
      .insertInto("applications")
      .values({ vacancy_id: vacancyId, graduate_id: graduateId, status: "offer" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const before = await load(`/staff/outcomes?checkpoint=m6&year=2025&school=${schoolA}&by=htp`);
    expect(before.total.counts.employed).toBe(0);
    await move(
      c.db,
      companyId,
      applicationId,
      { to: "hired", note: null, interviewAt: null, interviewPlace: null, startDate: "2026-02-20", monthlyPay: 52000 },
      owner.id,
    );
    const after = await load(`/staff/outcomes?checkpoint=m6&year=2025&school=${schoolA}&by=employer`);
    expect(after.total.counts.employed).toBe(1);
    expect(after.total.htpPlacementRate).toMatchObject({ numerator: 1, denominator: 1 });
    expect(after.rows.map((x) => x.label.text)).toEqual([expect.stringMatching(/^Company/)]);
  });

  it("never fails on a bad query string", async () => {
    await handMadeCohort();
    for (const q of ["?checkpoint=m99&by=nonsense&year=abc&school=-1", "?school=99999999999999&year=1899", "?by=employer&year=2024&year=2024", "?%zz"]) {
      expect((await call(dashboard.loader, get(`/staff/outcomes${q}`, { cookie: staffCookie }))).status).toBe(200);
      expect((await call(drill.loader, get(`/staff/outcomes/graduates${q}&measure=rich&group=<script>&page=-4`, { cookie: staffCookie }))).status).toBe(200);
    }
  });
});

describe("the facts kept in memory", () => {
  it("carry an exclusion forward to later checkpoints until a later record says otherwise", async () => {
    const k = await cohort(schoolA, "2024-06-30");
    const [gone, back, plain] = [await graduate(k, "m"), await graduate(k, "f"), await graduate(k, "f")];
    await record(gone, "m6", "excluded");
    await record(back, "graduation", "excluded");
    await record(back, "m12", "employed", { start: "2025-03-01" });
    await record(plain, "m12", "seeking");
    const m12 = await load(`/staff/outcomes?checkpoint=m12&school=${schoolA}&by=total`);
    expect(m12.total.counts).toMatchObject({ excluded: 1, employed: 1, seeking: 1, unknown: 0 });
    expect(m12.total.n).toBe(2);
    const m6 = await load(`/staff/outcomes?checkpoint=m6&school=${schoolA}&by=total`);
    expect(m6.total.counts).toMatchObject({ excluded: 2, unknown: 1 });
    // The drill-down names the code the figure counted, although no m12 record exists for them.
    const res = await call(
      drill.loader,
      get(`/staff/outcomes/graduates?checkpoint=m12&school=${schoolA}&by=total&measure=code_excluded`, { cookie: staffCookie }),
    );
    expect((res.data as Awaited<ReturnType<typeof drill.loader>>).rows.map((x) => [x.id, x.code])).toEqual([[gone, "excluded"]]);
  });

  it("follow every change, whichever connection made it, and equal a fresh load", async () => {
    const g = await handMadeCohort();
    const warm = () => [...outcomeFacts(c, "m6").facts.values(), ...outcomeFacts(c, "m12").facts.values()];
    warm();
    const other = openDatabase(c.sqlite.name); // another process's writes reach the log through the same triggers
    try {
      await record(g[6]!, "m6", "employed", { htp: true, start: "2024-09-01", pay: 45000, related: "yes" });
      await record(g[7]!, "m12", "employed", { start: "2025-02-01" });
      await c.db.updateTable("graduates").set({ sex: "m" }).where("id", "=", g[0]!).execute();
      const k = await cohort(schoolB, "2024-06-30");
      await other.db.updateTable("graduates").set({ cohort_id: k }).where("id", "=", g[1]!).execute();
      await other.db.insertInto("outcomes").values({ graduate_id: g[8]!, checkpoint: "m6", code: "military", as_of: "2025-01-05", source: "staff" }).execute();
      expect(warm()).toEqual(freshFacts());
      // A cohort's date moves every fact's dates: everything is read again.
      await other.db.updateTable("cohorts").set({ graduation_date: "2024-07-15" }).where("id", "=", k).execute();
      await record(await graduate(k, "f"), "m6", "seeking");
      expect(warm()).toEqual(freshFacts());
      const moved = outcomeFacts(c, "m6").facts.get(g[1]!)!;
      expect([moved.schoolId, moved.graduationDate]).toEqual([schoolB, "2024-07-15"]);
      expect(outcomeFacts(c, "m6").facts.get(g[6]!)!.employment).toMatchObject({ htpResident: true, monthlyPay: 45000 });
    } finally {
      other.sqlite.close();
    }
  });
  it("remembered figures (dashboardFacts, publicOutcomes) follow every change and equal a fresh connection's", async () => {
    // The figures of one version of the facts are remembered (docs/decisions/065-annual-report.md, "Session 15").
    const g = await handMadeCohort();
    // In graduate order: a changed graduate's fact moves to the end of the store.
    const byId = <T extends { graduateId: number }>(facts: readonly T[]) => [...facts].sort((a, b) => a.graduateId - b.graduateId);
    const figures = async (conn: Connection) => ({
      facts: byId(dashboardFacts(conn, "m6").facts),
      schoolA: byId(dashboardFacts(conn, "m6", [schoolA]).facts),
      published: await publicOutcomes(conn, "m6"),
    });
    const fresh = async () => {
      const other = openDatabase(c.sqlite.name);
      try {
        return await figures(other);
      } finally {
        other.sqlite.close();
      }
    };
    const before = await figures(c);
    expect(before).toEqual(await fresh());
    // Asked again with nothing changed: the very same array, not a new count.
    const remembered = dashboardFacts(c, "m6").facts;
    expect(dashboardFacts(c, "m6").facts).toBe(remembered);
    await record(g[6]!, "m6", "employed", { htp: true, start: "2024-09-01", pay: 45000, related: "yes" });
    const after = await figures(c);
    expect(dashboardFacts(c, "m6").facts).not.toBe(remembered);
    expect(after.facts.find((f) => f.graduateId === g[6])!.outcome).toBe("employed");
    expect(after).toEqual(await fresh());
    // A change made by another connection reaches the remembered figures through the log as well.
    const other = openDatabase(c.sqlite.name);
    try {
      await other.db
        .updateTable("cohorts")
        .set({ graduation_date: "2024-07-15" })
        .where("id", "in", [...new Set(after.schoolA.map((f) => f.cohortId))])
        .execute();
    } finally {
      other.sqlite.close();
    }
    const moved = await figures(c);
    expect(moved).toEqual(await fresh());
    expect(moved.schoolA.every((f) => f.graduationDate === "2024-07-15")).toBe(true);
  });
});

/** What a process that has never looked before would load (a new connection has no facts in memory). */
function freshFacts() {
  const fresh = openDatabase(c.sqlite.name);
  try {
    return [...outcomeFacts(fresh, "m6").facts.values(), ...outcomeFacts(fresh, "m12").facts.values()];
  } finally {
    fresh.sqlite.close();
  }
}

async function csvOf(loader: typeof dashboardCsv.loader, path: string, cookie = staffCookie) {
  const res = (await loader({
    request: get(path, { cookie, headers: { Cookie: `${cookie}; lng=ru` } }),
    params: {},
    context: { clientAddress: "127.0.0.1", cspNonce: "" },
  })) as Response;
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { res, bytes, text };
}

describe("CSV exports", () => {
  it("write UTF-8 with a BOM, ';' between values, Cyrillic intact, quoted where needed, the page's numbers", async () => {
    await handMadeCohort();
    const query = `checkpoint=m6&school=${schoolA}&by=employer`;
    const page = await load(`/staff/outcomes?${query}`);
    const { res, bytes, text } = await csvOf(dashboardCsv.loader, `/staff/outcomes.csv?${query}`);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="outcomes-m6-employer\.csv"$/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = parseCsv(text.slice(1), ";");
    if (!parsed.ok) throw new Error("unparsable");
    const [header, ...lines] = parsed.records.map((x) => x.cells);
    expect(header!.slice(0, 3)).toEqual(["Группа", "N", "Все выпускники, включая исключённых"]);
    expect(header).toContain("Занятость (EQAVET), %");
    // «ОсОО «Шоро»» has quotes inside? No — but a name with ';' or '"' must be quoted: check the raw text.
    expect(lines[0]![0]).toBe("Итого");
    expect(lines.map((l) => l[0])).toContain("ОсОО «Шоро»");
    const col = (name: string) => header!.indexOf(name);
    const totalLine = lines[0]!;
    expect(Number(totalLine[col("N")])).toBe(page.total.n);
    expect(Number(totalLine[col("Занятость (EQAVET), %")])).toBe(Math.round(page.total.employmentRate.value! * 100));
    expect(Number(totalLine[col("Занятость (EQAVET), числитель")])).toBe(page.total.employmentRate.numerator);
    expect(Number(totalLine[col("Медианная зарплата в месяц, полная занятость")])).toBe(50000);
    for (const row of page.rows) {
      const line = lines.find((l) => l[0] === (row.label.text ?? (row.key === "none" ? "Не работают" : "")))!;
      expect(Number(line[col("N")])).toBe(row.indicators.n);
      expect(Number(line[col("Трудоустройство в ПВТ, знаменатель")])).toBe(row.indicators.htpPlacementRate.denominator);
    }
  });

  it("quotes separators and quotes, and audits the export of names", async () => {
    const k = await cohort(schoolA, "2024-06-30");
    const g = await graduate(k, "f");
    await record(g, "m6", "employed", { employer: 'ОсОО "Кызыл; Кия"', pay: 45000, start: "2024-08-01" });
    const { text } = await csvOf(drillCsv.loader, `/staff/outcomes/graduates.csv?checkpoint=m6&by=total&measure=employed`);
    expect(text).toContain(';"ОсОО ""Кызыл; Кия""";');
    const parsed = parseCsv(text.slice(1), ";");
    if (!parsed.ok) throw new Error("unparsable");
    const [header, line] = parsed.records.map((x) => x.cells);
    expect(header).toEqual([
      "id",
      "Выпускник",
      "Учебное заведение",
      "Выпуск",
      "Результат",
      "Работодатель",
      "Резидент ПВТ",
      "Должность",
      "Начало работы",
      "Часов в неделю",
      "Зарплата в месяц, сом",
    ]);
    expect(line).toEqual([
      String(g),
      "Асанова" + line![1]!.slice(7),
      expect.any(String),
      "2024-06-30",
      "Работает",
      'ОсОО "Кызыл; Кия"',
      "0",
      "",
      "2024-08-01",
      "40",
      "45000",
    ]);
    const audit = await c.db.selectFrom("audit_log").selectAll().where("action", "=", "outcomes.export").execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after_json!)).toMatchObject({ checkpoint: "m6", measure: "employed", rows: 1 });
  });
});

describe("who may see the figures", () => {
  it("staff and admins only: a visitor goes to sign in, a graduate or an employer gets 403", async () => {
    await handMadeCohort();
    const admin = await sessionCookieFor((await makeUser(c, "admin")).id);
    const graduateCookie = await sessionCookieFor((await makeUser(c, "graduate")).id);
    const employerCookie = await sessionCookieFor((await makeUser(c, "employer")).id);
    const routes = [
      [dashboard.loader, "/staff/outcomes?checkpoint=m6"],
      [drill.loader, "/staff/outcomes/graduates?checkpoint=m6&measure=employed"],
      [dashboardCsv.loader, "/staff/outcomes.csv?checkpoint=m6"],
      [drillCsv.loader, "/staff/outcomes/graduates.csv?checkpoint=m6&measure=employed"],
    ] as const;
    for (const [loader, path] of routes) {
      const visitor = await call(loader, get(path));
      expect(visitor.status).toBe(302);
      expect(visitor.location).toMatch(/^\/login\?redirectTo=/);
      expect((await call(loader, get(path, { cookie: graduateCookie }))).status).toBe(403);
      expect((await call(loader, get(path, { cookie: employerCookie }))).status).toBe(403);
      expect((await call(loader, get(path, { cookie: admin }))).status).toBe(200);
    }
  });

  it("the public page shows no figure with fewer than 10 behind it, and no numerators", async () => {
    await handMadeCohort(); // school A: N = 12
    const k = await cohort(schoolB, "2024-06-30");
    for (let i = 0; i < 9; i++)
      await record(await graduate(k, "m"), "m6", i < 6 ? "employed" : "seeking", { htp: true, pay: 90000, related: "yes", start: "2024-08-01" });
    const res = await call(publicPage.loader, get("/outcomes?checkpoint=m6"));
    expect(res.status).toBe(200);
    const data = res.data as Awaited<ReturnType<typeof publicPage.loader>>;
    const a = data.schools.find((s) => s.id === schoolA)!;
    const b = data.schools.find((s) => s.id === schoolB)!;
    expect(a.total.cells.employmentRate).toEqual({ shown: true, percent: 50 });
    expect(a.total.cells.careerOutcomesRate).toEqual({ shown: false }); // 7 of 9
    expect(b.total.n).toBe(9);
    expect(b.total.cells.employmentRate).toEqual({ shown: false });
    expect(b.total.pay).toEqual({ shown: false });
    // Only whole percents of shown figures leave the server: no numerator, no denominator, no exact share.
    const json = JSON.stringify(data);
    expect(json).not.toMatch(/numerator|denominator|"value"/);
    expect(json).not.toContain("90000");
    // A bad checkpoint falls back to the default, no 500.
    expect((await call(publicPage.loader, get("/outcomes?checkpoint=zzz"))).status).toBe(200);
  });
});
