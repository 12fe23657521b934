import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { Connection } from "@db/connection";
import { enrolGraduate } from "~/models/invitations.server";
import * as cohortInvitations from "~/routes/staff.cohorts.$id.invitations";
import * as importReport from "~/routes/staff.import.$id";
import * as importIndex from "~/routes/staff.import._index";
import * as join from "~/routes/join";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeCohort, signedIn } from "../support/factories";
import { call, get, post, type Outcome } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = Uint8Array.from([0xef, 0xbb, 0xbf]);

function uploadRequest(
  fields: { cohortId?: string | number; file?: { name: string; content: string | Uint8Array<ArrayBuffer> } },
  options: { cookie?: string; headers?: Record<string, string> } = {},
) {
  const body = new FormData();
  if (fields.cohortId !== undefined) body.append("cohortId", String(fields.cohortId));
  if (fields.file) {
    const bytes = typeof fields.file.content === "string" ? utf8(fields.file.content) : fields.file.content;
    body.append("file", new File([bytes], fields.file.name, { type: "text/csv" }));
  }
  return new Request("http://localhost/staff/import?index", {
    method: "POST",
    body,
    headers: { ...(options.cookie ? { Cookie: options.cookie } : {}), ...options.headers },
  });
}

async function upload(cookie: string, cohortId: number | string, content: string | Uint8Array<ArrayBuffer>, name = "graduates.csv") {
  return call(importIndex.action, uploadRequest({ cohortId, file: { name, content } }, { cookie }));
}

function stagedId(res: Outcome): number {
  expect(res.status, JSON.stringify(res.data)).toBe(302);
  const m = /^\/staff\/import\/(\d+)$/.exec(res.location ?? "");
  expect(m).not.toBeNull();
  return Number(m![1]);
}

type CheckedReport = {
  state: "checked";
  summary: { total: number; accepted: number; rejected: number; duplicates: number };
  delimiter: string;
  ignored: string[];
  lines: { line: number; lastName: string; firstName: string; status: string; reasons: { key: string; vars?: Record<string, unknown> }[] }[];
  page: number;
  pages: number;
};
type ImportedReport = {
  state: "imported";
  summary: { total: number; accepted: number; rejected: number; duplicates: number };
  graduates: { id: number; name: string; code: string; link: string; state: { kind: string } }[];
  page: number;
  pages: number;
};

async function report<T = CheckedReport>(cookie: string, id: number, query = "") {
  const res = await call(importReport.loader, get(`/staff/import/${id}${query}`, { cookie }), { id: String(id) });
  expect(res.status).toBe(200);
  return res.data as T;
}

function confirm(cookie: string, id: number, intent = "confirm") {
  return call(importReport.action, post(`/staff/import/${id}`, { intent }, { cookie }), { id: String(id) });
}

/** Every table but the staging one, to prove a dry run writes only its staging row. */
function withoutStaging(s: Record<string, unknown[]>) {
  const { csv_imports: _ignored, ...rest } = s;
  return rest;
}

async function graduatesOf(cohortId: number) {
  return c.db
    .selectFrom("graduates")
    .select(["id", "first_name", "last_name", "sex", "email", "phone"])
    .where("cohort_id", "=", cohortId)
    .orderBy("id")
    .execute();
}

