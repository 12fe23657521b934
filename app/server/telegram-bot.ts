// The Telegram bot (docs/product.md §13, docs/decisions/052-telegram-channel.md): Bot API calls go
// through grammy's Api with the configured apiRoot (a local stand-in in tests, the same code path);
// updates arrive by webhook (routes/telegram.webhook.ts) or long polling (here), and both are
// answered by handleTelegramUpdate. Delivery of the outbox's telegram rows is deliverTelegram.
import crypto from "node:crypto";
import { Api } from "grammy";
import { z } from "zod";
import type { DB } from "@db/connection";
import type { TelegramSettings } from "~/config.server";
import { OUTBOX } from "~/domain/messages/outbox";
import { classifyTelegramFailure, composeTelegram, parseCommand, TELEGRAM } from "~/domain/messages/telegram";
import { serverT } from "~/i18n/catalog.server";
import { DEFAULT_LANG, isLang, type Lang } from "~/i18n/negotiate";
import { chatIdOf, linkChatByToken, retryTelegramAfter, unlinkChat } from "~/models/telegram.server";
import { type ClaimedMessage, markAttemptFailed, markFailed, markNotSent, markSent, recipientOf, recordChannelFailure } from "~/models/outbox.server";

export function telegramApi(settings: TelegramSettings): Api {
  return new Api(settings.token, { apiRoot: settings.apiRoot, timeoutSeconds: TELEGRAM.pollTimeoutS + 10 });
}

/** Sends one text. Rejects with grammy's GrammyError (error_code, description, parameters) or HttpError. */
export type TelegramTransport = { send(chatId: number, text: string): Promise<void> };

export function telegramTransport(api: Api): TelegramTransport {
  return {
    async send(chatId, text) {
      await api.sendMessage(chatId, text, { link_preview_options: { is_disabled: true } });
    },
  };
}

const usernames = new Map<string, Promise<string>>();

/** The bot's username from getMe, asked once per token (a failed answer is asked again next time). */
export function botUsername(settings: TelegramSettings): Promise<string> {
  const key = `${settings.apiRoot} ${settings.token}`;
  let known = usernames.get(key);
  if (!known) {
    known = telegramApi(settings)
      .getMe()
      .then((me) => {
        if (!me.username) throw new Error("getMe: the bot has no username");
        return me.username;
      });
    known.catch(() => usernames.delete(key));
    usernames.set(key, known);
  }
  return known;
}

/** The parts of an update the bot reads; anything else in it is ignored. A body that is not an update is refused. */
const UpdateSchema = z.object({
  update_id: z.number().int().nonnegative(),
  message: z
    .object({
      chat: z.object({ id: z.number().int(), type: z.string().max(32) }),
      from: z.object({ language_code: z.string().max(35).optional() }).optional(),
      text: z.string().max(TELEGRAM.maxText).optional(),
    })
    .optional(),
});

export type TelegramReply = { chat_id: number; text: string };

/** Whether a body is a Bot API update at all (the webhook answers 400 to anything else, writing nothing). */
export function isTelegramUpdate(body: unknown): boolean {
  return UpdateSchema.safeParse(body).success;
}

function langOf(locale: string | null | undefined): Lang {
  const short = locale?.slice(0, 2).toLowerCase();
  return short && isLang(short) ? short : DEFAULT_LANG;
}

/**
 * One update: "/start <token>" links the chat, "/stop" unlinks it; the answer is in the linked
 * person's language, or the chat's own (Telegram's language_code) when nobody is linked. Only
 * private chats link: a group must not receive one person's messages.
 */
export async function handleTelegramUpdate(db: DB, body: unknown, now: Date): Promise<TelegramReply | null> {
  const parsed = UpdateSchema.safeParse(body);
  if (!parsed.success || !parsed.data.message?.text) return null;
  const { chat, from, text } = parsed.data.message;
  const chatLang = langOf(from?.language_code);
  const command = parseCommand(text!);
  const reply = (lang: Lang, key: Parameters<ReturnType<typeof serverT>>[0]) => {
    const t = serverT(lang);
    return { chat_id: chat.id, text: t(key, { portal: t("brand.name") }) };
  };
  if (chat.type !== "private") return command.command === "other" ? null : reply(chatLang, "telegram.privateOnly");
  if (command.command === "start") {
    const linked = command.token ? await linkChatByToken(db, command.token, chat.id, now) : null;
    return linked ? reply(langOf(linked.locale), "telegram.linked") : reply(chatLang, command.token ? "telegram.badToken" : "telegram.notLinked");
  }
  if (command.command === "stop") {
    const was = await unlinkChat(db, chat.id);
    return was ? reply(langOf(was.locale), "telegram.stopped") : reply(chatLang, "telegram.notLinked");
  }
  return reply(chatLang, "telegram.help");
}

