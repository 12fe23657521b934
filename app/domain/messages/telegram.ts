// Telegram as a message channel (docs/product.md §13, docs/decisions/052-telegram-channel.md): the
// text of a message, what a Bot API failure means for it, and the bot's commands. Pure functions.
import type { Lang } from "~/i18n/negotiate";
import type { T } from "~/i18n/translate";
import { digestLines } from "./digest";
import { readableVars } from "./email";

export const TELEGRAM = {
  /** How long a deep link's token links a chat (it is shown once, on the account page). */
  linkTokenMs: 30 * 60_000,
  /** Telegram's longest text message. */
  maxText: 4096,
  /** Long polling: how long one getUpdates call waits for updates, in seconds. */
  pollTimeoutS: 25,
} as const;

/** A deep-link token: 32 random bytes in base64url (43 characters; Telegram allows A-Z a-z 0-9 _ - up to 64). */
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function deepLink(botUsername: string, token: string): string {
  return `https://t.me/${encodeURIComponent(botUsername)}?start=${token}`;
}

export type BotCommand = { command: "start"; token: string | null } | { command: "stop" } | { command: "other" };

/** "/start <token>", "/start@portal_bot <token>", "/stop"; anything else is "other". */
export function parseCommand(text: string): BotCommand {
  const m = /^\/(start|stop)(?:@[A-Za-z0-9_]+)?(?:\s+(\S+))?\s*$/.exec(text.trim());
  if (!m) return { command: "other" };
  if (m[1] === "stop") return { command: "stop" };
  const token = m[2] ?? null;
  return { command: "start", token: token !== null && LINK_TOKEN_PATTERN.test(token) ? token : null };
}

/** An outbox message as a Telegram text: the sentence in the reader's language and the link back. Plain text, no markup to escape. */
export function composeTelegram(t: T, m: { kind: string; vars: Record<string, string | number>; link: string | null; publicUrl: string; lang?: Lang }): string {
  const vars = readableVars(t, m.kind, m.vars, m.lang);
  const key = `notify.${m.kind}`;
  const sentence = t.has(key) ? t(key, vars) : t("brand.name");
  const url = m.link ? new URL(m.link, m.publicUrl).href : m.publicUrl;
  // A digest's lines under the sentence (app/domain/messages/digest.ts).
  const lines = digestLines(t, m.vars, m.publicUrl).map((l) => `• ${l.text}${l.url ? `\n  ${l.url}` : ""}`);
  let text = `${[sentence, ...lines].join("\n")}\n\n${t("telegram.open")}: ${url}`;
  // A long digest drops its last lines rather than its link (the portal lists them all).
  while (text.length > TELEGRAM.maxText && lines.length > 0) {
    lines.pop();
    text = `${[sentence, ...lines, "…"].join("\n")}\n\n${t("telegram.open")}: ${url}`;
  }
  return text.length > TELEGRAM.maxText ? `${sentence.slice(0, TELEGRAM.maxText - url.length - 4)}…\n\n${url}` : text;
}

/**
 * What a failed Bot API call means. 403 (the person blocked the bot, or deleted their account) and
 * 400 "chat not found": the chat is gone, the channel fails for the person, no retry. 429: try again
 * after retry_after. 5xx, a network error, a timeout: try again with the outbox's backoff. Any other
 * 4xx (401 a revoked token …) is the portal's fault, not the person's: try again later too.
 */
export type TelegramVerdict = { permanent: boolean; channelGone: boolean; retryAfterMs: number | null; reason: string };

export function classifyTelegramFailure(error: { error_code?: unknown; description?: unknown; parameters?: unknown; message?: unknown }): TelegramVerdict {
  const code = typeof error.error_code === "number" ? error.error_code : null;
  const said = typeof error.description === "string" ? error.description : typeof error.message === "string" ? error.message : "unknown error";
  const reason = `${code ?? "network"}: ${said}`.slice(0, 500);
  const params = (error.parameters ?? {}) as { retry_after?: unknown };
  if (code === 403 || (code === 400 && /chat not found|user is deactivated/i.test(said)))
    return { permanent: true, channelGone: true, retryAfterMs: null, reason };
  if (code === 429) {
    const s = typeof params.retry_after === "number" && params.retry_after > 0 ? Math.min(params.retry_after, 24 * 3600) : 1;
    return { permanent: false, channelGone: false, retryAfterMs: s * 1000, reason };
  }
  if (code === 400) return { permanent: true, channelGone: false, retryAfterMs: null, reason };
  return { permanent: false, channelGone: false, retryAfterMs: null, reason };
}