describe("a good file", () => {
  it("is checked without writing anything but the staging row, then imported on confirmation", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    const csv =
      "last_name,first_name,sex,email,phone\nЖумабекова,Айпери,f,aiperi@mail.kg,+996 555 123 456\nТоктосунов,Эрмек,m,,0700 12 34 56\nСыдыкова,Нургүл,,,\n";
    const before = snapshot(c);
    const id = stagedId(await upload(staff.cookie, cohortId, csv));
    const afterDryRun = snapshot(c);
    expect(withoutStaging(afterDryRun)).toEqual(withoutStaging(before));
    expect(afterDryRun.csv_imports).toHaveLength(1);
    expect(afterDryRun.csv_imports![0]).toMatchObject({
      id,
      status: "checked",
      cohort_id: cohortId,
      created_by: staff.id,
      file_name: "graduates.csv",
      rows_total: 3,
      rows_accepted: 3,
    });

    const checked = await report(staff.cookie, id);
    expect(checked.state).toBe("checked");
    expect(checked.summary).toEqual({ total: 3, accepted: 3, rejected: 0, duplicates: 0 });
    expect(checked.delimiter).toBe(",");
    expect(checked.lines.map((l) => [l.line, l.lastName, l.status])).toEqual([
      [2, "Жумабекова", "accepted"],
      [3, "Токтосунов", "accepted"],
      [4, "Сыдыкова", "accepted"],
    ]);
    expect(snapshot(c)).toEqual(afterDryRun); // reading the report writes nothing

    const done = await confirm(staff.cookie, id);
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/staff/import/${id}`);
    expect(done.headers.get("Set-Cookie")).toContain("flash=flash.csvImported");

    expect(await graduatesOf(cohortId)).toMatchObject([
      { first_name: "Айпери", last_name: "Жумабекова", sex: "f", email: "aiperi@mail.kg", phone: "+996555123456" },
      { first_name: "Эрмек", last_name: "Токтосунов", sex: "m", email: null, phone: "0700123456" },
      { first_name: "Нургүл", last_name: "Сыдыкова", sex: null, email: null, phone: null },
    ]);
    const staged = await c.db.selectFrom("csv_imports").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(staged).toMatchObject({ status: "imported", rows_total: 3, rows_accepted: 3 });
    const audits = await c.db.selectFrom("audit_log").selectAll().where("action", "=", "graduate.import").execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actor_user_id).toBe(staff.id);
    expect(JSON.parse(audits[0]!.after_json!)).toMatchObject({ importId: id, cohortId, total: 3, accepted: 3, rejected: 0, duplicates: 0 });
    // The directory's search index knows the new graduates.
    const found = await sql<{ rowid: number }>`select rowid from graduates_fts where graduates_fts match ${"Нургүл"}`.execute(c.db);
    expect(found.rows).toHaveLength(1);

    const imported = await report<ImportedReport>(staff.cookie, id);
    expect(imported.state).toBe("imported");
    expect(imported.graduates).toHaveLength(3);
    for (const g of imported.graduates) {
      expect(g.code).toMatch(/^KG-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
      expect(g.link).toBe(`http://localhost/join?code=${g.code}`);
      expect(g.state.kind).toBe("open");
    }
    const invitations = await c.db.selectFrom("invitations").select(["code", "expires_at", "created_by"]).execute();
    expect(invitations).toHaveLength(3);
    const days = (Date.parse(invitations[0]!.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(119);
    expect(invitations.every((i) => i.created_by === staff.id)).toBe(true);
  });

  it("gives codes that work for joining", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    const id = stagedId(await upload(staff.cookie, cohortId, "фамилия;имя\nӨмүрбеков;Таңат\n"));
    expect((await confirm(staff.cookie, id)).status).toBe(302);
    const { graduates } = await report<ImportedReport>(staff.cookie, id);
    const code = graduates[0]!.code;
    const preview = await call(join.loader, get(`/join?code=${code}&lng=en`));
    expect(preview.data).toMatchObject({ problem: null, welcome: { name: "Таңат" } });
    const joined = await call(join.action, post("/join", { code, email: "tanat@mail.kg", password: "my-own-password", passwordRepeat: "my-own-password" }));
    expect(joined.status).toBe(302);
    const graduate = await c.db
      .selectFrom("graduates")
      .innerJoin("users", "users.id", "graduates.user_id")
      .select(["users.role", "users.display_name"])
      .where("graduates.id", "=", graduates[0]!.id)
      .executeTakeFirstOrThrow();
    expect(graduate).toEqual({ role: "graduate", display_name: "Таңат Өмүрбеков" });
    expect((await report<ImportedReport>(staff.cookie, id)).graduates[0]!.state.kind).toBe("used");
  });

  it("is imported once, however often it is confirmed", async () => {
    const admin = await signedIn(c, "admin");
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    const id = stagedId(await upload(staff.cookie, cohortId, "фамилия,имя\nАсанов,Бек\n"));
    expect((await confirm(admin.cookie, id)).status).toBe(302); // any staff member or admin may confirm
    const before = snapshot(c);
    const again = await confirm(staff.cookie, id);
    expect(again.status).toBe(409);
    expect(again.data).toMatchObject({ ok: false, errors: { _form: "import.error.alreadyImported" } });
    expect(snapshot(c)).toEqual(before);
    const audit = await c.db.selectFrom("audit_log").select("actor_user_id").where("action", "=", "graduate.import").execute();
    expect(audit).toEqual([{ actor_user_id: admin.id }]);
  });
});

