// Start in seconds (docs/decisions/070-start-in-seconds.md): the server loads the matching index and the
// outcome facts in the background, a slice of graduates per turn of the event loop. Here the real loads
// run on the demo data (900 graduates) with small slices, so warming lasts dozens of turns: /healthz says
// "warming up" and then "ok"; a ranking and the public outcomes asked meanwhile wait and come out exactly
// as from a view loaded at once on another connection, a profile edited mid-load included; a
// synchronous use finishes the load on the spot.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Connection, openDatabase } from "@db/connection";
import { candidateQueryFrom } from "~/domain/matching/queries";
import { candidatesFor, jobsFor } from "~/models/matching.server";
import { matchIndex, matchIndexWarming, warmMatchIndex } from "~/models/matching-index.server";
import { outcomeFactsWarming, warmOutcomeFacts } from "~/models/outcome-facts.server";
import { publicOutcomes } from "~/models/outcome-dashboard.server";
import * as healthz from "~/routes/healthz";
import * as outcomesPage from "~/routes/outcomes";
import { closeTestDatabases, createDemoTestDatabase } from "../support/db";
import { call, get } from "../support/remix";

/** Graduates per step: the demo's 900 graduates take dozens of turns. */
const STEP = 20;

let c: Connection;
let fresh: Connection | null = null;
beforeEach(async () => {
  c = await createDemoTestDatabase();
});
afterEach(() => {
  fresh?.sqlite.close();
  fresh = null;
  closeTestDatabases();
});

const turn = () => new Promise((resolve) => setImmediate(resolve));
const health = async () => {
  const res = await call(healthz.loader, get("/healthz"));
  return { status: res.status, body: res.data };
};

/** An open vacancy of a verified company and a graduate the index ranks, from the database. */
function subjects() {
  const vacancy = c.sqlite
    .prepare("select v.id from vacancies v join companies co on co.id = v.company_id and co.status = 'verified' where v.status = 'open' order by v.id limit 1")
    .pluck()
    .get() as number;
  const graduate = c.sqlite
    .prepare("select id from graduates where user_id is not null and anonymised_at is null order by id desc limit 1")
    .pluck()
    .get() as number;
  return { vacancy, graduate };
}

describe("views loaded in the background at start", () => {
  it("/healthz says warming up, then ok; a ranking and /outcomes asked meanwhile wait and are exact, a mid-load edit included", async () => {
    const { vacancy, graduate } = subjects();
    const warming = Promise.all([warmMatchIndex(c, STEP), warmOutcomeFacts(c, ["m6", "m12"], STEP)]);
    await turn();
    await turn();
    expect(matchIndexWarming(c)).toBe(true);
    expect(outcomeFactsWarming(c)).toBe(true);
    expect(await health()).toEqual({ status: 200, body: { status: "warming up", database: "ok" } });

    // A write while the rows are being read: the last graduate (read last) gains a skill, and
    // the first (already read) changes visibility — both logged past the sequence the load began at.
    const firstGraduate = c.sqlite.prepare("select min(id) from graduates where user_id is not null").pluck().get() as number;
    const skill = c.sqlite
      .prepare("select id from skills where id not in (select skill_id from graduate_skills where graduate_id = ?) limit 1")
      .pluck()
      .get(graduate);
    c.sqlite.prepare("insert into graduate_skills (graduate_id, skill_id, level, source) values (?, ?, 'advanced', 'self')").run(graduate, skill);
    c.sqlite.prepare("update graduates set visibility = 'private' where id = ?").run(firstGraduate);

    // Asked while warming: they wait for the load rather than fail or answer from a half-loaded view.
    const query = candidateQueryFrom(new URL("http://x/?placed=1"));
    const ranking = candidatesFor(c, vacancy, query, "staff");
    const jobs = jobsFor(c, graduate, 1);
    const outcomes = publicOutcomes(c, "m12");
    const page = call(outcomesPage.loader, get("/outcomes"));
    expect(matchIndexWarming(c)).toBe(true);
    const [ranked, jobList, published, outcomesAnswer] = await Promise.all([ranking, jobs, outcomes, page]);
    await warming;
    expect(matchIndexWarming(c) || outcomeFactsWarming(c)).toBe(false);
    expect(await health()).toEqual({ status: 200, body: { status: "ok", database: "ok" } });
    expect(outcomesAnswer.status).toBe(200);

    // The same questions on another connection to the same file, whose views load at once.
    fresh = openDatabase(c.sqlite.name);
    expect(matchIndex(fresh).size).toEqual(matchIndex(c).size);
    expect(
      matchIndex(c)
        .candidate(graduate)!
        .facts.skills.has(skill as number),
    ).toBe(true);
    expect(matchIndex(c).candidate(firstGraduate)!.visibility).toBe("private");
    const expected = await candidatesFor(fresh, vacancy, query, "staff");
    expect(ranked!.count).toBeGreaterThan(0);
    expect(ranked).toEqual(expected);
    expect(jobList).toEqual(await jobsFor(fresh, graduate, 1));
    expect(jobList!.count).toBeGreaterThan(0);
    expect(published).toEqual(await publicOutcomes(fresh, "m12"));
    expect(published.length).toBeGreaterThan(0);
  });

  it("a synchronous use while warming finishes the load on the spot, exactly", async () => {
    const warming = warmMatchIndex(c, STEP);
    await turn();
    expect(matchIndexWarming(c)).toBe(true);
    const index = matchIndex(c);
    expect(matchIndexWarming(c)).toBe(false);
    fresh = openDatabase(c.sqlite.name);
    const all = matchIndex(fresh);
    expect(index.size).toEqual(all.size);
    expect(index.size.candidates).toBeGreaterThan(100);
    await warming;
    expect(matchIndex(c)).toBe(index);
  });
});
