// polish: the demo's application histories all shared one minute — every step a model function wrote
// (the apply form's, the employer's moves, interview times proposed and picked) was stamped with the moment
// the demo was made, and a recent application's steps were all pushed onto that moment. The demo reads like
// real weeks now: the seed gives the model functions the time each step happens at (db/seed/slots18.ts),
// and the bulk generator spreads a recent history up to that moment (db/seed/vacancies.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { closeTestDatabases, createDemoTestDatabase } from "../support/db";

let c: Connection;
let seededAt: number;
beforeAll(async () => {
  c = await createDemoTestDatabase();
  seededAt = Date.now();
}, 180_000);
afterAll(closeTestDatabases);

type Event = { application_id: number; id: number; to_status: string; step: string | null; created_at: string };
const events = () =>
  c.sqlite.prepare("select application_id, id, to_status, step, created_at from application_events order by application_id, id").all() as Event[];

describe("the demo's application histories take days", () => {
  it("each step of an application has a time of its own, later than the step before, and none after the demo was made", () => {
    const all = events();
    expect(all.length).toBeGreaterThan(300);
    const problems: string[] = [];
    for (let i = 1; i < all.length; i++) {
      const [before, e] = [all[i - 1]!, all[i]!];
      if (Date.parse(e.created_at) > seededAt) problems.push(`application ${e.application_id}: ${e.to_status} at ${e.created_at}, after the demo was made`);
      if (before.application_id !== e.application_id) continue;
      if (e.created_at.slice(0, 16) <= before.created_at.slice(0, 16))
        problems.push(`application ${e.application_id}: ${before.to_status} ${before.created_at} then ${e.step ?? e.to_status} ${e.created_at}`);
    }
    expect(problems).toEqual([]);
  });

  it("graduate@demo.kg's applications: applied, screened days later, the interview's time picked, an offer a week after", () => {
    const hers = c.sqlite
      .prepare(
        `select e.application_id, e.id, e.to_status, e.step, e.created_at from application_events e join applications a on a.id = e.application_id
           join graduates g on g.id = a.graduate_id join users u on u.id = g.user_id where u.email = 'graduate@demo.kg' order by e.application_id, e.id`,
      )
      .all() as Event[];
    const offered = hers.filter((e) => e.application_id === hers.find((x) => x.to_status === "offer")?.application_id);
    expect(offered.map((e) => e.step ?? e.to_status)).toEqual(["applied", "screening", "interview-proposed", "slot-picked", "offer"]);
    const days = (a: Event, b: Event) => (Date.parse(b.created_at) - Date.parse(a.created_at)) / 86_400_000;
    expect(days(offered[0]!, offered[1]!)).toBeGreaterThanOrEqual(1);
    expect(days(offered[0]!, offered.at(-1)!)).toBeGreaterThanOrEqual(7);
    // Distinct days from the first step to the last.
    expect(new Set(offered.map((e) => e.created_at.slice(0, 10))).size).toBe(offered.length);
  });
});