describe("files refused whole", () => {
  it("refuses a file without the required columns: 400, the cohort kept, nothing staged", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    const before = snapshot(c);
    const res = await upload(staff.cookie, cohortId, "name,email\nАйпери,a@b.kg\n");
    expect(res.status).toBe(400);
    expect(res.data).toEqual({
      ok: false,
      errors: { file: ["import.error.missingColumns", { columns: "last_name / фамилия / фамилиясы; first_name / имя / аты" }] },
      values: { cohortId: String(cohortId) },
    });
    expect(snapshot(c)).toEqual(before);
  });

  it("refuses a Windows-1251 file with the reason, writing nothing", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    // "фамилия;имя\nИванов;Иван" in Windows-1251.
    const cp1251 = Uint8Array.from([
      0xf4, 0xe0, 0xec, 0xe8, 0xeb, 0xe8, 0xff, 0x3b, 0xe8, 0xec, 0xff, 0x0a, 0xc8, 0xe2, 0xe0, 0xed, 0xee, 0xe2, 0x3b, 0xc8, 0xe2, 0xe0, 0xed, 0x0a,
    ]);
    const before = snapshot(c);
    const res = await upload(staff.cookie, cohortId, cp1251, "excel-1251.csv");
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ errors: { file: ["import.error.encoding", { line: 1 }] }, values: { cohortId: String(cohortId) } });
    expect(snapshot(c)).toEqual(before);
  });

  it("refuses a broken quote, an empty file, a missing file, an unknown cohort and a file over 2 MB", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    const before = snapshot(c);
    const broken = await upload(staff.cookie, cohortId, 'фамилия,имя\nАсанов,"Бек\nЖумабекова,Айпери\n');
    expect(broken.status).toBe(400);
    expect(broken.data).toMatchObject({ errors: { file: ["import.error.unclosedQuote", { line: 2 }] } });
    expect((await upload(staff.cookie, cohortId, "")).data).toMatchObject({ errors: { file: ["import.error.empty", {}] } });
    const noFile = await call(importIndex.action, uploadRequest({ cohortId }, { cookie: staff.cookie }));
    expect(noFile.status).toBe(400);
    expect(noFile.data).toMatchObject({ errors: { file: "import.error.fileRequired" } });
    const noCohort = await call(
      importIndex.action,
      uploadRequest({ cohortId: "", file: { name: "a.csv", content: "фамилия,имя\nА,Б\n" } }, { cookie: staff.cookie }),
    );
    expect(noCohort.data).toMatchObject({ errors: { cohortId: "errors.required" } });
    expect((await upload(staff.cookie, 999_999, "фамилия,имя\nА,Б\n")).data).toMatchObject({ errors: { cohortId: "errors.cohortUnknown" } });
    const big = await upload(staff.cookie, cohortId, `фамилия,имя\n${"Асанов,Бек\n".repeat(120_000)}`);
    expect(big.status).toBe(400);
    expect(big.data).toMatchObject({ errors: { file: ["import.error.tooLarge", { max: 2 }] } });
    const announced = await call(
      importIndex.action,
      uploadRequest(
        { cohortId, file: { name: "a.csv", content: "фамилия,имя\nА,Б\n" } },
        { cookie: staff.cookie, headers: { "Content-Length": String(50 * 1024 * 1024) } },
      ),
    );
    expect(announced.status).toBe(413);
    const notMultipart = await call(importIndex.action, post("/staff/import?index", { cohortId: String(cohortId) }, { cookie: staff.cookie }));
    expect(notMultipart.data).toMatchObject({ errors: { file: "import.error.fileRequired" } });
    expect(snapshot(c)).toEqual(before);
  });
});

