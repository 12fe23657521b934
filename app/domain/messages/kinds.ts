// The registry of every kind of message the portal sends (docs/product.md §13,
// docs/decisions/053-message-preferences-and-digests.md): who receives it, the preference TOPIC it
// belongs to (people choose per topic and channel on /account, not per kind), whether it may be
// turned off, and whether it is an "at once" message or a daily digest. Pure data and rules.
// tests/unit/message-kinds.test.ts fails when a kind is sent anywhere in app/ without a row here.
import type { MessageChannel, Role } from "@db/schema";

/** The channels a person chooses; "only in the portal" is both off (in-app notifications always stay). */
export const PREFERENCE_CHANNELS = ["email", "telegram"] as const satisfies readonly MessageChannel[];

/** "at once": each event is its own message; "digest": one message a day lists them. */
export const DELIVERY_MODES = ["instant", "digest"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

export const MESSAGE_TOPICS = [
  "applications",
  "interviews",
  "saved-searches",
  "new-applications",
  "reviews",
  "surveys",
  "staff-digest",
  "account",
  // talk18: the conversation of an application, for both of its sides (docs/decisions/060-notes-and-conversations.md).
  "conversations",
] as const;
export type MessageTopic = (typeof MESSAGE_TOPICS)[number];

export type TopicRule = {
  /** Whose account page shows the topic. */
  roles: readonly Role[];
  /** False: always sent on every channel the person has (account security, a password reset). Not shown as a choice. */
  optional: boolean;
  /** "choice": the person picks at once or a daily digest; "never": always at once; "only": it is a daily digest itself. */
  digest: "never" | "choice" | "only";
  /** A person who never changed anything gets these (decision 053). */
  defaults: { email: boolean; telegram: boolean; mode: DeliveryMode };
};

const STAFF: readonly Role[] = ["staff", "admin"];
const EVERYONE: readonly Role[] = ["graduate", "employer", "staff", "admin"];

export const TOPICS: Record<MessageTopic, TopicRule> = {
  // Graduates: invitations to apply and every stage move of their applications.
  applications: { roles: ["graduate"], optional: true, digest: "never", defaults: { email: true, telegram: true, mode: "instant" } },
  // Graduates: interview details and the reminder the day before.
  // Employers too since slots (decision 061): the time a candidate picked, with its calendar entry, and cancellations.
  interviews: { roles: ["graduate", "employer"], optional: true, digest: "never", defaults: { email: true, telegram: true, mode: "instant" } },
  // Graduates: new vacancies matching their saved searches; a daily digest unless they ask for each at once.
  "saved-searches": { roles: ["graduate"], optional: true, digest: "choice", defaults: { email: true, telegram: false, mode: "digest" } },
  // Employers: new applications, withdrawals and answers to invitations.
  "new-applications": { roles: ["employer"], optional: true, digest: "choice", defaults: { email: true, telegram: true, mode: "instant" } },
  // Employers: verification of the company and moderation of vacancies, with the reason.
  reviews: { roles: ["employer"], optional: true, digest: "never", defaults: { email: true, telegram: true, mode: "instant" } },
  // Graduates: survey links from the placement office and one reminder.
  surveys: { roles: ["graduate"], optional: true, digest: "never", defaults: { email: true, telegram: true, mode: "instant" } },
  // Staff: what waits for them (companies to verify, vacancies to review, checkpoints due), once a day.
  "staff-digest": { roles: STAFF, optional: true, digest: "only", defaults: { email: true, telegram: false, mode: "digest" } },
  // Everyone: password resets and warnings about the account; cannot be turned off.
  account: { roles: EVERYONE, optional: false, digest: "never", defaults: { email: true, telegram: true, mode: "instant" } },
  // Graduates and employers: a new message in the conversation of an application (who wrote, never the words).
  conversations: { roles: ["graduate", "employer"], optional: true, digest: "never", defaults: { email: true, telegram: true, mode: "instant" } },
};

export type KindRule = {
  topic: MessageTopic;
  /** Who receives it. */
  roles: readonly Role[];
  /** "instant": sent when the event happens (skipped in digest mode); "digest": the daily list itself. */
  form: "instant" | "digest";
};

/** Every kind the portal sends (a kind queued without a row here fails tests/unit/message-kinds.test.ts). */
export const MESSAGE_KINDS = {
  "application-invited": { topic: "applications", roles: ["graduate"], form: "instant" },
  "application-status": { topic: "applications", roles: ["graduate"], form: "instant" },
  "application-received": { topic: "new-applications", roles: ["employer"], form: "instant" },
  "application-withdrawn": { topic: "new-applications", roles: ["employer"], form: "instant" },
  "invitation-accepted": { topic: "new-applications", roles: ["employer"], form: "instant" },
  "invitation-declined": { topic: "new-applications", roles: ["employer"], form: "instant" },
  "applications-digest": { topic: "new-applications", roles: ["employer"], form: "digest" },
  "vacancy-approved": { topic: "reviews", roles: ["employer"], form: "instant" },
  "vacancy-rejected": { topic: "reviews", roles: ["employer"], form: "instant" },
  "company-verified": { topic: "reviews", roles: ["employer"], form: "instant" },
  "company-rejected": { topic: "reviews", roles: ["employer"], form: "instant" },
  "company-identity-approved": { topic: "reviews", roles: ["employer"], form: "instant" },
  "company-identity-rejected": { topic: "reviews", roles: ["employer"], form: "instant" },
  "saved-search-hits": { topic: "saved-searches", roles: ["graduate"], form: "instant" },
  "saved-search-digest": { topic: "saved-searches", roles: ["graduate"], form: "digest" },
  "interview-details": { topic: "interviews", roles: ["graduate"], form: "instant" },
  "interview-reminder": { topic: "interviews", roles: ["graduate"], form: "instant" },
  "survey-invitation": { topic: "surveys", roles: ["graduate"], form: "instant" },
  "survey-reminder": { topic: "surveys", roles: ["graduate"], form: "instant" },
  "staff-digest": { topic: "staff-digest", roles: STAFF, form: "digest" },
  "sign-up-existing": { topic: "account", roles: EVERYONE, form: "instant" },
  "password-reset": { topic: "account", roles: EVERYONE, form: "instant" },
  // talk18 (issue 18 item 4): a message in an application's conversation, to the other side.
  "conversation-message": { topic: "conversations", roles: ["graduate", "employer"], form: "instant" },
  // slots18: interview slots and offers (docs/decisions/061-interview-slots-and-offers.md).
  "interview-proposed": { topic: "interviews", roles: ["graduate"], form: "instant" },
  "interview-rescheduled": { topic: "interviews", roles: ["graduate"], form: "instant" },
  "interview-confirmed": { topic: "interviews", roles: ["graduate"], form: "instant" },
  "interview-slot-picked": { topic: "interviews", roles: ["employer"], form: "instant" },
  "interview-another-time": { topic: "interviews", roles: ["employer"], form: "instant" },
  "interview-cancelled": { topic: "interviews", roles: ["graduate", "employer"], form: "instant" },
  "offer-made": { topic: "applications", roles: ["graduate"], form: "instant" },
  "offer-withdrawn": { topic: "applications", roles: ["graduate"], form: "instant" },
  "offer-accepted": { topic: "new-applications", roles: ["employer"], form: "instant" },
  "offer-declined": { topic: "new-applications", roles: ["employer"], form: "instant" },
  // The applicants list's bulk decisions (docs/decisions/059-bulk-decisions-and-undo.md): a rejection with the
  // company's reason, and the correction sent when an undone decision's message had already gone.
  "application-rejected": { topic: "applications", roles: ["graduate"], form: "instant" },
  "application-correction": { topic: "applications", roles: ["graduate"], form: "instant" },
} as const satisfies Record<string, KindRule>;

export type MessageKind = keyof typeof MESSAGE_KINDS;

export function isMessageKind(kind: string): kind is MessageKind {
  return Object.hasOwn(MESSAGE_KINDS, kind);
}

/** The topic of a kind; an unknown kind (a row written by an older version) counts as "account": never silently dropped. */
export function topicOf(kind: string): MessageTopic {
  return isMessageKind(kind) ? MESSAGE_KINDS[kind].topic : "account";
}

/** Whether a person may turn this kind off (its e-mail then carries an unsubscribe link). */
export function canBeTurnedOff(kind: string): boolean {
  return TOPICS[topicOf(kind)].optional;
}

/** The topics a role sees on its account page: the ones it can change. */
export function topicsFor(role: Role): MessageTopic[] {
  return MESSAGE_TOPICS.filter((t) => TOPICS[t].optional && TOPICS[t].roles.includes(role));
}

/** A person's stored choice for a topic; absent fields take the topic's defaults. */
export type TopicChoice = { email?: boolean; telegram?: boolean; mode?: DeliveryMode };

export type EffectiveChoice = { email: boolean; telegram: boolean; mode: DeliveryMode };

export function effectiveChoice(topic: MessageTopic, stored: TopicChoice | undefined): EffectiveChoice {
  const rule = TOPICS[topic];
  if (!rule.optional) return { ...rule.defaults };
  const mode = rule.digest === "choice" ? (stored?.mode ?? rule.defaults.mode) : rule.digest === "only" ? "digest" : "instant";
  return { email: stored?.email ?? rule.defaults.email, telegram: stored?.telegram ?? rule.defaults.telegram, mode };
}

export type ClosedReason = "unsubscribed" | "digest-mode";

/**
 * The one rule for whether a message of `kind` goes out on `channel` to a person whose stored choice
 * for the kind's topic is `stored` (the worker asks it for every row): null = send. A kind that
 * cannot be turned off is always sent. At once or digest is decided once, when the event happens
 * (`tell`): a message queued at once is sent even if the person switched to the digest since, and a
 * digest even if they switched back — otherwise a switch between the event and the delivery lost it
 * (docs/decisions/062-mail-limits-digests-and-batches.md). "digest-mode" stays for rows settled before.
 */
export function closedReason(kind: string, channel: MessageChannel, stored: TopicChoice | undefined): ClosedReason | null {
  const topic = topicOf(kind);
  if (!TOPICS[topic].optional) return null;
  const choice = effectiveChoice(topic, stored);
  if (!choice[channel]) return "unsubscribed";
  return null;
}
