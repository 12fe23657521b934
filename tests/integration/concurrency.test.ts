// CONCURRENCY (docs/product.md §4 "one application per graduate per vacancy", §9 "concurrent writers never
// surface 'database is locked'"): many simultaneous requests against the real server.
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../support/server";
import { sessionCookiesFor } from "../support/server-sessions";

const PARALLEL = 30;
let server: RunningServer;
let db: Database.Database;
beforeAll(async () => {
  server = await startServer();
  db = new Database(path.join(server.dataDir, "portal.sqlite"), { readonly: true });
}, 120_000);
afterAll(async () => {
  db?.close();
  await server?.stop();
});

function openVacancies(n: number): number[] {
  return (db.prepare("select id from vacancies where status = 'open' order by id limit ?").all(n) as { id: number }[]).map((r) => r.id);
}

/** Joined graduates with no application to the given vacancy. */
function graduatesNotApplied(vacancyId: number, n: number): { userId: number; graduateId: number }[] {
  return db
    .prepare(
      `select g.user_id as userId, g.id as graduateId from graduates g join users u on u.id = g.user_id
       where u.active = 1 and not exists (select 1 from applications a where a.graduate_id = g.id and a.vacancy_id = ?)
       order by g.id limit ?`,
    )
    .all(vacancyId, n) as { userId: number; graduateId: number }[];
}

async function post(pathname: string, cookie: string, fields: Record<string, string>) {
  const res = await fetch(`${server.url}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: cookie },
    body: new URLSearchParams(fields),
  });
  const body = await res.text();
  return { status: res.status, location: res.headers.get("location"), body };
}

const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;

describe("concurrency over HTTP", () => {
  it(`${PARALLEL} simultaneous applications by one graduate to one vacancy make exactly one`, async () => {
    const [vacancyId] = openVacancies(1);
    const [graduate] = graduatesNotApplied(vacancyId!, 1);
    const [cookie] = await sessionCookiesFor(server.dataDir, [graduate!.userId]);
    const answers = await Promise.all(Array.from({ length: PARALLEL }, (_, i) => post(`/vacancies/${vacancyId}/apply`, cookie!, { note: `attempt ${i}` })));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 302).every((s) => s === 409)).toBe(true);
    expect(count("select count(*) as n from applications where vacancy_id = ? and graduate_id = ?", vacancyId, graduate!.graduateId)).toBe(1);
    expect(
      count(
        "select count(*) as n from application_events e join applications a on a.id = e.application_id where a.vacancy_id = ? and a.graduate_id = ?",
        vacancyId,
        graduate!.graduateId,
      ),
    ).toBeLessThanOrEqual(1);
  });

  it(`${PARALLEL} graduates applying to one vacancy at once make ${PARALLEL} applications`, async () => {
    const [, vacancyId] = openVacancies(2);
    const graduates = graduatesNotApplied(vacancyId!, PARALLEL);
    expect(graduates).toHaveLength(PARALLEL);
    const before = count("select count(*) as n from applications where vacancy_id = ?", vacancyId);
    const cookies = await sessionCookiesFor(
      server.dataDir,
      graduates.map((g) => g.userId),
    );
    const answers = await Promise.all(cookies.map((cookie, i) => post(`/vacancies/${vacancyId}/apply`, cookie, { note: `graduate ${i}` })));
    expect(answers.map((a) => a.status)).toEqual(Array(PARALLEL).fill(302));
    expect(count("select count(*) as n from applications where vacancy_id = ?", vacancyId)).toBe(before + PARALLEL);
    const ids = new Set(answers.map((a) => a.location));
    expect(ids.size).toBe(PARALLEL);
  });

  it("parallel profile edits never answer 5xx and never mix two edits", async () => {
    const [vacancyId] = openVacancies(1);
    const graduates = graduatesNotApplied(vacancyId!, 40).slice(30, 35);
    const cookies = await sessionCookiesFor(
      server.dataDir,
      graduates.map((g) => g.userId),
    );
    const edits = cookies.flatMap((cookie, g) =>
      Array.from({ length: 6 }, (_, i) =>
        post("/me/profile", cookie, { intent: "basics", headline: `headline ${g}-${i}`, about: `about ${g}-${i}`, city: "Нарын", visibility: "employers" }),
      ),
    );
    const answers = await Promise.all(edits);
    expect(answers.map((a) => a.status).filter((s) => s !== 302)).toEqual([]);
    for (const [g, graduate] of graduates.entries()) {
      const row = db.prepare("select headline, about from graduates where id = ?").get(graduate.graduateId) as { headline: string; about: string };
      const n = /^headline (\d+-\d+)$/.exec(row.headline)?.[1];
      expect(n, `graduate ${g}`).toMatch(new RegExp(`^${g}-\\d$`));
      expect(row.about).toBe(`about ${n}`);
    }
  });

  it("no request met 'database is locked'", () => {
    expect(server.output()).not.toMatch(/database is locked|SQLITE_BUSY/i);
  });
});
