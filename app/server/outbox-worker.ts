// The outbox worker (docs/product.md §13, docs/decisions/051-outbox.md): runs inside the server
// process, claims due messages under a lease, delivers them and records what happened. Pages only
// write the outbox (one insert in their own transaction); nothing here ever runs inside a request.
import { Worker } from "node:worker_threads";
import MailComposer from "nodemailer/lib/mail-composer";
import { type DB, sqliteOf } from "@db/connection";
import { durableOffTheLoop } from "@db/durable-commit";
import type { SmtpSettings } from "~/config.server";
import { unsubscribeToken } from "~/auth/unsubscribe-token.server";
import { linkAsSent } from "~/auth/survey-link-token.server";
import { composeEmail } from "~/domain/messages/email";
import { interviewCalendar } from "~/domain/messages/interview";
import { classifySmtpFailure, messageIdFor, nextTick, OUTBOX } from "~/domain/messages/outbox";
import { serverT } from "~/i18n/catalog.server";
import { DEFAULT_LANG, isLang, type Lang } from "~/i18n/negotiate";
import {
  type ClaimedMessage,
  claimDueMessages,
  expireStaleMessages,
  markAttemptFailed,
  markFailed,
  markNotSent,
  recipientOf,
  recipientsOf,
  recordChannelFailure,
  sentMarker,
} from "~/models/outbox.server";
import { PASSWORD_RESET_KIND } from "~/domain/messages/password-reset";
import { canBeTurnedOff } from "~/domain/messages/kinds";
import { issueEmailedResetLink } from "~/models/password-resets.server";
import { buildMime, type OutgoingEmail } from "./mime";
import { smtpConnections } from "./smtp-connections";
import { deliverTelegram, type TelegramTransport } from "./telegram-bot";

/** The path of an e-mailed reset link (the page opens in the e-mail's language), or undefined when the link can no longer be used. */
async function emailedResetLink(db: DB, m: ClaimedMessage, lang: string, now: Date): Promise<string | undefined> {
  const { reset } = JSON.parse(m.payload_json) as { reset?: unknown };
  if (typeof reset !== "number") return undefined;
  const path = await issueEmailedResetLink(db, reset, m.user_id, now);
  return path ? `${path}?lng=${lang}` : undefined;
}

export type { OutgoingEmail };

/**
 * An e-mail as the worker hands it over: what the outbox row and its recipient say, not yet written
 * out. The texts, the .ics and the MIME message are made from it by `composeOutgoing` where the mail
 * is sent — in the SMTP thread in production, off the pages' event loop (decision 051, "Session 14":
 * composing was a third of the main thread's CPU a message). A structured-clone-safe plain object.
 */
export type EmailRequest = {
  to: string;
  recipientName: string;
  lang: Lang;
  kind: string;
  /** The row's variables as stored (read where the e-mail is composed). */
  payloadJson: string;
  /** The link in the text, already made usable (decisions 054, 055). */
  link: string | null;
  /** The row's own link: an interview's calendar entry carries it (decision 056). */
  rowLink: string | null;
  publicUrl: string;
  /** Null for a kind that cannot be turned off (decisions 053, 054): no List-Unsubscribe, no footer link. */
  unsubscribeUrl: string | null;
  /** The idempotency key's Message-ID. */
  messageId: string;
};

