// A survey campaign written in batches (issue 17 leftovers, item 3; docs/decisions/062-mail-limits-digests-and-batches.md):
// the campaign row is "sending" while its graduates' links and messages are written a batch per
// transaction; a crash mid-way leaves the batches written so far, the runner finishes it, and
// nobody gets a second link or message; a second campaign meanwhile leaves the graduates being sent to alone.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { todayInBishkek } from "~/domain/calendar";
import { resumeSendingCampaigns, sendCampaign } from "~/models/survey-campaigns.server";
import { scheduledJobs } from "~/server/scheduled-jobs";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCohort, makeGraduate, makeUser } from "../support/factories";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

async function dueCohort(n: number) {
  const staff = await makeUser(c, "staff");
  const cohortId = await makeCohort(c, todayInBishkek());
  for (let i = 0; i < n; i++) await makeGraduate(c, { cohortId, firstName: `Айбек${i}`, lastName: "Тест", staffId: staff.id, account: true });
  return { staff, cohortId };
}

const query = (cohortId: number) => ({ schoolId: null, cohortId, page: 1 });
const count = (sql: string) => Number(c.sqlite.prepare(sql).pluck().get());

describe("a campaign written in batches", () => {
  it("writes its graduates' links a batch per transaction, then is marked sent", async () => {
    const { staff, cohortId } = await dueCohort(7);
    // Each transaction's links: counted at every commit.
    const perCommit: number[] = [];
    let before = 0;
    const prepare = c.sqlite.prepare.bind(c.sqlite);
    c.sqlite.prepare = ((source: string) => {
      const st = prepare(source);
      if (/^commit/i.test(source)) {
        const run = st.run.bind(st);
        st.run = ((...args: unknown[]) => {
          const r = run(...(args as []));
          const now = count("select count(*) from survey_links");
          perCommit.push(now - before);
          before = now;
          return r;
        }) as typeof st.run;
      }
      return st;
    }) as typeof c.sqlite.prepare;
    try {
      expect(await sendCampaign(c.db, { query: query(cohortId), sendKey: "k1", actorId: staff.id }, new Date(), 3)).toMatchObject({ ok: true });
    } finally {
      c.sqlite.prepare = prepare;
    }
    expect(perCommit.filter((n) => n > 0)).toEqual([3, 3, 1]);
    expect(count("select count(*) from survey_campaigns where status = 'sent'")).toBe(1);
    expect(count("select count(*) from outbox where kind = 'survey-invitation'")).toBe(7);
    expect(count("select count(*) from survey_campaign_members where survey_link_id is null")).toBe(0);
  });

  it("a crash mid-way: the batches written stay, the campaign stays sending and holds its graduates; the runner finishes it, nobody twice", async () => {
    const { staff, cohortId } = await dueCohort(7);
    // The disk fills after the first batch's three links.
    c.sqlite.exec(
      "create trigger full_disk before insert on survey_links when (select count(*) from survey_links) >= 3 begin select raise(abort, 'disk full'); end",
    );
    await expect(sendCampaign(c.db, { query: query(cohortId), sendKey: "k1", actorId: staff.id }, new Date(), 3)).rejects.toThrow("disk full");
    expect(count("select count(*) from survey_campaigns where status = 'sending'")).toBe(1);
    expect(count("select count(*) from survey_links")).toBe(3);
    expect(count("select count(*) from outbox where kind = 'survey-invitation'")).toBe(3);
    // Another campaign now would invite nobody new: the seven are being sent to.
    expect(await sendCampaign(c.db, { query: query(cohortId), sendKey: "k2", actorId: staff.id })).toEqual({ ok: false, reason: "nobody" });
    c.sqlite.exec("drop trigger full_disk");

    // The runner's next check finishes it (DIGEST_HOUR off: hour 25, no digest is due).
    const runner = scheduledJobs(c.db, { hour: 25, log: () => undefined });
    await runner.runDue();
    await runner.stop();
    expect(count("select count(*) from survey_campaigns where status = 'sent'")).toBe(1);
    expect(count("select count(*) from survey_links")).toBe(7);
    expect(count("select count(distinct graduate_id) from survey_links")).toBe(7);
    expect(count("select count(*) from outbox where kind = 'survey-invitation'")).toBe(7);
    expect(count("select count(distinct user_id) from outbox where kind = 'survey-invitation'")).toBe(7);
    expect(count("select count(*) from survey_campaign_members where survey_link_id is null")).toBe(0);
    // Running it again writes nothing.
    expect(await resumeSendingCampaigns(c.db)).toBe(0);
  });
});
