// The account page's "Messages" form (docs/decisions/053-message-preferences-and-digests.md):
// checkboxes named by channel ("email", "telegram") and "digest", each valued with a topic, so
// "only in the portal" is a topic with no box ticked. Reads the posted values against the topics
// the person's role may change; anything else is refused whole (a 400, nothing saved). Pure.
import type { Role } from "@db/schema";
import { type EffectiveChoice, type MessageTopic, TOPICS, topicsFor } from "./kinds";

export type PostedPreferences = { email: string[]; telegram: string[]; digest: string[] };

export type PreferencesParse = { ok: true; choices: Partial<Record<MessageTopic, EffectiveChoice>> } | { ok: false; posted: PostedPreferences };

/** At most this many values per field: one per topic, a few to spare; more is not a form this page made. */
const MAX_VALUES = 20;

export function readPostedPreferences(form: FormData): PostedPreferences {
  const strings = (name: string) =>
    form
      .getAll(name)
      .slice(0, MAX_VALUES + 1)
      .map((v) => (typeof v === "string" ? v.slice(0, 60) : ""));
  return { email: strings("email"), telegram: strings("telegram"), digest: strings("digest") };
}

/**
 * The choices for each topic the role sees. `telegramShown`: the Telegram boxes were on the page
 * (a bot is configured and the person linked a chat); when not, the stored Telegram choice stays.
 */
export function parsePreferences(
  role: Role,
  posted: PostedPreferences,
  current: Record<MessageTopic, EffectiveChoice>,
  telegramShown: boolean,
): PreferencesParse {
  const topics: readonly string[] = topicsFor(role);
  const digestTopics = topics.filter((t) => TOPICS[t as MessageTopic].digest === "choice");
  const fits = (values: string[], allowed: readonly string[]) => values.length <= MAX_VALUES && values.every((v) => allowed.includes(v));
  if (!fits(posted.email, topics) || !fits(posted.telegram, telegramShown ? topics : []) || !fits(posted.digest, digestTopics)) return { ok: false, posted };
  const choices: Partial<Record<MessageTopic, EffectiveChoice>> = {};
  for (const topic of topicsFor(role)) {
    const rule = TOPICS[topic];
    choices[topic] = {
      email: posted.email.includes(topic),
      telegram: telegramShown ? posted.telegram.includes(topic) : current[topic].telegram,
      mode: rule.digest === "choice" ? (posted.digest.includes(topic) ? "digest" : "instant") : rule.digest === "only" ? "digest" : "instant",
    };
  }
  return { ok: true, choices };
}
