// The demo's survey campaign (docs/product.md §6 and §13, docs/decisions/055-survey-campaigns.md):
// one campaign staff sent some days ago to the due graduates of one cohort, a few of whom answered
// through their link, and its one reminder — made by the functions the staff forms and the survey
// page call, so the campaign pages show what a real one looks like. Its messages are marked "not
// sent: demo" like the demo's other outbox rows (docs/decisions/057-one-way-to-tell.md): demo
// addresses are never e-mailed.
import type { DB } from "../connection";
import { campaignSurveyToken } from "../../app/auth/survey-link-token.server";
import { SurveyAnswerSchema } from "../../app/domain/outcomes/forms";
import { todayInBishkek } from "../../app/domain/calendar";
import { answerSurvey, listFollowUps } from "../../app/models/outcomes.server";
import { CAMPAIGN_MAX, sendCampaign, sendReminder } from "../../app/models/survey-campaigns.server";
import { markDemoMessagesNotSent } from "./outbox";

const DAY_MS = 86_400_000;
/** The campaign went this many days ago, its reminder this many days after it. */
const SENT_DAYS_AGO = 9;
const REMINDED_AFTER_DAYS = 5;
/** What the graduates who answered said (each a survey answer without job details), in turn. */
const ANSWERS = ["seeking", "education", "seeking", "not_seeking", "military"] as const;

/**
 * Sends the campaign for the cohort with the most due graduates who have an account (whose
 * checkpoint had come when it was sent), lets every third messaged graduate answer in the days after,
 * and sends the reminder. Returns the campaign's id, or null when no cohort fits (a tiny data set).
 */
export async function seedSurveyCampaign(db: DB, staffId: number, now: Date): Promise<number | null> {
  const sentAt = new Date(now.getTime() - SENT_DAYS_AGO * DAY_MS);
  const { rows } = await listFollowUps(db, { schoolId: null, cohortId: null, page: 1 }, todayInBishkek(now), CAMPAIGN_MAX);
  const accounts = new Set(
    (
      await db
        .selectFrom("graduates")
        .select("id")
        .where("user_id", "is not", null)
        .where(
          "id",
          "in",
          rows.map((r) => r.id),
        )
        .execute()
    ).map((g) => g.id),
  );
  const reachable = new Map<number, number>();
  for (const r of rows)
    if (accounts.has(r.id) && r.checkpoint_date <= todayInBishkek(sentAt)) reachable.set(r.cohort_id, (reachable.get(r.cohort_id) ?? 0) + 1);
  const cohortId = [...reachable].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  if (cohortId === undefined) return null;

  const sent = await sendCampaign(db, { query: { schoolId: null, cohortId, page: 1 }, sendKey: "demo-campaign", actorId: staffId }, sentAt);
  if (!sent.ok) return null;
  const links = await db
    .selectFrom("survey_campaign_members")
    .select("survey_link_id")
    .where("campaign_id", "=", sent.id)
    .where("reach", "=", "messaged")
    .where("survey_link_id", "is not", null)
    .orderBy("graduate_id")
    .execute();
  // Every third one answered within a few days, through their own link (as the survey page does).
  for (const [i, m] of links.entries()) {
    if (i % 3 !== 0) continue;
    const answeredAt = new Date(sentAt.getTime() + (1 + (i % 4)) * DAY_MS);
    const answer = SurveyAnswerSchema.parse({ code: ANSWERS[(i / 3) % ANSWERS.length] });
    await answerSurvey(db, campaignSurveyToken(m.survey_link_id!), answer, answeredAt);
  }
  await sendReminder(db, sent.id, staffId, null, new Date(sentAt.getTime() + REMINDED_AFTER_DAYS * DAY_MS));
  await markDemoMessagesNotSent(db);
  return sent.id;
}
