// One calendar (app/domain/calendar.ts): "today" is the Bishkek date everywhere. Between 00:00
// and 06:00 in Bishkek (18:00–24:00 UTC) the UTC date is still yesterday: the window where the
// three ways of computing "today" that the portal used to have disagreed.
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { bishkekDayStartUtc, monthInBishkek, nextDay, todayInBishkek } from "~/domain/calendar";
import { openVacancy } from "~/models/applications.server";
import { listAudit } from "~/models/audit.server";
import { listFollowUps } from "~/models/outcomes.server";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCompany, makeUser, makeVacancy } from "../support/factories";

afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => closeTestDatabases());

/** 02:30 on 10 March 2026 in Bishkek; 20:30 on 9 March in UTC. */
const EARLY_MORNING = new Date("2026-03-09T20:30:00.000Z");

describe("todayInBishkek", () => {
  it("is the Bishkek date, also in the hours when the UTC date is still yesterday", () => {
    expect(todayInBishkek(new Date("2026-03-09T17:59:59.999Z"))).toBe("2026-03-09");
    expect(todayInBishkek(new Date("2026-03-09T18:00:00.000Z"))).toBe("2026-03-10");
    expect(todayInBishkek(EARLY_MORNING)).toBe("2026-03-10");
    expect(todayInBishkek(new Date("2026-12-31T19:00:00.000Z"))).toBe("2027-01-01");
    expect(monthInBishkek(new Date("2026-03-31T18:30:00.000Z"))).toBe("2026-04");
    expect(todayInBishkek(new Date("2024-02-28T18:00:00.000Z"))).toBe("2024-02-29");
  });

  it("agrees with the time-zone database for Asia/Bishkek at any instant since 2006", () => {
    const tz = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Bishkek", year: "numeric", month: "2-digit", day: "2-digit" });
    const from = Date.UTC(2006, 0, 1);
    const to = Date.UTC(2040, 0, 1);
    for (let i = 0; i < 5000; i++) {
      const instant = from + Math.floor((((i * 2654435761) % 1_000_003) / 1_000_003) * (to - from));
      expect(todayInBishkek(instant), new Date(instant).toISOString()).toBe(tz.format(instant));
    }
  });

  it("a Bishkek day is 18:00 UTC to 18:00 UTC", () => {
    expect(bishkekDayStartUtc("2026-03-10")).toBe("2026-03-09T18:00:00.000Z");
    expect(nextDay("2026-02-28")).toBe("2026-03-01");
    expect(todayInBishkek(new Date(bishkekDayStartUtc("2026-03-10")))).toBe("2026-03-10");
  });
});

describe("with the clock at 02:30 in Bishkek (still yesterday in UTC)", () => {
  it("a vacancy whose deadline was yesterday takes no more applications", async () => {
    const c = await createTestDatabase();
    const owner = await makeUser(c, "employer");
    const companyId = await makeCompany(c, owner.id);
    const vacancy = async (deadline: string) => ({
      id: await makeVacancy(c, companyId, { title: "QA", description: "Тесттер", workMode: "onsite", deadline, publishedAt: "2026-03-01T00:00:00.000Z" }),
    });
    const yesterday = await vacancy("2026-03-09");
    const today = await vacancy("2026-03-10");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(EARLY_MORNING);
    expect(await openVacancy(c.db, yesterday.id)).toBeUndefined();
    expect((await openVacancy(c.db, today.id))?.id).toBe(today.id);
  });

  it("a cohort that graduates today is on the follow-up list today", async () => {
    const c = await createTestDatabase();
    const school = await c.db.selectFrom("schools").select("id").orderBy("id").executeTakeFirstOrThrow();
    const { id: cohortId } = await c.db
      .insertInto("cohorts")
      .values({ school_id: school.id, graduation_date: "2026-03-10" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { id: graduateId } = await c.db
      .insertInto("graduates")
      .values({ cohort_id: cohortId, first_name: "Айгүл", last_name: "Токтосунова" })
      .returning("id")
      .executeTakeFirstOrThrow();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(EARLY_MORNING);
    const found = await listFollowUps(c.db, { schoolId: null, cohortId, page: 1 });
    expect(found.rows.map((r) => r.id)).toEqual([graduateId]);
  });

  it("the audit filter for today finds what happened since midnight in Bishkek", async () => {
    const c = await createTestDatabase();
    await c.db
      .insertInto("audit_log")
      .values({
        actor_user_id: null,
        action: "cohort.create",
        entity: "cohort",
        entity_id: "1",
        created_at: "2026-03-09T18:30:00.000Z",
        updated_at: "2026-03-09T18:30:00.000Z",
      })
      .execute();
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(EARLY_MORNING);
    const today = todayInBishkek();
    const page = await listAudit(c.db, { actorId: null, action: null, entity: null, entityId: null, from: today, to: today }, 1, {
      userId: 0,
      schoolIds: null,
    });
    expect(page.total).toBe(1);
  });
});

describe("the code", () => {
  // The ways "today" used to be computed, each right only in some hours; the one place allowed is app/domain/calendar.ts.
  const FORBIDDEN: [RegExp, string][] = [
    [/new Date\(\)\.toISOString\(\)\.slice\(0,\s*(7|10)\)/, "the UTC date of now"],
    [/\bnow\.toISOString\(\)\.slice\(0,\s*(7|10)\)/, "the UTC date of now"],
    // The demo generator kept "now" as an ISO string and took its UTC date (the demo's deadlines went past at 00:00 in Bishkek).
    [/\bnow\.slice\(0,\s*(7|10)\)/, "the UTC date of now"],
    [/Date\.now\(\)\s*\+\s*6\s*\*\s*36/, "a hand-made Bishkek offset"],
    // A named offset constant is the same second calendar (employer-links had one after the merge of issue 13).
    [/\b6\s*\*\s*(3_?600_?000|60\s*\*\s*60\s*\*\s*1_?000)\b|\b21_?600_?000\b/, "a hand-made Bishkek offset"],
    [/timeZone:\s*"Asia\/Bishkek"/, "a second Bishkek calendar"],
  ];
  const ALLOWED = new Set(["app/domain/calendar.ts", "app/i18n/format.ts"]);
  const files = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));

  it("computes today's date only through app/domain/calendar.ts, in the app and in the demo generator", () => {
    const offenders: string[] = [];
    // The demo generator (db/) makes what the forms check, so it keeps the same calendar.
    for (const file of [...files("app"), ...files("db")]) {
      if (ALLOWED.has(file.split(path.sep).join("/"))) continue;
      const lines = fs.readFileSync(file, "utf8").split("\n");
      lines.forEach((line, i) => {
        for (const [pattern, what] of FORBIDDEN) if (pattern.test(line)) offenders.push(`${file}:${i + 1} ${what}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});
