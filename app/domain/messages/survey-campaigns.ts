// Survey campaigns (docs/product.md §6 and §13, docs/decisions/055-survey-campaigns.md): who of the
// due graduates a campaign can reach, on which channel, and what its page counts. Pure functions.
import type { CampaignReach, MessageChannel, OutboxStatus } from "@db/schema";

/** The message kinds of a campaign: the invitation with the link, and the one reminder. */
export const SURVEY_INVITATION = "survey-invitation";
export const SURVEY_REMINDER = "survey-reminder";
/** Turning either kind off on a channel turns survey messages off there (one topic, decision 055). */
export const SURVEY_KINDS = [SURVEY_INVITATION, SURVEY_REMINDER] as const;

/** What the portal knows about one due graduate's channels. */
export type ChannelFacts = {
  /** A graduate account that is active (a graduate still on the list without an account has no channel). */
  account: boolean;
  emailOptOut: boolean;
  emailFailing: boolean;
  telegramLinked: boolean;
  telegramOptOut: boolean;
  telegramFailing: boolean;
};

export type Reach = { email: boolean; telegram: boolean; reach: CampaignReach };

/**
 * The channels a campaign uses for one graduate. Opted out: a channel that would work was turned
 * off by the person and no other works; no channel: nothing works (no account, a bouncing address,
 * a blocked bot).
 */
export function reachOf(f: ChannelFacts): Reach {
  const email = f.account && !f.emailOptOut && !f.emailFailing;
  const telegram = f.account && f.telegramLinked && !f.telegramOptOut && !f.telegramFailing;
  if (email || telegram) return { email, telegram, reach: "messaged" };
  const optedOut = f.account && ((f.emailOptOut && !f.emailFailing) || (f.telegramLinked && f.telegramOptOut && !f.telegramFailing));
  return { email, telegram, reach: optedOut ? "opted_out" : "no_channel" };
}

/** One channel's state for one graduate on the campaign page. */
export type Delivery = "sent" | "pending" | "failed" | "not_sent" | "none";

/** An outbox row's status as the page says it: still queued is pending; expired is not sent. */
export function deliveryOf(status: OutboxStatus | undefined): Delivery {
  if (status === undefined) return "none";
  if (status === "queued") return "pending";
  if (status === "expired") return "not_sent";
  return status;
}

/** The prefix of a campaign's outbox keys for a kind ("survey-invitation.12."), see idemKeyOf. */
export function campaignKeyPrefix(kind: string, campaignId: number): string {
  return `${kind}.${campaignId}.`;
}

export type MemberSummary = {
  reach: CampaignReach;
  answered: boolean;
  email: Delivery;
  telegram: Delivery;
};

export type CampaignCounts = {
  total: number;
  messaged: number;
  optedOut: number;
  noChannel: number;
  answered: number;
  waiting: number;
  email: Record<Exclude<Delivery, "none">, number>;
  telegram: Record<Exclude<Delivery, "none">, number>;
};

export function countMembers(members: readonly MemberSummary[]): CampaignCounts {
  const zero = () => ({ sent: 0, pending: 0, failed: 0, not_sent: 0 });
  const c: CampaignCounts = { total: 0, messaged: 0, optedOut: 0, noChannel: 0, answered: 0, waiting: 0, email: zero(), telegram: zero() };
  for (const m of members) {
    c.total++;
    if (m.reach === "opted_out") c.optedOut++;
    else if (m.reach === "no_channel") c.noChannel++;
    else {
      c.messaged++;
      if (m.answered) c.answered++;
      else c.waiting++;
    }
    for (const ch of ["email", "telegram"] as const satisfies readonly MessageChannel[]) if (m[ch] !== "none") c[ch][m[ch]]++;
  }
  return c;
}