describe("a mixed file", () => {
  it("reports each line's reason, and imports only the accepted lines", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    const csv = ["Фамилия,Имя,Пол,Email", "Жумабекова,Айпери,ж,aiperi@mail.kg", ",Бакыт,м,", "R2-D2,Робот,x,robot@", "Осмонова,Айгерим,а,"].join("\n");
    const id = stagedId(await upload(staff.cookie, cohortId, csv));
    const checked = await report(staff.cookie, id);
    expect(checked.summary).toEqual({ total: 4, accepted: 2, rejected: 2, duplicates: 0 });
    expect(checked.lines.map((l) => [l.line, l.status, l.reasons.map((r) => r.key)])).toEqual([
      [2, "accepted", []],
      [3, "rejected", ["import.reason.lastNameRequired"]],
      [4, "rejected", ["import.reason.lastNameInvalid", "import.reason.sexInvalid", "import.reason.emailInvalid"]],
      [5, "accepted", []],
    ]);
    const rejectedOnly = await report(staff.cookie, id, "?show=rejected");
    expect(rejectedOnly.lines.map((l) => l.line)).toEqual([3, 4]);
    expect((await confirm(staff.cookie, id)).status).toBe(302);
    expect((await graduatesOf(cohortId)).map((g) => g.last_name)).toEqual(["Жумабекова", "Осмонова"]);
    const audit = await c.db.selectFrom("audit_log").select("after_json").where("action", "=", "graduate.import").executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json!)).toMatchObject({ total: 4, accepted: 2, rejected: 2, duplicates: 0 });
  });
});

describe("encodings, separators and quoting", () => {
  it("reads an Excel file: BOM, semicolons, CRLF, Russian headers", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    const bytes = Uint8Array.from([...BOM, ...utf8("Фамилия;Имя;Пол;Телефон\r\nКасымова;Гүлзат;ж;+996 (700) 11-22-33\r\nАбдыкадыров;Нурбек;м;\r\n;;;\r\n")]);
    const id = stagedId(await upload(staff.cookie, cohortId, bytes, "Выпуск 2026.csv"));
    const checked = await report(staff.cookie, id);
    expect(checked.delimiter).toBe(";");
    expect(checked.summary).toEqual({ total: 2, accepted: 2, rejected: 0, duplicates: 0 });
    expect((await c.db.selectFrom("csv_imports").select("file_name").executeTakeFirstOrThrow()).file_name).toBe("Выпуск 2026.csv");
    await confirm(staff.cookie, id);
    expect(await graduatesOf(cohortId)).toMatchObject([
      { last_name: "Касымова", first_name: "Гүлзат", sex: "f", phone: "+996700112233" },
      { last_name: "Абдыкадыров", first_name: "Нурбек", sex: "m", phone: null },
    ]);
  });

  it("keeps Kyrgyz letters and reads Kyrgyz headers and sex values", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    const id = stagedId(await upload(staff.cookie, cohortId, "ФАМИЛИЯСЫ,Аты,Жынысы\nӨмүралиева,Үмүт,аял\nТеңизбаев,Ңурлан,эркек\nАсанбек уулу,Бектур,э\n"));
    await confirm(staff.cookie, id);
    expect((await graduatesOf(cohortId)).map((g) => [g.last_name, g.first_name, g.sex])).toEqual([
      ["Өмүралиева", "Үмүт", "f"],
      ["Теңизбаев", "Ңурлан", "m"],
      ["Асанбек уулу", "Бектур", "m"],
    ]);
  });

  it("reads quoted values with separators, quotes and line breaks inside", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    const csv =
      'last_name,first_name,note\r\n"Асанбек\r\nуулу","Нурлан","учится, работает"\r\n"Ким-Ли","Алина","она сказала ""да"""\r\nЖумабекова,Айпери,"многострочная\nзаметка, с запятой"\r\n';
    const id = stagedId(await upload(staff.cookie, cohortId, csv));
    const checked = await report(staff.cookie, id);
    expect(checked.ignored).toEqual(["note"]);
    expect(checked.lines.map((l) => [l.line, l.lastName, l.status])).toEqual([
      [2, "Асанбек уулу", "accepted"],
      [4, "Ким-Ли", "accepted"],
      [5, "Жумабекова", "accepted"],
    ]);
  });
});

