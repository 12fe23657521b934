// The outbox's rules (docs/product.md §13, docs/decisions/051-outbox.md): when a queued message is
// tried again, when it is too old to send, and what an SMTP answer means for it. Pure functions.

export const OUTBOX = {
  /** How long a claimed row is the worker's: a worker killed mid-delivery frees it after this. */
  leaseMs: 2 * 60_000,
  /** Tries before a message is recorded as failed for good. */
  maxAttempts: 12,
  /** Wait after the first failed try; doubled after each further one, up to maxDelayMs. */
  baseDelayMs: 30_000,
  maxDelayMs: 3_600_000,
  /** A message older than this is marked expired instead of sent (a channel configured later must not flood people with stale news). */
  maxAgeMs: 172_800_000, // two days
  /** Rows claimed per round: enough that the slots seldom wait for the round's last message (decision 051, Session 10). */
  batch: 100,
  /**
   * E-mails in flight at once, each on its own pooled SMTP connection: enough to overlap the SMTP
   * round trips and share one disk sync among several outcomes, and the most a kill -9 can repeat.
   */
  emailsInFlight: 4,
  /**
   * E-mails started a second while the server answers pages (issue 17: at least 200 a second, pages
   * at most 10 % slower); at full speed otherwise. Decision 051, "Session 11".
   */
  emailsPerSecondWhileBusy: 225,
} as const;

/**
 * When the next tick of paced e-mail starts (decision 051, "Session 13" and "Session 14"): `last` was
 * the previous tick's time, `now` is when a slot asks for the next, `period` the time between ticks.
 * Early: at its time. Late by less than a period (a commit settled just after the tick was due, or the
 * next batch was being claimed): now, keeping the schedule, so the tick after comes that much sooner
 * and the paced rate is reached. Later than that (a pause): now, and the schedule starts again from
 * now — at most one tick of credit, never a burst.
 */
export function nextTick(last: number, now: number, period: number): number {
  const due = last + period;
  return now - due < period ? due : now;
}

/** Every state a message can be in, in the order /admin/outbox lists them. */
export const OUTBOX_STATUSES = ["queued", "sent", "failed", "expired", "not_sent"] as const;

/** The wait after failed try number `attempt` (1-based): 30 s, 1 min, 2 min … at most 1 h (12 tries span about 5 h). */
export function retryDelayMs(attempt: number, base: number = OUTBOX.baseDelayMs, max: number = OUTBOX.maxDelayMs): number {
  return Math.min(max, base * 2 ** Math.max(0, attempt - 1));
}

/** Whether a message made at `createdAt` is too old to send at `now`. */
export function isStale(createdAt: string, now: Date, maxAgeMs: number = OUTBOX.maxAgeMs): boolean {
  return now.getTime() - Date.parse(createdAt) > maxAgeMs;
}

/**
 * What an SMTP failure means. A 5xx answer is permanent (the address bounced, or the server refuses
 * the message): no retry, and the person's e-mail channel is marked failing. A 4xx answer, a refused
 * or dropped connection, a timeout: try again later.
 */
export type FailureVerdict = { permanent: boolean; reason: string };

export function classifySmtpFailure(error: { responseCode?: unknown; code?: unknown; response?: unknown; message?: unknown }): FailureVerdict {
  const code = typeof error.responseCode === "number" ? error.responseCode : null;
  // The server's own answer ("550 5.1.1 No such user") says it best; otherwise the error's code and message.
  const said = typeof error.message === "string" ? error.message : "unknown error";
  const reason = (typeof error.response === "string" ? error.response : `${typeof error.code === "string" ? error.code : "error"}: ${said}`).slice(0, 500);
  return { permanent: code !== null && code >= 500 && code < 600, reason };
}

/** Characters allowed in a Message-ID's left part (RFC 5322 dot-atom): anything else becomes "-". */
export function messageIdFor(idemKey: string, publicUrl: string): string {
  return `<${idemKey.replace(/[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/g, "-")}@${new URL(publicUrl).hostname}>`;
}
