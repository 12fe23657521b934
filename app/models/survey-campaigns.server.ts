// Survey campaigns (docs/product.md §6 and §13, docs/decisions/055-survey-campaigns.md): the due
// graduates of the follow-up list, each sent their own one-time survey link by e-mail and Telegram
// through the outbox in one transaction; the campaign page reads delivery from the outbox and
// answers from the links; one reminder. Queries only.
import { sql } from "kysely";
import type { DB } from "@db/connection";
import type { CampaignReach, MessageChannel, OutboxStatus } from "@db/schema";
import { randomToken, sha256 } from "~/auth/tokens.server";
import type { Checkpoint } from "~/domain/outcomes/codes";
import { campaignKeyPrefix, countMembers, deliveryOf, reachOf, type Reach, SURVEY_INVITATION, SURVEY_REMINDER } from "~/domain/messages/survey-campaigns";
import { SURVEY_LINK_DAYS } from "~/domain/outcomes/records";
import { topicOf } from "~/domain/messages/kinds";
import { pageOf } from "~/domain/paging";
import { recordAudit } from "./audit.server";
import { queueMessage } from "./outbox.server";
import { dueFollowUps, type ScopedFollowUpQuery } from "./outcomes.server";
import { campaignSurveyPlaceholder, campaignSurveyToken } from "~/auth/survey-link-token.server";

/** The most graduates one campaign covers: beyond it staff narrow the list by school or cohort. */
export const CAMPAIGN_MAX = 5000;
/** SQLite binds at most a few thousand values per statement: lists of ids go in slices. */
const SLICE = 500;