describe("duplicates", () => {
  it("skips lines repeated in the file, names already in the cohort and emails anywhere in the portal", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c, "2026-06-30");
    const otherCohort = await makeCohort(c, "2025-06-30");
    await enrolGraduate(c.db, { cohortId, firstName: "Эрмек", lastName: "Токтосунов" }, staff.id);
    const elsewhere = await enrolGraduate(c.db, { cohortId: otherCohort, firstName: "Бакыт", lastName: "Сыдыков" }, staff.id);
    await c.db.updateTable("graduates").set({ email: "Bakyt@Mail.kg" }).where("id", "=", elsewhere.graduateId).execute();
    const csv = [
      "фамилия,имя,email",
      "Жумабекова,Айпери,aiperi@mail.kg", // 2 accepted
      "жумабекова,АЙПЕРИ,", // 3 repeated in file
      "ТОКТОСУНОВ,Эрмек,", // 4 already in the cohort
      "Сыдыков,Бакыт,bakyt@mail.kg", // 5 email taken elsewhere (the name alone would be fine: other cohort)
      "Осмонова,Айгерим,AIPERI@mail.kg", // 6 email repeated in file
    ].join("\n");
    const id = stagedId(await upload(staff.cookie, cohortId, csv));
    const checked = await report(staff.cookie, id);
    expect(checked.summary).toEqual({ total: 5, accepted: 1, rejected: 0, duplicates: 4 });
    expect(checked.lines.map((l) => [l.line, l.status, l.reasons])).toEqual([
      [2, "accepted", []],
      [3, "duplicate", [{ key: "import.reason.duplicateInFile", vars: { line: 2 } }]],
      [4, "duplicate", [{ key: "import.reason.duplicateInCohort" }]],
      [5, "duplicate", [{ key: "import.reason.duplicateEmail" }]],
      [6, "duplicate", [{ key: "import.reason.duplicateEmailInFile", vars: { line: 2 } }]],
    ]);
    await confirm(staff.cookie, id);
    expect((await graduatesOf(cohortId)).map((g) => g.last_name)).toEqual(["Токтосунов", "Жумабекова"]);
  });

  it("re-checks against the data of the moment of confirmation", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    const id = stagedId(await upload(staff.cookie, cohortId, "фамилия,имя\nЖумабекова,Айпери\nТоктосунов,Эрмек\n"));
    // Someone enrols one of them by hand between the dry run and the confirmation.
    await enrolGraduate(c.db, { cohortId, firstName: "Эрмек", lastName: "Токтосунов" }, staff.id);
    expect((await report(staff.cookie, id)).summary).toEqual({ total: 2, accepted: 1, rejected: 0, duplicates: 1 });
    await confirm(staff.cookie, id);
    expect((await graduatesOf(cohortId)).map((g) => g.last_name)).toEqual(["Токтосунов", "Жумабекова"]);
    expect((await report<ImportedReport>(staff.cookie, id)).summary).toEqual({ total: 2, accepted: 1, rejected: 0, duplicates: 1 });
  });

  it("refuses a confirmation that has nothing left to import, writing nothing", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    const id = stagedId(await upload(staff.cookie, cohortId, "фамилия,имя\nЖумабекова,Айпери\n"));
    await enrolGraduate(c.db, { cohortId, firstName: "Айпери", lastName: "Жумабекова" }, staff.id);
    const before = snapshot(c);
    const res = await confirm(staff.cookie, id);
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ ok: false, errors: { _form: "import.error.nothingToImport" } });
    expect(snapshot(c)).toEqual(before);
    expect((await report(staff.cookie, id)).state).toBe("checked");
  });
});

