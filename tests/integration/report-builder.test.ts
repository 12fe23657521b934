// The report builder (issue 19 item 2, docs/decisions/064-report-builder.md) on a hand-made data set: the .xlsx
// opened with exceljs (sheets, header, number cells and formats equal to the dashboard's figures, a small-n cell
// empty, the Definitions sheet), the CSV, a scoped officer's report (their schools only), saving, running,
// renaming and deleting a report (another staff member's report is a 404), bad names (400, values kept).
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import type { NewOutcome } from "@db/schema";
import { setStaffScope } from "~/models/staff-scopes.server";
import * as dashboard from "~/routes/staff.outcomes._index";
import * as page from "~/routes/staff.reports._index";
import * as csv from "~/routes/staff.reports[.csv]";
import * as xlsx from "~/routes/staff.reports[.xlsx]";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCohort, makeUser, sessionCookieFor } from "../support/factories";
import { call, get, post } from "../support/remix";

let c: Connection;
let staffId: number;
let staffCookie: string;
let schoolA: { id: number; name_en: string };
let schoolB: { id: number; name_en: string };

beforeEach(async () => {
  c = await createTestDatabase();
  const staff = await makeUser(c, "staff");
  staffId = staff.id;
  staffCookie = await sessionCookieFor(staff.id);
  const schools = await c.db.selectFrom("schools").select(["id", "name_en"]).orderBy("id").execute();
  schoolA = schools[0]!;
  schoolB = schools[1]!;
});
afterEach(closeTestDatabases);

/**
 * What the report builder writes: its table and the audit log. (tests/support/db.ts snapshot() reads every table
 * "order by rowid", which fails on migration 0031's staff_scopes, a WITHOUT ROWID table.)
 */
const written = async () => ({
  reports: await c.db.selectFrom("saved_reports").selectAll().orderBy("id").execute(),
  audit: await c.db.selectFrom("audit_log").selectAll().orderBy("id").execute(),
});

let n = 0;
async function graduate(cohortId: number, code: NewOutcome["code"] | null, htp = false) {
  n += 1;
  const { id } = await c.db
    .insertInto("graduates")
    .values({ cohort_id: cohortId, first_name: `Айгуль${n}`, last_name: `Асанова${n}`, sex: n % 2 ? "f" : "m" })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (code === null) return id;
  const employed = code === "employed";
  await c.db
    .insertInto("outcomes")
    .values({
      graduate_id: id,
      checkpoint: "m6",
      code,
      as_of: "2024-12-30",
      source: "staff",
      employment_kind: employed ? "employee" : null,
      hours_per_week: employed ? 40 : null,
      employer_name: employed ? "ОсОО «Шоро»" : null,
      company_htp_resident: employed ? (htp ? 1 : 0) : null,
      monthly_pay: employed ? 40000 : null,
      related: employed ? "yes" : null,
      start_date: employed ? "2024-08-01" : null,
      started_before_graduation: employed ? 0 : null,
      excluded_reason: code === "excluded" ? "эмигрировал" : null,
    })
    .execute();
  return id;
}

/** School A: 12 graduates of 2024 (7 employed, 3 of them at HTP residents; 3 seeking; 2 unknown). School B: 3 (1 employed, 1 seeking, 1 unknown). */
async function dataSet() {
  const a = await makeCohort(c, "2024-06-30", schoolA.id);
  for (let i = 0; i < 7; i++) await graduate(a, "employed", i < 3);
  for (let i = 0; i < 3; i++) await graduate(a, "seeking");
  for (let i = 0; i < 2; i++) await graduate(a, null);
  const b = await makeCohort(c, "2024-06-30", schoolB.id);
  await graduate(b, "employed", true);
  await graduate(b, "seeking");
  await graduate(b, null);
}

const QUERY = "by=school&ind=n&ind=employmentRate&ind=htpPlacementRate&ind=medianPay&checkpoint=m6&year=2024";
const en = { "Accept-Language": "en" };

async function download(loader: typeof xlsx.loader, path: string, cookie = staffCookie) {
  const res = (await loader({ request: get(path, { cookie, headers: en }), params: {}, context: { clientAddress: "127.0.0.1", cspNonce: "" } })) as Response;
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function workbook(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer as ArrayBuffer);
  return book;
}

