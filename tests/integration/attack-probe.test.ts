// Session 14's attack from outside (task probe-sec): the built server on a copy of the demo data,
// attacked over HTTP as a stranger and as each demo role would. Each `describe` is one finding: the
// request that got the wrong answer before the fix, and what it answers now. The list with the
// numbers is in docs/decisions/074-attack-probe-findings.md.
import Database from "better-sqlite3";
import fc from "fast-check";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { nextDay, todayInBishkek } from "~/domain/calendar";
import { CHECKPOINTS } from "~/domain/outcomes/codes";
import { enrolGraduate } from "~/models/invitations.server";
import { createSurveyLink } from "~/models/outcomes.server";
import * as survey from "~/routes/survey.$token";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeCohort, makeUser } from "../support/factories";
import { call, post as remixPost } from "../support/remix";
import { type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";

let server: RunningServer;
let staff: string;
beforeAll(async () => {
  server = await startServer();
  staff = await signInOverHttp(server.url, "staff@demo.kg");
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

function sql<T>(query: string, ...args: unknown[]): T[] {
  const db = new Database(path.join(server.dataDir, "portal.sqlite"), { readonly: true });
  try {
    return db.prepare(query).all(...args) as T[];
  } finally {
    db.close();
  }
}

async function postForm(pathname: string, fields: Record<string, string>, cookie?: string) {
  const res = await fetch(`${server.url}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(fields),
  });
  return { status: res.status, location: res.headers.get("location"), text: await res.text() };
}

/** A fresh one-time survey link for a graduate, made by staff as the outcome page's button makes it. */
async function surveyLinkFor(graduateId: number, checkpoint: string): Promise<string> {
  const res = await postForm(`/staff/outcomes/graduates/${graduateId}`, { intent: "survey", checkpoint }, staff);
  expect(res.status).toBe(200);
  const token = /\/survey\/([A-Za-z0-9_-]{20,})/.exec(res.text)?.[1];
  expect(token, "the survey link on the staff page").toBeTruthy();
  return token!;
}

describe("finding 1: a survey answer whose job starts after the last checkpoint", () => {
  const employed = (startDate: string) => ({
    code: "employed",
    hours: "40",
    employerName: "Bishkek Soft",
    jobTitle: "Тестировщик",
    startDate,
    monthlyPay: "",
    related: "yes",
  });

  it("was a 500 (POST /survey/:token startDate=2099-12-31); now a 400 on the date in the reader's language, typed values kept, link still usable", async () => {
    const [graduate] = sql<{ id: number; graduation_date: string }>(
      `select g.id, c.graduation_date from graduates g join cohorts c on c.id = g.cohort_id
       where g.anonymised_at is null and c.graduation_date < '2024-01-01' order by g.id limit 1`,
    );
    const token = await surveyLinkFor(graduate!.id, "m12");
    const outcomesBefore = sql<{ n: number }>("select count(*) as n from outcomes where graduate_id = ?", graduate!.id)[0]!.n;

    for (const startDate of ["2099-12-31", `${Number(graduate!.graduation_date.slice(0, 4)) + 3}-12-31`]) {
      const res = await postForm(`/survey/${token}?lng=en`, employed(startDate));
      expect(res.status, startDate).toBe(400);
      expect(res.text).toContain("more than three years after your graduation");
      expect(res.text).toContain(`value="${startDate}"`);
      expect(res.text).toContain('value="Bishkek Soft"');
    }
    const ru = await postForm(`/survey/${token}?lng=ru`, employed("2099-12-31"));
    expect(ru.status).toBe(400);
    expect(ru.text).toContain("проверьте год начала работы");
    expect(sql<{ n: number }>("select count(*) as n from outcomes where graduate_id = ?", graduate!.id)[0]!.n).toBe(outcomesBefore);
    expect(
      sql<{ used_at: string | null }>("select used_at from survey_links where graduate_id = ? order by id desc limit 1", graduate!.id)[0]!.used_at,
    ).toBeNull();

    // The same link then takes a real answer: a job begun before the checkpoint.
    const good = await postForm(`/survey/${token}`, employed(graduate!.graduation_date));
    expect(good.status).toBe(302);
    expect(good.location).toMatch(/^\/survey\/thanks/);
  });
});

describe("finding 2: the report builder's downloads printed a small share's hidden count as another share's base", () => {
  /** Rows of /staff/reports.csv in English: the header and each row as heading → cell. */
  async function reportCsvRows(search: string): Promise<Record<string, string>[]> {
    const res = await fetch(`${server.url}/staff/reports.csv?lng=en&${search}`, { headers: { Cookie: staff } });
    expect(res.status).toBe(200);
    const [head, ...lines] = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const split = (line: string) => (line.match(/("([^"]|"")*"|[^;]*)(;|$)/g) ?? []).map((c) => c.replace(/;$/, "").replace(/^"|"$/g, "").replace(/""/g, '"'));
    const names = split(head!);
    return lines.map((line) => Object.fromEntries(split(line).map((v, i) => [names[i]!, v])));
  }

  it("was: 2019 graduates by school at +12 months — a school of 4: 'Employment … small n', and 'HTP share of the employed, denominator' 1; now every base under 10 is left out, but N's", async () => {
    const all = [
      "n",
      "knowledgeRate",
      "careerOutcomesRate",
      "employmentRate",
      "htpPlacementRate",
      "htpShareOfEmployed",
      "relatedEmploymentRate",
      "within6",
      "medianDays",
      "medianPay",
    ];
    const ind = all.map((i) => `ind=${i}`).join("&");
    let smallShares = 0;
    for (const search of [
      "by=school&year=2019&checkpoint=m12",
      "by=cohort&checkpoint=m6",
      "by=sex&year=2020&checkpoint=m12",
      "by=school_region&year=2019&checkpoint=m6",
    ]) {
      for (const row of await reportCsvRows(`${search}&${ind}`)) {
        for (const [heading, value] of Object.entries(row)) {
          if (value === "small n") smallShares += 1;
          // A base column: "…, denominator", median days' base, median pay's n.
          if (!/, (denominator|base|n)$/.test(heading) || value === "" || value === "small n") continue;
          const base = Number(value);
          const isN = /^(Knowledge|Employment \(EQAVET\))/.test(heading);
          expect(isN || base >= 10, `${search}: ${row[Object.keys(row)[0]!]} — ${heading} = ${value}`).toBe(true);
        }
      }
    }
    expect(smallShares, "the demo data has small groups to hide").toBeGreaterThan(10);
  });
});

describe("finding 1 as a class: no start date makes a survey answer a 500", () => {
  let c: Connection;
  beforeAll(async () => {
    c = await createTestDatabase();
  });
  afterAll(closeTestDatabases);

  it("any calendar date from 1990 to 2199, at any checkpoint's link of a past or a recent cohort: a 302 that uses the link for a job begun by tomorrow (Bishkek), or a 400 that writes nothing", async () => {
    const staffUser = await makeUser(c, "staff");
    // A recent cohort too (graduated two months ago): its +6 and +12 checkpoints are still ahead, so a start
    // date next month fell inside a checkpoint and was accepted — a job that had not begun (decision 078).
    const today = todayInBishkek();
    const recent = new Date(Date.parse(`${today}T00:00:00Z`) - 61 * 86_400_000).toISOString().slice(0, 10);
    const cohorts = { "2023-06-30": await makeCohort(c, "2023-06-30"), [recent]: await makeCohort(c, recent) };
    const anyDay = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2199, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
    // Days around today weigh as much as the whole range: the edge of the tolerance is where a fault hides.
    const nearToday = fc.integer({ min: -5, max: 400 }).map((d) => new Date(Date.parse(`${today}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10));
    const day = fc.oneof(anyDay, nearToday);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHECKPOINTS), fc.constantFrom(...Object.keys(cohorts)), day, async (checkpoint, graduated, startDate) => {
        const { graduateId } = await enrolGraduate(c.db, { cohortId: cohorts[graduated]!, firstName: "Айжан", lastName: `Тест${++n}` }, staffUser.id);
        const { token } = await createSurveyLink(c.db, graduateId, checkpoint, staffUser.id);
        const before = snapshot(c);
        const res = await call(
          survey.action,
          remixPost(`/survey/${token}`, {
            code: "employed",
            hours: "40",
            employerName: "Bishkek Soft",
            jobTitle: "Dev",
            startDate,
            monthlyPay: "",
            related: "yes",
          }),
          { token },
        );
        const label = `${graduated} ${checkpoint} ${startDate}`;
        expect([302, 400], label).toContain(res.status);
        if (startDate > nextDay(today)) expect(res.status, `${label}: a job that has not begun`).toBe(400);
        if (res.status === 400) {
          const error = (res.data as { errors: { startDate: string } }).errors.startDate;
          expect(["outcomes.survey.errors.startTooLate", "outcomes.survey.errors.startInFuture"], label).toContain(error);
          if (error === "outcomes.survey.errors.startInFuture") expect(startDate > nextDay(today), label).toBe(true);
          expect(res.data).toMatchObject({ values: { startDate } });
          expect(snapshot(c)).toEqual(before);
        } else {
          const link = await c.db.selectFrom("survey_links").select("used_at").where("graduate_id", "=", graduateId).executeTakeFirstOrThrow();
          expect(link.used_at).not.toBeNull();
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});