/** A distinct name made of Cyrillic and Kyrgyz letters for every number (names allow no digits). */
function cyrillic(n: number): string {
  const letters = "абвгдежзиклмнопрстуфхөүң";
  let s = "";
  for (let x = n; x > 0; x = Math.floor(x / letters.length)) s = letters[x % letters.length] + s;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

describe("a 5,000-line file", () => {
  it("is reported page by page and imported in one go, once", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    const lines = ["фамилия;имя;пол;email;телефон"];
    for (let i = 1; i <= 5000; i++)
      lines.push(`${cyrillic(i)}ов;${cyrillic(i * 7)};${i % 2 ? "э" : "а"};graduate${i}@mail.kg;+996 555 ${String(i).padStart(6, "0")}`);
    lines.push(`${cyrillic(1)}ов;${cyrillic(7)};э;;`); // line 5002: a repeat of line 2
    const id = stagedId(await upload(staff.cookie, cohortId, `${lines.join("\r\n")}\r\n`));
    const first = await report(staff.cookie, id);
    expect(first.summary).toEqual({ total: 5001, accepted: 5000, rejected: 0, duplicates: 1 });
    expect(first.pages).toBe(26);
    expect(first.lines).toHaveLength(200);
    const second = await report(staff.cookie, id, "?page=2");
    expect(second.lines[0]!.line).toBe(202);
    const duplicates = await report(staff.cookie, id, "?show=duplicate");
    expect(duplicates.lines.map((l) => l.line)).toEqual([5002]);
    expect((await report(staff.cookie, id, "?page=999")).page).toBe(26);

    // Its speed is not asserted here (a timed test fails on a busy machine, not on slow code).
    const done = await confirm(staff.cookie, id);
    expect(done.status).toBe(302);

    const count = async (table: "graduates" | "invitations") =>
      Number(
        (
          await c.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count("graduates")).toBe(5000);
    expect(await count("invitations")).toBe(5000);
    const codes = await c.db.selectFrom("invitations").select("code").distinct().execute();
    expect(codes).toHaveLength(5000);
    const before = snapshot(c);
    expect((await confirm(staff.cookie, id)).status).toBe(409);
    expect(snapshot(c)).toEqual(before);
    expect(await count("graduates")).toBe(5000);

    const imported = await report<ImportedReport>(staff.cookie, id, "?page=25");
    expect(imported.pages).toBe(25);
    expect(imported.graduates).toHaveLength(200);
    expect(imported.graduates[199]!.name).toBe(`${cyrillic(5000)}ов ${cyrillic(35_000)}`);

    const sheet = await call(cohortInvitations.loader, get(`/staff/cohorts/${cohortId}/invitations`, { cookie: staff.cookie }), { id: String(cohortId) });
    expect((sheet.data as { graduates: unknown[] }).graduates).toHaveLength(5000);
  });
});

describe("enrolling one graduate by hand (shares the insert with the import)", () => {
  it("still writes the graduate, one invitation and one audit entry", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    const { graduateId, code, expiresAt } = await enrolGraduate(c.db, { cohortId, firstName: "Айгерим", lastName: "Осмонова" }, staff.id);
    expect(await graduatesOf(cohortId)).toEqual([{ id: graduateId, first_name: "Айгерим", last_name: "Осмонова", sex: null, email: null, phone: null }]);
    expect(await c.db.selectFrom("invitations").select(["code", "graduate_id", "expires_at"]).execute()).toEqual([
      { code, graduate_id: graduateId, expires_at: expiresAt },
    ]);
    const audit = await c.db.selectFrom("audit_log").select(["action", "entity_id", "after_json"]).where("action", "=", "graduate.enrol").execute();
    expect(audit).toEqual([
      { action: "graduate.enrol", entity_id: String(graduateId), after_json: JSON.stringify({ cohortId, firstName: "Айгерим", lastName: "Осмонова", code }) },
    ]);
  });
});