/** The webhook's secret header, compared in constant time. */
export function webhookSecretMatches(given: string, expected: string): boolean {
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export type DeliveryTally = { sent: number; retried: number; failed: number; notSent: number };

/**
 * Delivers one claimed telegram row (the worker's dispatch by channel, app/server/outbox-worker.ts).
 * A blocked bot marks the person's channel failing and stops; a 429 waits for retry_after.
 */
export async function deliverTelegram(
  db: DB,
  m: ClaimedMessage,
  result: DeliveryTally,
  options: { telegram: TelegramTransport | null; publicUrl: string; now: () => Date },
): Promise<void> {
  const now = options.now;
  if (!options.telegram) {
    await markNotSent(db, m, "no-channel", now());
    result.notSent++;
    return;
  }
  const who = await recipientOf(db, m.user_id, m.kind, "telegram");
  const chatId = who ? await chatIdOf(db, m.user_id) : null;
  const closed = !who || !who.active ? "no-address" : who.closed ? who.closed : who.failing ? "channel-failing" : chatId === null ? "telegram-unlinked" : null;
  if (closed || chatId === null || !who) {
    await markNotSent(db, m, closed ?? "no-address", now());
    result.notSent++;
    return;
  }
  const text = composeTelegram(serverT(langOf(who.locale)), {
    lang: langOf(who.locale),
    kind: m.kind,
    vars: JSON.parse(m.payload_json) as Record<string, string | number>,
    link: m.link,
    publicUrl: options.publicUrl,
  });
  try {
    await options.telegram.send(chatId, text);
  } catch (error) {
    const verdict = classifyTelegramFailure(error as Record<string, unknown>);
    if (verdict.permanent) {
      await db.transaction().execute(async (trx) => {
        await markFailed(trx, m, verdict.reason, now());
        if (verdict.channelGone) await recordChannelFailure(trx, m.user_id, "telegram", verdict.reason);
      });
      result.failed++;
    } else {
      if (verdict.retryAfterMs !== null) await retryTelegramAfter(db, m, verdict.reason, now(), verdict.retryAfterMs);
      else await markAttemptFailed(db, m, verdict.reason, now());
      result[m.attempts >= OUTBOX.maxAttempts ? "failed" : "retried"]++;
    }
    return;
  }
  await markSent(db, m, now());
  result.sent++;
}

/**
 * Long polling (the default, decision 052): getUpdates in a loop, each update answered in turn. The
 * offset moves past an update only after it was handled, so a crash handles it again (linking twice
 * with the same token is refused; unlinking twice is harmless).
 */
export function longPolling(db: DB, api: Api, log: (line: string) => void = console.log) {
  let stopped = false;
  const abort = new AbortController();
  // grammy types its signal as the abort-controller package's; node-fetch accepts Node's own.
  const signal = abort.signal as unknown as Parameters<Api["getUpdates"]>[1];
  let loop: Promise<void> | undefined;
  async function run(): Promise<void> {
    let offset = 0;
    // A webhook set earlier makes getUpdates fail with 409: polling means no webhook.
    await api.deleteWebhook({ drop_pending_updates: false }, signal).catch(() => undefined);
    while (!stopped) {
      try {
        const updates = await api.getUpdates({ offset, timeout: TELEGRAM.pollTimeoutS, allowed_updates: ["message"] }, signal);
        for (const u of updates) {
          const reply = await handleTelegramUpdate(db, u, new Date());
          if (reply) await api.sendMessage(reply.chat_id, reply.text).catch((e: unknown) => log(`telegram: the reply was not sent: ${String(e)}`));
          offset = u.update_id + 1;
        }
      } catch (error) {
        if (stopped) break;
        log(`telegram: getUpdates failed, trying again in 5 s: ${String(error)}`);
        await new Promise((r) => setTimeout(r, 5000).unref());
      }
    }
  }
  return {
    start() {
      loop = run();
    },
    async stop() {
      stopped = true;
      abort.abort();
      await loop?.catch(() => undefined);
    },
  };
}

/**
 * The bot in the server process: the worker's transport, and updates by webhook (TELEGRAM_WEBHOOK_SECRET
 * set: setWebhook to PUBLIC_URL/telegram/webhook) or else long polling (decision 052). A Bot API that
 * does not answer at start is logged, never fatal: messages wait in the outbox.
 */
export function startTelegram(db: DB, settings: TelegramSettings, publicUrl: string, log: (line: string) => void = console.log) {
  const api = telegramApi(settings);
  const polling = settings.webhookSecret ? null : longPolling(db, api, log);
  if (settings.webhookSecret) {
    api.setWebhook(`${publicUrl}/telegram/webhook`, { secret_token: settings.webhookSecret, allowed_updates: ["message"] }).then(
      () => log(`telegram: updates come by webhook to ${publicUrl}/telegram/webhook`),
      (e: unknown) => log(`telegram: setWebhook failed (the bot will not hear /start until it succeeds on a restart): ${String(e)}`),
    );
  } else {
    polling!.start();
    log("telegram: updates come by long polling (getUpdates)");
  }
  return { transport: telegramTransport(api), stop: async () => polling?.stop() };
}