/** The e-mail of a request, in the recipient's language; `from` (MAIL_FROM) is the organizer of an interview's calendar entry. */
export function composeOutgoing(r: EmailRequest, from: string | undefined): OutgoingEmail {
  const t = serverT(r.lang);
  const vars = JSON.parse(r.payloadJson) as Record<string, string | number>;
  const mail = composeEmail(t, r.lang, {
    kind: r.kind,
    vars,
    link: r.link,
    recipientName: r.recipientName,
    publicUrl: r.publicUrl,
    unsubscribeUrl: r.unsubscribeUrl,
  });
  // An interview's details carry its .ics, rebuilt from the row (docs/decisions/056-interview-messages.md).
  const calendar = interviewCalendar(t, r.lang, {
    kind: r.kind,
    vars,
    link: r.rowLink,
    publicUrl: r.publicUrl,
    organizer: mailbox(from),
    attendee: { name: r.recipientName, email: r.to },
  });
  return {
    to: r.to,
    ...mail,
    ...(calendar ? { attachments: [calendar] } : {}),
    messageId: r.messageId,
    headers: {
      ...(r.unsubscribeUrl ? { "List-Unsubscribe": `<${r.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {}),
      "Content-Language": r.lang,
      "Auto-Submitted": "auto-generated",
    },
  };
}

/**
 * Where e-mail goes: composes the request (composeOutgoing) and sends it. Rejects with nodemailer's
 * error (responseCode for an SMTP answer) when it is not accepted.
 */
export type MailTransport = { send(mail: EmailRequest): Promise<void>; close(): void };

/**
 * SMTP over kept-open connections, one per message the worker has in flight (OUTBOX.emailsInFlight),
 * each reused for many messages; timeouts so a stalled server frees the worker. Every message is
 * written out before it is sent (app/server/mime.ts, or nodemailer's composer for what that writer
 * leaves to it) and handed to the connections as it is (app/server/smtp-connections.ts, decision 076).
 */
export function smtpTransport(settings: SmtpSettings, timeouts: { connectionMs?: number; socketMs?: number } = {}): MailTransport {
  const connections = smtpConnections(settings.url, {
    size: OUTBOX.emailsInFlight,
    maxMessages: 1000,
    connectionTimeout: timeouts.connectionMs ?? 30_000,
    greetingTimeout: timeouts.connectionMs ?? 30_000,
    socketTimeout: timeouts.socketMs ?? 60_000,
  });
  return {
    async send(request) {
      const mail = composeOutgoing(request, settings.from);
      // Written as one buffer by app/server/mime.ts: nodemailer's composer cost 0.7 ms of CPU a
      // message (decision 051, "Session 11"); it still builds what that writer leaves to it.
      const built = buildMime(mail, settings.from) ?? (await composedByNodemailer(mail, settings.from));
      await connections.send(built.envelope, built.raw);
    },
    close: () => connections.close(),
  };
}

/** A message outside app/server/mime.ts's shape (a non-ASCII address, an odd file name), written by nodemailer's composer. */
async function composedByNodemailer(mail: OutgoingEmail, from: string | undefined): Promise<{ raw: Buffer; envelope: { from: string; to: string[] } }> {
  // Base64 bodies: Kyrgyz and Russian text is mostly non-ASCII, which quoted-printable triples in
  // size and encodes byte by byte in JavaScript; base64 is a third larger and encoded natively.
  const node = new MailComposer({ from, textEncoding: "base64", ...mail }).compile();
  const envelope = node.getEnvelope();
  return { raw: await node.build(), envelope: { from: envelope.from || "", to: envelope.to } };
}

/** "IT Cluster Careers <careers@example.kg>" → the name and the address. */
function mailbox(from: string | undefined): { name: string; email: string } | null {
  if (!from) return null;
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return m ? { name: m[1]!.trim() || m[2]!, email: m[2]! } : { name: from.trim(), email: from.trim() };
}

/**
 * SMTP as smtpTransport, but building and sending each message in a worker thread (smtp-thread.ts,
 * `entry` its bundle): the pages' event loop keeps only the outbox's database work. A thread that
 * dies fails the sends in hand as a dropped connection would (retried later) and is started again
 * for the next one. Decision 051, "Session 10: delivery rate".
 */
export function threadedSmtpTransport(entry: URL, settings: SmtpSettings, timeouts: { connectionMs?: number; socketMs?: number } = {}): MailTransport {
  let thread: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<number, { resolve: () => void; reject: (e: unknown) => void }>();
  // Requests go to the thread in batches, one message per turn of the event loop: the slots of a
  // tick start together, and one postMessage (one structured clone, one wake-up of the thread) then
  // carries all of them instead of one each (decision 051, "Session 15").
  let outgoing: { id: number; mail: EmailRequest }[] = [];
  const failAll = (error: unknown) => {
    // Those not yet posted fail too and are never posted: each is sent once or reported failed, not both.
    outgoing = [];
    for (const w of waiting.values()) w.reject(error);
    waiting.clear();
  };
  const started = () => {
    if (thread) return thread;
    const t = new Worker(entry, { workerData: { settings, timeouts } });
    t.on("message", (replies: { id: number; error?: Record<string, unknown> }[]) => {
      for (const reply of replies) {
        const w = waiting.get(reply.id);
        waiting.delete(reply.id);
        if (reply.error) w?.reject(reply.error);
        else w?.resolve();
      }
    });
    t.on("error", (error) => console.error("outbox: the SMTP thread failed", error));
    t.once("exit", () => {
      if (thread === t) thread = null;
      failAll({ code: "ETHREAD", message: "the SMTP thread stopped" });
    });
    // Not kept alive by the thread alone: the server's own handles decide when the process ends.
    t.unref();
    thread = t;
    return t;
  };
  const post = () => {
    const batch = outgoing;
    outgoing = [];
    if (batch.length) started().postMessage(batch);
  };
  return {
    send: (mail) =>
      new Promise<void>((resolve, reject) => {
        const id = ++nextId;
        waiting.set(id, { resolve, reject });
        if (!outgoing.length) setImmediate(post);
        outgoing.push({ id, mail });
      }),
    close() {
      post();
      thread?.postMessage("close");
      thread = null;
    },
  };
}

export type WorkerOptions = {
  /** null: no e-mail configured; messages are marked "not sent: no channel configured". */
  email: MailTransport | null;
  /** null or absent: no Telegram bot configured (decision 052). */
  telegram?: TelegramTransport | null;
  publicUrl: string;
  /** Signs the unsubscribe links. */
  secret: string;
  leaseMs?: number;
  pollMs?: number;
  maxAgeMs?: number;
  batch?: number;
  /** E-mails sent at once (docs/decisions/051-outbox.md, "Session 10: delivery rate"). */
  emailsInFlight?: number;
  now?: () => Date;
  log?: (line: string) => void;
  /**
   * The database's write-ahead log (`<file>-wal`): outcomes are then made durable by an fsync of it
   * in libuv's thread pool instead of inside the commit on the pages' event loop (decision 051,
   * "Session 11"). Absent: each group commits with the connection's own synchronous = FULL.
   */
  walFile?: string | null;
  /**
   * True while the server answers pages (app/server/page-activity.ts): e-mails then start at most
   * `emailsPerSecondWhileBusy` a second; otherwise at full speed. Absent: never paced.
   */
  busy?: () => boolean;
  emailsPerSecondWhileBusy?: number;
};

type Recipients = Awaited<ReturnType<typeof recipientsOf>>;

/** The longest a finished delivery's outcome waits for the other slots' before its group is committed. */
const GATHER_MS = 5;

export type RoundResult = { claimed: number; sent: number; retried: number; failed: number; notSent: number; expired: number };

export type OutboxWorker = {
  /** One round: expire stale rows, claim the due ones, deliver each. */
  runOnce(): Promise<RoundResult>;
  start(): void;
  /** Stops polling and waits for the round in progress to finish. */
  stop(): Promise<void>;
};

export function outboxWorker(db: DB, options: WorkerOptions): OutboxWorker {
  const now = options.now ?? (() => new Date());
  const pollMs = options.pollMs ?? 1000;
  const log = options.log ?? ((line: string) => console.log(line));
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<RoundResult> | undefined;
  let stopped = false;

  /**
   * Group commit: the settle writes of the deliveries that finished meanwhile go in one transaction
   * (one disk sync instead of one per message). The group is written once every e-mail slot at work
   * has handed in its outcome, or GATHER_MS after the first one (decision 051, "Session 13"): the slots
   * start together (paceEmails) and so finish close together, and one commit then serves them all.
   * Resolves when this write is committed.
   */
  // The statements of a group of sent rows (most groups) prepared once on the connection: the
  // update, the pragmas, BEGIN and COMMIT (decision 051, "Session 14").
  const sqlite = sqliteOf(db);
  const markAllSent = sentMarker(sqlite);
  const commit = durableOffTheLoop(db, options.walFile ?? null, (line) => log(`outbox: ${line}`), sqlite);
  type Outcome = { write: (trx: DB) => Promise<unknown> } | { sent: ClaimedMessage };
  let pending: (Outcome & { done: () => void; fail: (e: unknown) => void })[] = [];
  /** E-mail deliveries in progress, each counted until its outcome is committed (or it threw). */
  let working = 0;
  /** Outcomes in a group being committed now: their slots are at work but have reported. */
  let committing = 0;
  let gathering: NodeJS.Timeout | null = null;
  let flushing = false;
  function flush(): void {
    if (gathering) clearTimeout(gathering);
    gathering = null;
    flushing = false;
    const group = pending;
    pending = [];
    if (!group.length) return;
    committing += group.length;
    commit(async (trx) => {
      // The sent rows of a claim in one statement (most of a group); the other outcomes one by one.
      const sentByLease = new Map<string, number[]>();
      for (const p of group) if ("sent" in p) sentByLease.set(p.sent.lease, [...(sentByLease.get(p.sent.lease) ?? []), p.sent.id]);
      // Inside the commit the connection is held: the prepared update runs in its transaction.
      for (const [lease, ids] of sentByLease) markAllSent(lease, ids, now());
      for (const p of group) if ("write" in p) await p.write(trx);
    })
      .finally(() => (committing -= group.length))
      .then(
        () => group.forEach((p) => p.done()),
        (error: unknown) => group.forEach((p) => p.fail(error)),
      );
  }
  /** Writes the group on the next turn of the event loop once every slot at work has reported; otherwise soon. */
  function scheduleFlush(): void {
    if (!pending.length || flushing) return;
    if (pending.length + committing >= working) {
      flushing = true;
      setImmediate(flush);
    } else gathering ??= setTimeout(flush, GATHER_MS);
  }
  function settle(outcome: Outcome | ((trx: DB) => Promise<unknown>)): Promise<void> {
    return new Promise((done, fail) => {
      pending.push({ ...(typeof outcome === "function" ? { write: outcome } : outcome), done, fail });
      scheduleFlush();
    });
  }

  /**
   * Adaptive pacing (decisions 051, "Session 11" and "Session 13"): while pages are being answered,
   * e-mails start in ticks of one start per slot, a tick every slots/rate seconds (no credit beyond
   * one tick, so no burst follows a pause); when they are not, at once. The slots of a tick finish
   * close together and share one group commit, instead of one commit each: that commit (a held
   * connection, two pragmas, the transaction, an fsync handed to the thread pool) was the largest
   * part of the main thread's CPU a message.
   */
  let tickAt = -Infinity;
  let leftInTick = 0;
  async function paceEmails(): Promise<void> {
    if (!options.busy?.()) return;
    const slots = options.emailsInFlight ?? OUTBOX.emailsInFlight;
    const period = (1000 * slots) / (options.emailsPerSecondWhileBusy ?? OUTBOX.emailsPerSecondWhileBusy);
    const t = performance.now();
    if (leftInTick <= 0) {
      // A tick reached a little late keeps the schedule; after a pause it starts again (nextTick).
      tickAt = nextTick(tickAt, t, period);
      leftInTick = slots;
    }
    leftInTick--;
    const wait = tickAt - t;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  async function deliver(m: ClaimedMessage, result: RoundResult, recipients: Recipients | null): Promise<void> {
    // Telegram has its own delivery (app/server/telegram-bot.ts, docs/decisions/052-telegram-channel.md).
    if (m.channel === "telegram")
      return deliverTelegram(db, { ...m, link: linkAsSent(m.link, options.secret) }, result, {
        telegram: options.telegram ?? null,
        publicUrl: options.publicUrl,
        now,
      });
    if (m.channel !== "email" || !options.email) {
      await settle((trx) => markNotSent(trx, m, "no-channel", now()));
      result.notSent++;
      return;
    }
    const who = recipients ? recipients.of(m) : await recipientOf(db, m.user_id, m.kind, m.channel);
    const closed = !who || !who.active ? "no-address" : who.closed ? who.closed : who.failing ? "channel-failing" : null;
    if (closed || !who) {
      await settle((trx) => markNotSent(trx, m, closed ?? "no-address", now()));
      result.notSent++;
      return;
    }
    const lang = who.locale && isLang(who.locale) ? who.locale : DEFAULT_LANG;
    // Its link is made only now, so the outbox never holds a usable one (decision 054).
    // (and a campaign's survey link only now from its placeholder: decision 055).
    const link = m.kind === PASSWORD_RESET_KIND ? await emailedResetLink(db, m, lang, now()) : linkAsSent(m.link, options.secret);
    if (link === undefined) {
      await settle((trx) => markNotSent(trx, m, "link-expired", now()));
      result.notSent++;
      return;
    }
    // ?lng=: the confirm page opens in the language of the e-mail.
    // A kind that cannot be turned off (a password reset, an account warning) offers no unsubscribe link (decisions 053, 054).
    const unsubscribeUrl = canBeTurnedOff(m.kind)
      ? `${options.publicUrl}/unsubscribe/${unsubscribeToken({ userId: m.user_id, kind: m.kind, channel: "email" }, options.secret)}?lng=${lang}`
      : null;
    try {
      // The words of the e-mail, composed where it is sent (the SMTP thread in production: decision 051, "Session 14").
      await options.email.send({
        to: who.email,
        recipientName: who.name,
        lang,
        kind: m.kind,
        payloadJson: m.payload_json,
        link,
        rowLink: m.link,
        publicUrl: options.publicUrl,
        unsubscribeUrl,
        // The idempotency key: a delivery repeated after a crash carries the same Message-ID.
        messageId: messageIdFor(m.idem_key, options.publicUrl),
      });
    } catch (error) {
      const verdict = classifySmtpFailure(error as Record<string, unknown>);
      if (verdict.permanent) {
        recipients?.failed(m.user_id); // later messages to them in this batch are not sent either
        await settle(async (trx) => {
          await markFailed(trx, m, verdict.reason, now());
          await recordChannelFailure(trx, m.user_id, "email", verdict.reason);
        });
        result.failed++;
      } else {
        await settle((trx) => markAttemptFailed(trx, m, verdict.reason, now()));
        if (m.attempts >= OUTBOX.maxAttempts) result.failed++;
        else result.retried++;
      }
      return;
    }
    await settle({ sent: m });
    result.sent++;
  }

  /**
   * Delivers `messages` with at most `slots` in flight. A slot takes its next message only once the
   * last one's outcome is committed, so at most `slots` messages are ever accepted by the server and
   * not yet recorded as sent: all a kill -9 can repeat (under the same Message-ID).
   */
  async function deliverAll(
    messages: ClaimedMessage[],
    slots: number,
    result: RoundResult,
    recipients: Recipients | null = null,
    pace: () => Promise<void> = async () => undefined,
    counted = false,
  ): Promise<void> {
    let next = 0;
    const slot = async () => {
      while (next < messages.length && !stopped) {
        await pace();
        if (next >= messages.length || stopped) break;
        // Counted while at work, so the group commit can tell when every slot has reported.
        if (counted) working++;
        try {
          await deliver(messages[next++]!, result, recipients);
        } finally {
          if (counted) {
            working--;
            scheduleFlush();
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(slots, messages.length) }, slot));
  }

  async function round(): Promise<RoundResult> {
    const result: RoundResult = { claimed: 0, sent: 0, retried: 0, failed: 0, notSent: 0, expired: 0 };
    result.expired = await expireStaleMessages(db, now(), options.maxAgeMs);
    const claimed = await claimDueMessages(db, now(), options.batch ?? OUTBOX.batch, options.leaseMs ?? OUTBOX.leaseMs);
    result.claimed = claimed.length;
    // E-mails a few at a time over the pool's connections; Telegram one at a time, as the Bot API's
    // rate limits want (decision 052). Once stopped, the rest stay leased and come back after the lease.
    const emails = claimed.filter((m) => m.channel !== "telegram");
    // The batch's recipients in one read, not one per message (decision 051, "Session 11").
    const recipients = options.email && emails.length ? await recipientsOf(db, emails, "email") : null;
    await Promise.all([
      deliverAll(emails, options.emailsInFlight ?? OUTBOX.emailsInFlight, result, recipients, paceEmails, true),
      deliverAll(
        claimed.filter((m) => m.channel === "telegram"),
        1,
        result,
      ),
    ]);
    return result;
  }

  function runOnce(): Promise<RoundResult> {
    if (running) return running;
    running = round().finally(() => (running = undefined));
    return running;
  }

  function schedule(delay: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce().then(
        (r) => {
          if (r.sent || r.failed || r.expired)
            log(`outbox: ${r.sent} sent, ${r.retried} to retry, ${r.failed} failed, ${r.notSent} not sent, ${r.expired} expired`);
          // A full batch: more may be due at once.
          schedule(r.claimed >= (options.batch ?? OUTBOX.batch) ? 0 : pollMs);
        },
        (error: unknown) => {
          console.error("outbox: the delivery round failed; trying again", error);
          schedule(pollMs);
        },
      );
    }, delay);
    timer.unref();
  }

  return {
    runOnce,
    start: () => schedule(0),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
      options.email?.close();
    },
  };
}