function slices<T>(items: readonly T[], size = SLICE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export type PlannedMember = Reach & {
  graduateId: number;
  userId: number | null;
  /** The account's language: the link opens the survey in it. */
  locale: string | null;
  name: string;
  checkpoint: Checkpoint;
  /** An open campaign of another day already holds this graduate's unused link for the checkpoint. */
  invitedIn: number | null;
};

/**
 * Each due graduate of the follow-up list's filters, with the channels a campaign would use. The list's
 * graduates in its order from the follow-up view, then one read per slice for their names and channels
 * and one for open invitations: a school's 5,000 due graduates without the list's page reads (school
 * names, current records, consents) it does not use (decision 071 "Session 14").
 */
async function planMembers(db: DB, query: ScopedFollowUpQuery, now: Date): Promise<{ members: PlannedMember[]; total: number }> {
  const { total, due } = await dueFollowUps(db, { ...query, page: 1 }, CAMPAIGN_MAX);
  if (total > CAMPAIGN_MAX) return { members: [], total };
  const members: PlannedMember[] = [];
  for (const part of slices(due, READ_SLICE)) {
    const ids = part.map((d) => d.id);
    const factOf = new Map((await channelFactsOf(db, ids)).map((f) => [f.id, f]));
    const open = new Map<string, number>();
    // The first open invitation per graduate and checkpoint, as a search of the list would find it.
    for (const o of await openInvitations(db, ids, now))
      if (!open.has(`${o.graduate_id}.${o.checkpoint}`)) open.set(`${o.graduate_id}.${o.checkpoint}`, o.campaign_id);
    for (const d of part) {
      const f = factOf.get(d.id);
      // A graduate removed, or moved to another cohort, since the view's look is left out (as the list leaves them).
      if (!f || f.cohort_id !== d.cohortId) continue;
      const { email, telegram, reach } = reachOfFacts(f);
      members.push({
        email,
        telegram,
        reach,
        graduateId: d.id,
        userId: f.user_id,
        locale: f.locale,
        name: `${f.first_name} ${f.last_name}`,
        checkpoint: d.checkpoint,
        // Open invitations are few: no key is built for the thousands without one.
        invitedIn: open.size === 0 ? null : (open.get(`${d.id}.${d.checkpoint}`) ?? null),
      });
    }
  }
  return { members, total };
}

/** Graduates per read of names and channels: a campaign's whole list in one statement (SQLite binds up to 32,766 values). */
const READ_SLICE = CAMPAIGN_MAX;
const [EMAIL_OPT_OUT, TELEGRAM_OPT_OUT, EMAIL_FAILING, TELEGRAM_FAILING, TELEGRAM_LINKED] = [1, 2, 4, 8, 16];

/**
 * Each graduate's name, cohort and account, and in one number (the bits above) what reachOf needs:
 * one column instead of five per graduate, as a campaign reads thousands.
 */
/** reachOf a row of channelFactsOf. */
function reachOfFacts(f: { user_id: number | null; flags: number }): Reach {
  const flag = (bit: number) => (f.flags & bit) !== 0;
  return reachOf({
    account: f.user_id !== null,
    emailOptOut: flag(EMAIL_OPT_OUT),
    emailFailing: flag(EMAIL_FAILING),
    telegramLinked: flag(TELEGRAM_LINKED),
    telegramOptOut: flag(TELEGRAM_OPT_OUT),
    telegramFailing: flag(TELEGRAM_FAILING),
  });
}

async function channelFactsOf(db: DB, ids: readonly number[]) {
  return db
    .selectFrom("graduates")
    .leftJoin("users", (j) => j.onRef("users.id", "=", "graduates.user_id").on("users.active", "=", 1).on("users.role", "=", "graduate"))
    .select([
      "graduates.id",
      "graduates.first_name",
      "graduates.last_name",
      "graduates.cohort_id",
      "users.id as user_id",
      "users.locale",
      sql<number>`${optedOut("email")} * ${EMAIL_OPT_OUT} + ${optedOut("telegram")} * ${TELEGRAM_OPT_OUT} + ${failing("email")} * ${EMAIL_FAILING}
        + ${failing("telegram")} * ${TELEGRAM_FAILING} + exists (select 1 from telegram_links t where t.user_id = users.id) * ${TELEGRAM_LINKED}`.as("flags"),
    ])
    .where("graduates.id", "in", idList(ids))
    .execute();
}

/** A list of ids as one bound JSON value: thousands of ids without a bound value (and a query node) each. */
const idList = (ids: readonly number[]) => sql<number>`(select value from json_each(${JSON.stringify(ids)}))`;

/**
 * The rows just queued for a campaign's kind on a channel the person turned survey messages off on
 * (either kind: one topic) are settled as not sent, in the same transaction: an unsubscribe from the
 * invitation also stops the reminder there (the worker checks only the message's own kind).
 */
async function closeUnsubscribedRows(db: DB, kind: string, campaignId: number, at: string) {
  const prefix = campaignKeyPrefix(kind, campaignId);
  await db
    .updateTable("outbox")
    .set({ status: "not_sent", last_error: "unsubscribed", updated_at: at })
    .where("idem_key", ">=", prefix)
    .where("idem_key", "<", `${prefix.slice(0, -1)}/`)
    .where("status", "=", "queued")
    .where(
      sql<boolean>`exists (select 1 from message_preferences p where p.user_id = outbox.user_id and p.topic = ${SURVEY_TOPIC}
        and ((outbox.channel = 'email' and p.email = 0) or (outbox.channel = 'telegram' and p.telegram = 0)))`,
    )
    .execute();
}

/** The preference topic of both survey kinds (docs/decisions/053-message-preferences-and-digests.md). */
const SURVEY_TOPIC = topicOf(SURVEY_INVITATION);

/** Whether the person turned survey messages off on the channel (either kind: one topic, decisions 053 and 055). */
function optedOut(channel: MessageChannel) {
  return sql<number>`exists (select 1 from message_preferences p where p.user_id = users.id and p.topic = ${SURVEY_TOPIC} and ${sql.ref(`p.${channel}`)} = 0)`;
}

/** Whether the channel bounced for the person (an address that bounced, a blocked bot). */
function failing(channel: MessageChannel) {
  return sql<number>`exists (select 1 from message_channel_failures f where f.user_id = users.id and f.channel = ${channel})`;
}

export type CampaignPreview =
  | { ok: false; reason: "too-many"; total: number }
  | {
      ok: true;
      total: number;
      byEmail: number;
      byTelegram: number;
      alreadyInvited: number;
      /** Those the campaign cannot message: staff reach them otherwise. */
      unreached: { graduateId: number; name: string; checkpoint: Checkpoint; reach: Exclude<CampaignReach, "messaged"> }[];
    };

/** What a campaign from these filters would do now: the confirm page. */
export async function previewCampaign(db: DB, query: ScopedFollowUpQuery, now = new Date()): Promise<CampaignPreview> {
  const { members, total } = await planMembers(db, query, now);
  if (total > CAMPAIGN_MAX) return { ok: false, reason: "too-many", total };
  const fresh = members.filter((m) => m.invitedIn === null);
  return {
    ok: true,
    total,
    byEmail: fresh.filter((m) => m.email).length,
    byTelegram: fresh.filter((m) => m.telegram).length,
    alreadyInvited: members.length - fresh.length,
    unreached: fresh.flatMap((m) => (m.reach === "messaged" ? [] : [{ graduateId: m.graduateId, name: m.name, checkpoint: m.checkpoint, reach: m.reach }])),
  };
}

export type SendResult = { ok: true; id: number; repeated: boolean } | { ok: false; reason: "too-many" | "nobody" | "unknown-filter" };

/** Graduates per transaction when a campaign's links and messages are written (decision 062). */
export const CAMPAIGN_BATCH = 100;

/**
 * Sends a campaign (docs/decisions/055-survey-campaigns.md, 062-mail-limits-digests-and-batches.md).
 * The due graduates are planned before any write (reads only); then ONE short transaction writes the
 * campaign row marked "sending", a member row for each due graduate not already holding an open
 * campaign link for the checkpoint (re-checked inside it, so two staff at once cannot both invite
 * someone) and the audit entry with the counts; then `finishSending` writes each messaged graduate's
 * own link and outbox messages, CAMPAIGN_BATCH graduates per transaction, and marks it sent. Other
 * writers wait for one batch at most, never for the whole campaign. A crash mid-way leaves it
 * "sending"; the scheduled-jobs runner resumes it (`resumeSendingCampaigns`), and a graduate whose
 * member row has its link is never given a second. The same send key again (a double submit) finds
 * the first campaign and writes nothing new.
 */
export async function sendCampaign(
  db: DB,
  input: { query: ScopedFollowUpQuery; sendKey: string; actorId: number },
  now = new Date(),
  batch = CAMPAIGN_BATCH,
): Promise<SendResult> {
  const opened = await openCampaign(db, input, now);
  if (opened.ok) await finishSending(db, opened.id, now, batch);
  return opened;
}

async function openCampaign(db: DB, input: { query: ScopedFollowUpQuery; sendKey: string; actorId: number }, now: Date): Promise<SendResult> {
  const earlier = async (d: DB) => (await d.selectFrom("survey_campaigns").select("id").where("send_key", "=", input.sendKey).executeTakeFirst())?.id;
  const first = await earlier(db);
  if (first !== undefined) return { ok: true, id: first, repeated: true };
  // A school or cohort that does not exist (deleted since the preview, or a forged form) is refused,
  // never read as "no filter": that would address every due graduate.
  // A school or cohort outside the staff scope is refused the same way (docs/decisions/063-staff-scope.md).
  const { schoolId, cohortId, within } = input.query;
  const inScope = (id: number) => !within || within.includes(id);
  const filtersExist = async (d: DB) =>
    (schoolId === null || (inScope(schoolId) && (await d.selectFrom("schools").select("id").where("id", "=", schoolId).executeTakeFirst()) !== undefined)) &&
    (cohortId === null ||
      (await d
        .selectFrom("cohorts")
        .select("school_id")
        .where("id", "=", cohortId)
        .executeTakeFirst()
        .then((c) => c !== undefined && inScope(c.school_id))));
  if (!(await filtersExist(db))) return { ok: false, reason: "unknown-filter" };
  // Planned outside the transaction: the reads of thousands of graduates do not hold the write lock.
  const { members, total } = await planMembers(db, input.query, now);
  if (total > CAMPAIGN_MAX) return { ok: false, reason: "too-many" };
  return db.transaction().execute(async (trx): Promise<SendResult> => {
    const again = await earlier(trx);
    if (again !== undefined) return { ok: true, id: again, repeated: true };
    if (!(await filtersExist(trx))) return { ok: false, reason: "unknown-filter" };
    // Who got an open link (or is being sent one) since the plan was read: left out, as in the plan.
    const invited = new Set<string>();
    for (const part of slices(members.filter((m) => m.invitedIn === null).map((m) => m.graduateId)))
      for (const o of await openInvitations(trx, part, now)) invited.add(`${o.graduate_id}.${o.checkpoint}`);
    const fresh = members.filter((m) => m.invitedIn === null && !invited.has(`${m.graduateId}.${m.checkpoint}`));
    // A campaign that would message nobody is not made (the unreached are on the confirm page already).
    if (!fresh.some((m) => m.reach === "messaged")) return { ok: false, reason: "nobody" };
    const at = now.toISOString();
    const { id } = await trx
      .insertInto("survey_campaigns")
      .values({
        send_key: input.sendKey,
        school_id: schoolId,
        cohort_id: cohortId,
        created_by: input.actorId,
        status: "sending",
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const part of slices(fresh, 100))
      await trx
        .insertInto("survey_campaign_members")
        .values(
          part.map((m) => ({
            campaign_id: id,
            graduate_id: m.graduateId,
            checkpoint: m.checkpoint,
            // A messaged graduate without an account cannot be (planMembers says so already).
            reach: m.reach === "messaged" && m.userId === null ? ("no_channel" as const) : m.reach,
            survey_link_id: null,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    await recordAudit(trx, {
      actorId: input.actorId,
      action: "survey-campaign.send",
      entity: "survey_campaign",
      entityId: id,
      // Counts, not the list: the campaign page holds who.
      after: {
        school_id: schoolId,
        cohort_id: cohortId,
        members: fresh.length,
        messaged: fresh.filter((m) => m.reach === "messaged").length,
        by_email: fresh.filter((m) => m.email).length,
        by_telegram: fresh.filter((m) => m.telegram).length,
        opted_out: fresh.filter((m) => m.reach === "opted_out").length,
        no_channel: fresh.filter((m) => m.reach === "no_channel").length,
        already_invited: members.length - fresh.length,
      },
    });
    return { ok: true, id, repeated: false };
  });
}

/**
 * Graduates among `ids` who hold an open campaign link (unused, unexpired) or are being sent one by a
 * campaign still "sending" (their member row has no link yet): a new campaign leaves them out.
 */
async function openInvitations(db: DB, ids: readonly number[], now: Date) {
  if (ids.length === 0) return [];
  return db
    .selectFrom("survey_campaign_members as m")
    .innerJoin("survey_campaigns as c", "c.id", "m.campaign_id")
    .leftJoin("survey_links as l", "l.id", "m.survey_link_id")
    .select(["m.graduate_id", "m.checkpoint", "m.campaign_id"])
    .where("m.graduate_id", "in", idList(ids))
    .where((eb) =>
      eb.or([
        eb.and([eb("l.used_at", "is", null), eb("l.expires_at", ">", now.toISOString())]),
        eb.and([eb("m.survey_link_id", "is", null), eb("m.reach", "=", "messaged"), eb("c.status", "=", "sending")]),
      ]),
    )
    .execute();
}

/**
 * Writes the links and messages of a campaign still "sending", a batch of graduates per transaction,
 * then marks it sent. Each batch takes members whose link is not written yet, so running it again
 * (after a crash, or twice at once) gives nobody a second link or message. Returns how many it wrote.
 */
export async function finishSending(db: DB, campaignId: number, now = new Date(), batchSize = CAMPAIGN_BATCH): Promise<number> {
  let written = 0;
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const campaign = await trx.selectFrom("survey_campaigns").select(["status", "created_by", "created_at"]).where("id", "=", campaignId).executeTakeFirst();
      if (!campaign || campaign.status !== "sending") return null;
      const at = now.toISOString();
      const batch = await trx
        .selectFrom("survey_campaign_members as m")
        .innerJoin("graduates as g", "g.id", "m.graduate_id")
        .leftJoin("users as u", (j) => j.onRef("u.id", "=", "g.user_id").on("u.active", "=", 1))
        .select(["m.graduate_id", "m.checkpoint", "u.id as user_id", "u.locale"])
        .where("m.campaign_id", "=", campaignId)
        .where("m.reach", "=", "messaged")
        .where("m.survey_link_id", "is", null)
        .orderBy("m.graduate_id")
        .limit(batchSize)
        .execute();
      if (batch.length === 0) {
        await trx.updateTable("survey_campaigns").set({ status: "sent", updated_at: at }).where("id", "=", campaignId).execute();
        return null;
      }
      // The links expire 30 days after the campaign was sent, whichever batch writes them.
      const expiresAt = new Date(Date.parse(campaign.created_at) + SURVEY_LINK_DAYS * 86_400_000).toISOString();
      for (const m of batch) {
        if (m.user_id === null) {
          // The account went away since the campaign was planned: no channel now.
          await trx
            .updateTable("survey_campaign_members")
            .set({ reach: "no_channel", updated_at: at })
            .where("campaign_id", "=", campaignId)
            .where("graduate_id", "=", m.graduate_id)
            .execute();
          continue;
        }
        // The same one-time link as a staff-made one (survey_links: only the hash is kept, same expiry).
        // Its token is derived from the row's id (app/auth/survey-link-token.server.ts): the row is
        // written first with a placeholder hash nobody holds the token of, then given the real hash.
        const linkId = (
          await trx
            .insertInto("survey_links")
            .values({
              token_hash: sha256(randomToken()),
              graduate_id: m.graduate_id,
              checkpoint: m.checkpoint,
              created_by: campaign.created_by ?? m.user_id,
              expires_at: expiresAt,
            })
            .returning("id")
            .executeTakeFirstOrThrow()
        ).id;
        await trx
          .updateTable("survey_links")
          .set({ token_hash: sha256(campaignSurveyToken(linkId)) })
          .where("id", "=", linkId)
          .execute();
        // The outbox keeps only the link's id; the worker makes the link when it sends.
        await queueMessage(trx, {
          userId: m.user_id,
          kind: SURVEY_INVITATION,
          eventKey: campaignId,
          vars: {},
          link: campaignSurveyPlaceholder(linkId, m.locale),
        });
        await trx
          .updateTable("survey_campaign_members")
          .set({ survey_link_id: linkId, updated_at: at })
          .where("campaign_id", "=", campaignId)
          .where("graduate_id", "=", m.graduate_id)
          .execute();
      }
      await closeUnsubscribedRows(trx, SURVEY_INVITATION, campaignId, at);
      return batch.length;
    });
    if (n === null) return written;
    written += n;
  }
}

/** Campaigns left "sending" (a crash or a stop mid-way): finished by the scheduled-jobs runner. */
export async function resumeSendingCampaigns(db: DB, now = new Date()): Promise<number> {
  const sending = await db.selectFrom("survey_campaigns").select("id").where("status", "=", "sending").orderBy("id").execute();
  let written = 0;
  for (const c of sending) written += await finishSending(db, c.id, now);
  return written;
}

/** The outbox rows of a campaign's kind, by person and channel (the keys' prefix is an index range). */
async function campaignOutbox(db: DB, kind: string, campaignId: number) {
  const prefix = campaignKeyPrefix(kind, campaignId);
  // "." + 1 is "/": every key that starts with the prefix sorts between the two.
  const rows = await db
    .selectFrom("outbox")
    .select(["user_id", "channel", "status", "link"])
    .where("idem_key", ">=", prefix)
    .where("idem_key", "<", `${prefix.slice(0, -1)}/`)
    .where("kind", "=", kind)
    .execute();
  const of = new Map<string, { status: OutboxStatus; link: string | null }>();
  for (const r of rows) of.set(`${r.user_id}.${r.channel}`, { status: r.status, link: r.link });
  return of;
}

/** Graduates per page of a campaign (a campaign may hold thousands; the counts cover them all). */
export const CAMPAIGN_PAGE_SIZE = 100;

/**
 * Whether a campaign is within the staff scope's schools (`within`, null = all): it has a graduate of
 * them and none of another school (docs/decisions/063-staff-scope.md "Outcome pages": a scoped
 * officer's campaigns hold their due graduates alone). `c` is the campaign's alias.
 */
function campaignWithin(within: readonly number[]) {
  const schools = JSON.stringify(within);
  const members = (inside: boolean) =>
    sql`select 1 from survey_campaign_members sm join graduates sg on sg.id = sm.graduate_id join cohorts sc on sc.id = sg.cohort_id
      where sm.campaign_id = c.id and sc.school_id ${inside ? sql`in` : sql`not in`} (select value from json_each(${schools}))`;
  return sql<boolean>`(exists (${members(true)}) and not exists (${members(false)}))`;
}

/** The campaign page: who, reached how, answered or not (one page of them), with the counts of all; null if there is no such campaign or it is outside `within`. */
export async function campaignPage(db: DB, id: number, within: readonly number[] | null, requestedPage = 1, now = new Date()) {
  const campaign = await db
    .selectFrom("survey_campaigns as c")
    .leftJoin("users as u", "u.id", "c.created_by")
    .leftJoin("users as r", "r.id", "c.reminded_by")
    .leftJoin("schools as s", "s.id", "c.school_id")
    .leftJoin("cohorts as co", "co.id", "c.cohort_id")
    .leftJoin("schools as cs", "cs.id", "co.school_id")
    .select([
      "c.id",
      "c.created_at",
      "c.reminded_at",
      "u.display_name as created_by_name",
      "r.display_name as reminded_by_name",
      "s.name_ky as school_ky",
      "s.name_ru as school_ru",
      "s.name_en as school_en",
      "co.graduation_date as cohort_date",
      "cs.name_ky as cohort_ky",
      "cs.name_ru as cohort_ru",
      "cs.name_en as cohort_en",
    ])
    .where("c.id", "=", id)
    .$if(within !== null, (q) => q.where(campaignWithin(within ?? [])))
    .executeTakeFirst();
  if (!campaign) return null;
  const rows = await db
    .selectFrom("survey_campaign_members as m")
    .innerJoin("graduates as g", "g.id", "m.graduate_id")
    .leftJoin("survey_links as l", "l.id", "m.survey_link_id")
    .select(["m.graduate_id", "m.checkpoint", "m.reach", "g.first_name", "g.last_name", "g.user_id", "l.used_at", "l.expires_at"])
    .where("m.campaign_id", "=", id)
    .where("g.anonymised_at", "is", null)
    .orderBy("g.name_sort_key")
    .orderBy("g.id")
    .execute();
  const [invitations, reminders] = await Promise.all([campaignOutbox(db, SURVEY_INVITATION, id), campaignOutbox(db, SURVEY_REMINDER, id)]);
  const at = now.toISOString();
  const members = rows.map((r) => {
    const key = (ch: MessageChannel) => `${r.user_id}.${ch}`;
    return {
      graduateId: r.graduate_id,
      name: `${r.first_name} ${r.last_name}`,
      checkpoint: r.checkpoint,
      reach: r.reach,
      answered: r.used_at !== null,
      expired: r.used_at === null && r.expires_at !== null && r.expires_at <= at,
      email: deliveryOf(invitations.get(key("email"))?.status),
      telegram: deliveryOf(invitations.get(key("telegram"))?.status),
      reminded: reminders.has(key("email")) || reminders.has(key("telegram")),
    };
  });
  const counts = countMembers(members);
  const remindable = members.filter((m) => m.reach === "messaged" && !m.answered && !m.expired).length;
  const { items, page, pages } = pageOf(members, requestedPage, CAMPAIGN_PAGE_SIZE);
  return { campaign, members: items, page, pages, counts, reminded: campaign.reminded_at !== null, remindable };
}

export type ReminderResult = { ok: true; sent: number } | { ok: false; reason: "not-found" | "already" | "nobody" };

/**
 * The one reminder: claims the campaign's reminder (a second post, or two staff at once, finds it
 * taken and writes nothing), then queues a `survey-reminder` with the same link to each messaged
 * graduate who has not answered while the link still works. Audited with the count. One transaction.
 */
export async function sendReminder(db: DB, id: number, actorId: number, within: readonly number[] | null, now = new Date()): Promise<ReminderResult> {
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    // Outside the staff scope's schools (`within`, null = all) the campaign is not found (decision 063).
    const exists = await trx
      .selectFrom("survey_campaigns as c")
      .select(["c.id", "c.reminded_at"])
      .where("c.id", "=", id)
      .$if(within !== null, (q) => q.where(campaignWithin(within ?? [])))
      .executeTakeFirst();
    if (!exists) return { ok: false as const, reason: "not-found" as const };
    if (exists.reminded_at !== null) return { ok: false as const, reason: "already" as const };
    const waiting = await trx
      .selectFrom("survey_campaign_members as m")
      .innerJoin("survey_links as l", "l.id", "m.survey_link_id")
      .innerJoin("graduates as g", "g.id", "m.graduate_id")
      .select(["g.id", "g.user_id"])
      .where("m.campaign_id", "=", id)
      .where("m.reach", "=", "messaged")
      .where("l.used_at", "is", null)
      .where("l.expires_at", ">", at)
      .where("g.anonymised_at", "is", null)
      .execute();
    const invitations = await campaignOutbox(trx, SURVEY_INVITATION, id);
    // Who can still be messaged now: an unsubscribe or a bounce since the invitation counts.
    const reachNow = new Map<number, Reach>();
    for (const part of slices(waiting.map((w) => w.id))) for (const f of await channelFactsOf(trx, part)) reachNow.set(f.id, reachOfFacts(f));
    // The same link as the invitation: its placeholder, copied from the invitation's outbox row (app/auth/survey-link-token.server.ts).
    const toRemind = waiting.flatMap((w) => {
      const link = w.user_id === null ? null : (invitations.get(`${w.user_id}.email`)?.link ?? null);
      return w.user_id !== null && link && reachNow.get(w.id)?.reach === "messaged" ? [{ userId: w.user_id, link }] : [];
    });
    if (toRemind.length === 0) return { ok: false as const, reason: "nobody" as const };
    const claimed = await trx
      .updateTable("survey_campaigns")
      .set({ reminded_at: at, reminded_by: actorId, updated_at: at })
      .where("id", "=", id)
      .where("reminded_at", "is", null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return { ok: false as const, reason: "already" as const };
    for (const r of toRemind) await queueMessage(trx, { userId: r.userId, kind: SURVEY_REMINDER, eventKey: id, vars: {}, link: r.link });
    await closeUnsubscribedRows(trx, SURVEY_REMINDER, id, at);
    await recordAudit(trx, { actorId, action: "survey-campaign.remind", entity: "survey_campaign", entityId: id, after: { reminded: toRemind.length } });
    return { ok: true as const, sent: toRemind.length };
  });
}

/** The campaigns list, newest first, with their counts of graduates and answers; those within the staff scope's schools (`within`, null = all). */
export async function listCampaigns(db: DB, within: readonly number[] | null, limit = 100) {
  const rows = await db
    .selectFrom("survey_campaigns as c")
    .leftJoin("users as u", "u.id", "c.created_by")
    .select((eb) => [
      "c.id",
      "c.created_at",
      "c.reminded_at",
      "u.display_name as created_by_name",
      eb
        .selectFrom("survey_campaign_members as m")
        .select((x) => x.fn.countAll<number>().as("n"))
        .whereRef("m.campaign_id", "=", "c.id")
        .as("members"),
      eb
        .selectFrom("survey_campaign_members as m")
        .select((x) => x.fn.countAll<number>().as("n"))
        .whereRef("m.campaign_id", "=", "c.id")
        .where("m.reach", "=", "messaged")
        .as("messaged"),
      eb
        .selectFrom("survey_campaign_members as m")
        .innerJoin("survey_links as l", "l.id", "m.survey_link_id")
        .select((x) => x.fn.countAll<number>().as("n"))
        .whereRef("m.campaign_id", "=", "c.id")
        .where("l.used_at", "is not", null)
        .as("answered"),
    ])
    .$if(within !== null, (q) => q.where(campaignWithin(within ?? [])))
    .orderBy("c.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, members: Number(r.members ?? 0), messaged: Number(r.messaged ?? 0), answered: Number(r.answered ?? 0) }));
}
