// The demo's survey campaign (db/seed/campaigns.ts, docs/decisions/062-mail-limits-digests-and-batches.md):
// the demo holds one past campaign, made by the staff form's functions, so the campaign pages are
// reached by links from the follow-up list; its messages are marked "not sent: demo" and would never
// be e-mailed (docs/decisions/057-one-way-to-tell.md).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { DEMO_NOT_SENT } from "@db/seed/outbox";
import { removeDemoData } from "@db/seed/demo-removal";
import * as campaignList from "~/routes/staff.outcomes.campaigns._index";
import * as campaignPage from "~/routes/staff.outcomes.campaigns.$id";
import { closeTestDatabases, createDemoTestDatabase } from "../support/db";
import { sessionCookieFor } from "../support/factories";
import { call, get } from "../support/remix";

let c: Connection;
beforeAll(async () => {
  c = await createDemoTestDatabase();
}, 180_000);
afterAll(closeTestDatabases);

describe("the demo's survey campaign", () => {
  it("is a past campaign by the demo staff member, listed and opened from the campaigns page, with graduates messaged, some answered and the reminder sent", async () => {
    const staff = await c.db.selectFrom("users").select("id").where("email", "=", "staff@demo.kg").executeTakeFirstOrThrow();
    const campaigns = await c.db.selectFrom("survey_campaigns").selectAll().execute();
    expect(campaigns).toHaveLength(1);
    const [campaign] = campaigns;
    expect(campaign!.created_by).toBe(staff.id);
    expect(campaign!.cohort_id).not.toBeNull();
    expect(campaign!.created_at < new Date(Date.now() - 7 * 86_400_000).toISOString()).toBe(true);
    expect(campaign!.reminded_at! > campaign!.created_at).toBe(true);

    const cookie = await sessionCookieFor(staff.id);
    const list = await call(campaignList.loader, get("/staff/outcomes/campaigns", { cookie }));
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.data)).toContain(`"id":${campaign!.id}`);
    const page = await call(campaignPage.loader, get(`/staff/outcomes/campaigns/${campaign!.id}`, { cookie }), { id: String(campaign!.id) });
    expect(page.status).toBe(200);
    const { counts, reminded, members } = page.data as {
      counts: Record<string, number>;
      reminded: boolean;
      members: { answered: boolean; reach: string; reminded: boolean }[];
    };
    expect(reminded).toBe(true);
    expect(counts.messaged).toBeGreaterThanOrEqual(5);
    expect(counts.answered).toBeGreaterThan(0);
    expect(counts.answered).toBeLessThan(counts.messaged!);
    // Those who had not answered got the reminder; those who had, did not.
    expect(members.filter((m) => m.reach === "messaged" && !m.answered).every((m) => m.reminded)).toBe(true);
    expect(members.filter((m) => m.answered).some((m) => m.reminded)).toBe(false);
  });

  it("its answers are survey outcomes of the campaign's links, and its messages are marked not sent: demo", async () => {
    const answered = await c.db
      .selectFrom("survey_links as l")
      .innerJoin("survey_campaign_members as m", "m.survey_link_id", "l.id")
      .innerJoin("outcomes as o", "o.id", "l.outcome_id")
      .select(["o.source", "o.graduate_id", "m.graduate_id as member"])
      .where("l.used_at", "is not", null)
      .execute();
    expect(answered.length).toBeGreaterThan(0);
    expect(answered.every((a) => a.source === "survey" && a.graduate_id === a.member)).toBe(true);
    const rows = await c.db
      .selectFrom("outbox")
      .select(["kind", "status", "last_error"])
      .where("kind", "in", ["survey-invitation", "survey-reminder"])
      .execute();
    expect(new Set(rows.map((r) => r.kind))).toEqual(new Set(["survey-invitation", "survey-reminder"]));
    expect(rows.every((r) => r.status === "not_sent" && r.last_error === DEMO_NOT_SENT)).toBe(true);
  });
});

describe("removing the demo", () => {
  it("removes its campaign with the demo staff and graduates", async () => {
    const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "demo-campaign-"));
    removeDemoData(c, { uploadDir });
    expect(await c.db.selectFrom("survey_campaigns").select("id").execute()).toEqual([]);
  });
});