describe("the printable list of a cohort's codes", () => {
  it("lists every graduate of the cohort with code, status and join link", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    const { code } = await enrolGraduate(c.db, { cohortId, firstName: "Айпери", lastName: "Жумабекова" }, staff.id);
    const res = await call(cohortInvitations.loader, get(`/staff/cohorts/${cohortId}/invitations`, { cookie: staff.cookie }), { id: String(cohortId) });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      joinUrl: "http://localhost/join",
      graduates: [{ name: "Жумабекова Айпери", code, link: `http://localhost/join?code=${code}`, state: { kind: "open" } }],
    });
    expect((await call(cohortInvitations.loader, get("/staff/cohorts/999999/invitations", { cookie: staff.cookie }), { id: "999999" })).status).toBe(404);
  });
});

describe("who may use the import", () => {
  it("answers 404 for an unknown import and 400 for an unknown intent", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    expect((await call(importReport.loader, get("/staff/import/999999", { cookie: staff.cookie }), { id: "999999" })).status).toBe(404);
    expect((await call(importReport.loader, get("/staff/import/abc", { cookie: staff.cookie }), { id: "abc" })).status).toBe(404);
    expect((await confirm(staff.cookie, 999_999)).status).toBe(404);
    const id = stagedId(await upload(staff.cookie, cohortId, "фамилия,имя\nА,Б\n"));
    const before = snapshot(c);
    expect((await confirm(staff.cookie, id, "delete")).status).toBe(400);
    expect(snapshot(c)).toEqual(before);
  });

  it("refuses graduates and employers (403) and sends signed-out people to sign in, on every loader and action", async () => {
    const staff = await signedIn(c, "staff");
    const cohortId = await makeCohort(c);
    const id = stagedId(await upload(staff.cookie, cohortId, "фамилия,имя\nАсанов,Бек\n"));
    const graduate = await signedIn(c, "graduate");
    const employer = await signedIn(c, "employer");
    const before = snapshot(c);
    const file = { name: "a.csv", content: "фамилия,имя\nЖумабекова,Айпери\n" };
    const attempts = (cookie?: string) => [
      call(importIndex.loader, get("/staff/import", { cookie })),
      call(importIndex.action, uploadRequest({ cohortId, file }, { cookie })),
      call(importReport.loader, get(`/staff/import/${id}`, { cookie }), { id: String(id) }),
      call(importReport.action, post(`/staff/import/${id}`, { intent: "confirm" }, { cookie }), { id: String(id) }),
      call(cohortInvitations.loader, get(`/staff/cohorts/${cohortId}/invitations`, { cookie }), { id: String(cohortId) }),
    ];
    for (const who of [graduate, employer]) {
      const results = await Promise.all(attempts(who.cookie));
      expect(
        results.map((r) => r.status),
        who.role,
      ).toEqual([403, 403, 403, 403, 403]);
    }
    const anonymous = await Promise.all(attempts());
    expect(anonymous.map((r) => r.status)).toEqual([302, 302, 302, 302, 302]);
    expect(anonymous[2]!.location).toBe(`/login?redirectTo=%2Fstaff%2Fimport%2F${id}`);
    expect(snapshot(c)).toEqual(before);
  });

  it("lets staff and admins open the upload page, with cohorts and recent imports", async () => {
    const staff = await signedIn(c, "staff");
    const admin = await signedIn(c, "admin");
    const cohortId = await makeCohort(c);
    const id = stagedId(await upload(staff.cookie, cohortId, "фамилия,имя\nАсанов,Бек\n"));
    for (const u of [staff, admin]) {
      const res = await call(importIndex.loader, get("/staff/import", { cookie: u.cookie }));
      expect(res.status).toBe(200);
      expect(res.data).toMatchObject({ cohorts: [{ id: cohortId }], imports: [{ id, status: "checked", rows_total: 1, rows_accepted: 1 }] });
    }
  });
});