describe("the .xlsx of a report", () => {
  it("has the table as real number cells with formats, equal to the dashboard's figures, and a Definitions sheet", async () => {
    await dataSet();
    const { res, bytes } = await download(xlsx.loader, `/staff/reports.xlsx?${QUERY}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("Content-Disposition")).toContain('filename="report-m6-school.xlsx"');
    const book = await workbook(bytes);
    expect(book.worksheets.map((s) => s.name)).toEqual(["Report", "Definitions"]);

    const sheet = book.getWorksheet("Report")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      "Group",
      "N",
      "Employment (EQAVET), %",
      "Employment (EQAVET), numerator",
      "Employment (EQAVET), denominator",
      "HTP placement, %",
      "HTP placement, numerator",
      "HTP placement, denominator",
      "Median monthly pay, full-time",
      "Median monthly pay, full-time, n",
    ]);
    expect(sheet.getColumn(1).width).toBeGreaterThan(20);

    // The dashboard's figures for the same selection.
    const dash = (await call(dashboard.loader, get("/staff/outcomes?checkpoint=m6&year=2024&by=school", { cookie: staffCookie }))).data as Awaited<
      ReturnType<typeof dashboard.loader>
    >;
    const a = dash.rows.find((r) => r.key === String(schoolA.id))!.indicators;
    const rowOf = (label: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === label) found = row;
      });
      return found!;
    };
    expect(rowOf("Total").getCell(2).value).toBe(dash.total.n);
    const rowA = rowOf(schoolA.name_en);
    expect(rowA.getCell(2).value).toBe(12);
    expect(rowA.getCell(2).numFmt).toBe("0");
    expect(Number.isInteger(rowA.getCell(2).value)).toBe(true);
    const rate = rowA.getCell(3);
    expect(typeof rate.value).toBe("number");
    expect(rate.numFmt).toBe("0.0%");
    expect(rate.value).toBe(a.employmentRate.value);
    expect(rate.value).toBeCloseTo(7 / 12);
    expect([rowA.getCell(4).value, rowA.getCell(5).value]).toEqual([7, 12]);

    // School B: 3 in the base — the share and its numerator are left empty, with a note; the denominator, N, stays (decision 074).
    const rowB = rowOf(schoolB.name_en);
    expect(rowB.getCell(3).value).toBeNull();
    expect(rowB.getCell(3).note).toBeTruthy();
    expect(rowB.getCell(4).value).toBeNull();
    expect(rowB.getCell(5).value).toBe(3);

    const defs = book.getWorksheet("Definitions")!;
    const listed: unknown[] = [];
    defs.eachRow((row) => listed.push(row.getCell(1).value));
    expect(listed).toEqual(expect.arrayContaining(["N", "Employment (EQAVET)", "HTP placement", "Median monthly pay, full-time"]));
    const employmentDef = (() => {
      let text: unknown;
      defs.eachRow((row) => {
        if (row.getCell(1).value === "Employment (EQAVET)") text = row.getCell(2).value;
      });
      return String(text);
    })();
    expect(employmentDef).toContain("employed / N");
  });

  it("is in the reader's language", async () => {
    await dataSet();
    const res = (await xlsx.loader({
      request: get(`/staff/reports.xlsx?${QUERY}`, { cookie: staffCookie, headers: { "Accept-Language": "ru" } }),
      params: {},
      context: { clientAddress: "127.0.0.1", cspNonce: "" },
    })) as Response;
    const book = await workbook(new Uint8Array(await res.arrayBuffer()));
    expect(book.worksheets.map((s) => s.name)).toEqual(["Отчёт", "Определения"]);
    expect(book.getWorksheet("Отчёт")!.getRow(2).getCell(1).value).toBe("Итого");
  });

  it("is refused to graduates and employers", async () => {
    for (const role of ["graduate", "employer"] as const) {
      const cookie = await sessionCookieFor((await makeUser(c, role)).id);
      expect((await call(xlsx.loader, get(`/staff/reports.xlsx?${QUERY}`, { cookie }))).status).toBe(403);
    }
  });
});

describe("the CSV of a report", () => {
  it("has the same columns, `;` and a BOM, whole percents, and the small-n mark", async () => {
    await dataSet();
    const { res, bytes } = await download(csv.loader, `/staff/reports.csv?${QUERY}`);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]!.split(";").slice(0, 3)).toEqual(["Group", "N", '"Employment (EQAVET), %"']);
    const a = lines.find((l) => l.startsWith(`${schoolA.name_en};`) || l.startsWith(`"${schoolA.name_en}";`))!;
    expect(a.split(";").slice(-9, -5)).toEqual(["12", "58", "7", "12"]);
    const b = lines.find((l) => l.includes(schoolB.name_en))!;
    expect(b.split(";").slice(-9, -5)).toEqual(["3", "small n", "", "3"]);
  });
});

describe("a scoped officer's report", () => {
  it("covers their schools only, totals included", async () => {
    await dataSet();
    const officer = await makeUser(c, "staff");
    await setStaffScope(c.db, officer.id, [schoolB.id]);
    const cookie = await sessionCookieFor(officer.id);
    const res = await call(page.loader, get(`/staff/reports?${QUERY}`, { cookie }));
    expect(res.status).toBe(200);
    const data = res.data as Awaited<ReturnType<typeof page.loader>>;
    expect(data.scoped).toBe(true);
    expect(data.table.rows.map((r) => r.key)).toEqual([String(schoolB.id)]);
    expect(data.table.total.cells[0]).toEqual({ kind: "count", value: 3 });

    const book = await workbook((await download(xlsx.loader, `/staff/reports.xlsx?${QUERY}`, cookie)).bytes);
    const labels: unknown[] = [];
    book.getWorksheet("Report")!.eachRow((row) => labels.push(row.getCell(1).value));
    expect(labels).toEqual(["Group", "Total", schoolB.name_en]);
  });
});

describe("saved reports", () => {
  const save = (fields: Record<string, string>, cookie = staffCookie) => call(page.action, post("/staff/reports", { intent: "save", ...fields }, { cookie }));

  it("are saved under a name, run again, renamed and deleted by their owner, audited", async () => {
    await dataSet();
    const saved = await save({ name: "Для министерства", query: QUERY });
    expect(saved.status).toBe(302);
    const id = Number(new URL(saved.location!, "http://x").searchParams.get("report"));
    expect(id).toBeGreaterThan(0);

    // Run again: the saved query, whatever the address says.
    const run = (await call(page.loader, get(`/staff/reports?report=${id}&by=sex`, { cookie: staffCookie }))).data as Awaited<ReturnType<typeof page.loader>>;
    expect(run.opened).toEqual({ id, name: "Для министерства" });
    expect(run.query).toEqual({ by: "school", indicators: ["n", "employmentRate", "htpPlacementRate", "medianPay"], checkpoint: "m6", year: [2024] });
    expect(run.saved).toEqual([{ id, name: "Для министерства" }]);

    const renamed = await call(page.action, post("/staff/reports", { intent: "rename", id: String(id), name: "Министерство 2025" }, { cookie: staffCookie }));
    expect(renamed.status).toBe(302);
    expect((await c.db.selectFrom("saved_reports").select("name").where("id", "=", id).executeTakeFirstOrThrow()).name).toBe("Министерство 2025");

    const deleted = await call(page.action, post("/staff/reports", { intent: "delete", id: String(id) }, { cookie: staffCookie }));
    expect(deleted.status).toBe(302);
    expect(await c.db.selectFrom("saved_reports").selectAll().execute()).toEqual([]);

    const audit = await c.db.selectFrom("audit_log").select(["action", "entity", "entity_id", "actor_user_id"]).orderBy("id").execute();
    expect(audit).toEqual([
      { action: "report.saved", entity: "saved_report", entity_id: String(id), actor_user_id: staffId },
      { action: "report.saved", entity: "saved_report", entity_id: String(id), actor_user_id: staffId },
      { action: "report.deleted", entity: "saved_report", entity_id: String(id), actor_user_id: staffId },
    ]);
  });

  it("are their owner's alone: another staff member's report is a 404 to open, rename or delete, and nothing changes", async () => {
    const saved = await save({ name: "Мой отчёт", query: QUERY });
    const id = new URL(saved.location!, "http://x").searchParams.get("report")!;
    const other = await sessionCookieFor((await makeUser(c, "admin")).id);
    const before = await written();
    expect((await call(page.loader, get(`/staff/reports?report=${id}`, { cookie: other }))).status).toBe(404);
    expect((await call(page.action, post("/staff/reports", { intent: "rename", id, name: "Чужой" }, { cookie: other }))).status).toBe(404);
    expect((await call(page.action, post("/staff/reports", { intent: "delete", id }, { cookie: other }))).status).toBe(404);
    expect(await written()).toEqual(before);
    const list = (await call(page.loader, get("/staff/reports", { cookie: other }))).data as Awaited<ReturnType<typeof page.loader>>;
    expect(list.saved).toEqual([]);
  });

  it("refuse an empty or a 500-character name with a 400 that keeps what was typed, and write nothing", async () => {
    const before = await written();
    const empty = await save({ name: "   ", query: QUERY });
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ ok: false, errors: { name: "errors.required" }, values: { intent: "save", query: QUERY } });
    const long = "Отчёт ".repeat(84).slice(0, 500);
    const tooLong = await save({ name: long, query: QUERY });
    expect(tooLong.status).toBe(400);
    expect(tooLong.data).toMatchObject({ ok: false, errors: { name: "errors.tooLong" }, values: { name: long, query: QUERY } });
    const id = (await save({ name: "Ок", query: QUERY })).location!.split("=")[1]!;
    const afterOk = await written();
    const badRename = await call(page.action, post("/staff/reports", { intent: "rename", id, name: "" }, { cookie: staffCookie }));
    expect(badRename.status).toBe(400);
    expect(badRename.data).toMatchObject({ values: { intent: "rename", id, name: "" } });
    expect(await written()).toEqual(afterOk);
    expect(before).not.toEqual(afterOk);
  });

  it("never share a name: saving or renaming to a name the owner already uses (letter case aside) is a 400 that keeps what was typed; another person may use it", async () => {
    const first = (await save({ name: "Нарын 2025", query: QUERY })).location!.split("=")[1]!;
    const second = (await save({ name: "Токмок", query: QUERY })).location!.split("=")[1]!;
    const before = await written();
    const twin = await save({ name: "  нарын 2025 ", query: QUERY });
    expect(twin.status).toBe(400);
    expect(twin.data).toMatchObject({ ok: false, errors: { name: "reports.errors.nameTaken" }, values: { intent: "save", name: "  нарын 2025 " } });
    const clash = await call(page.action, post("/staff/reports", { intent: "rename", id: second, name: "Нарын 2025" }, { cookie: staffCookie }));
    expect(clash.status).toBe(400);
    expect(clash.data).toMatchObject({ errors: { name: "reports.errors.nameTaken" }, values: { intent: "rename", id: second } });
    expect(await written()).toEqual(before);
    // Its own name again is no clash (a rename that only changes letter case).
    expect((await call(page.action, post("/staff/reports", { intent: "rename", id: first, name: "НАРЫН 2025" }, { cookie: staffCookie }))).status).toBe(302);
    const other = await sessionCookieFor((await makeUser(c, "admin")).id);
    expect((await save({ name: "Нарын 2025", query: QUERY }, other)).status).toBe(302);
  });

  it("never share a name even when saved or renamed at once: one save wins, the others are a 400 that keeps what was typed", async () => {
    const names = ["Нарын 2025", "нарын 2025", " НАРЫН 2025", "Нарын 2025 ", "нАрЫн 2025"];
    const answers = await Promise.all(names.map((name) => save({ name, query: QUERY })));
    expect(answers.map((a) => a.status).sort()).toEqual([302, 400, 400, 400, 400]);
    for (const [i, a] of answers.entries()) {
      if (a.status === 400)
        expect(a.data, names[i]).toMatchObject({
          ok: false,
          errors: { name: "reports.errors.nameTaken" },
          values: { intent: "save", name: names[i], query: QUERY },
        });
    }
    const rows = await c.db.selectFrom("saved_reports").select(["name", "name_key"]).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.name_key).toBe("нарын 2025");
    // Only the saved one is audited: a refused save leaves nothing half-written.
    expect(await c.db.selectFrom("audit_log").select("action").execute()).toEqual([{ action: "report.saved" }]);

    // Two other reports renamed to one new name at once: one rename wins.
    const ids = await Promise.all(["Токмок", "Каракол"].map(async (name) => (await save({ name, query: QUERY })).location!.split("=")[1]!));
    const renames = await Promise.all(
      ids.map((id) => call(page.action, post("/staff/reports", { intent: "rename", id, name: "Ош" }, { cookie: staffCookie }))),
    );
    expect(renames.map((r) => r.status).sort()).toEqual([302, 400]);
    expect(renames.find((r) => r.status === 400)!.data).toMatchObject({
      errors: { name: "reports.errors.nameTaken" },
      values: { intent: "rename", name: "Ош" },
    });
    const after = (await c.db.selectFrom("saved_reports").select("name").execute()).map((r) => r.name);
    expect(after).toHaveLength(3);
    expect(after.filter((n) => n === "Ош")).toHaveLength(1);
  });

  it("store a hostile query in its canonical form", async () => {
    const saved = await save({ name: "Странный", query: "by=<script>&ind=' OR 1=1&checkpoint=m12&year=2024&year=DROP" });
    const id = Number(new URL(saved.location!, "http://x").searchParams.get("report"));
    const row = await c.db.selectFrom("saved_reports").select("query_json").where("id", "=", id).executeTakeFirstOrThrow();
    expect(JSON.parse(row.query_json)).toEqual({
      by: "school",
      indicators: ["n", "knowledgeRate", "careerOutcomesRate", "employmentRate", "htpPlacementRate"],
      checkpoint: "m12",
      year: [2024],
    });
  });
});
