// process.env validated once, with safe defaults (docs/product.md §12).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_PATH: z.string().min(1).optional(),
  UPLOAD_DIR: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  // Unset: demo data only while the public address is loopback (seedDemo below; docs/product.md §8, decision 018).
  SEED_DEMO: z.enum(["0", "1"]).optional(),
  // The address in every absolute link (feeds, JSON-LD, reset/survey/invitation links): never the Host header.
  PUBLIC_URL: z.string().optional(),
  // Set when the app runs behind a reverse proxy, so client addresses and https are read from it.
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  // E-mail (docs/product.md §13, README "Configuration"): both unset, messages stay in the outbox
  // marked "not sent: no channel configured". Checked by parseSmtp below.
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().optional(),
  // How long the outbox worker holds a claimed message before another try may take it (decision 051).
  OUTBOX_LEASE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  // The Bishkek hour (0–23) when the daily digests are written, or "off" for none (tests, development):
  // docs/decisions/053-message-preferences-and-digests.md.
  DIGEST_HOUR: z
    .string()
    .regex(/^(off|[01]?\d|2[0-3])$/, "DIGEST_HOUR: an hour 0 to 23 (Bishkek time), or off")
    .default("8"),
  // Telegram (docs/decisions/052-telegram-channel.md): unset, telegram messages are kept, marked not
  // sent. With TELEGRAM_WEBHOOK_SECRET updates come by webhook to PUBLIC_URL/telegram/webhook,
  // otherwise by long polling. TELEGRAM_API_ROOT points the bot at another Bot API server (tests).
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d{1,20}:[A-Za-z0-9_-]{30,60}$/, "TELEGRAM_BOT_TOKEN: not a bot token (expected 123456789:AA… from @BotFather)")
    .optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{32,256}$/, "TELEGRAM_WEBHOOK_SECRET: 32 to 256 characters A-Z, a-z, 0-9, _ and -")
    .optional(),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/, error: "TELEGRAM_API_ROOT: must be an http(s) URL" }).optional(),
});

export type Config = {
  port: number;
  dataDir: string;
  databasePath: string;
  uploadDir: string;
  sessionSecret: string;
  /** Seed demo data into an empty database: SEED_DEMO=1, or SEED_DEMO unset and a loopback PUBLIC_URL. */
  seedDemo: boolean;
  /** SEED_DEMO=1 was given: demo accounts are wanted even on a public address. */
  seedDemoExplicit: boolean;
  trustProxy: boolean;
  /** Origin of every absolute link, without a trailing slash ("https://careers.example.kg"). */
  publicUrl: string;
  /** The public address is this machine only (localhost, 127.0.0.0/8, ::1): the demo may run there. */
  publicUrlIsLoopback: boolean;
  /** The SMTP server and sender address, or null: e-mail is not configured (messages are kept, marked not sent). */
  smtp: SmtpSettings | null;
  outboxLeaseMs: number;
  /** The Bishkek hour when the daily digests are written (DIGEST_HOUR, default 8); null: no digests are written. */
  digestHour: number | null;
  /** The Telegram bot, or null: telegram messages are kept, marked not sent (decision 052). */
  telegram: TelegramSettings | null;
};

export type TelegramSettings = {
  token: string;
  /** Set: updates arrive by webhook, with this secret in X-Telegram-Bot-Api-Secret-Token. Null: long polling. */
  webhookSecret: string | null;
  /** The Bot API's address without a trailing slash (https://api.telegram.org). */
  apiRoot: string;
};

/** The bot's settings: a webhook secret needs the token and an https PUBLIC_URL (Telegram calls only https). */
export function parseTelegram(
  token: string | undefined,
  webhookSecret: string | undefined,
  apiRoot: string | undefined,
  publicUrl: string,
): TelegramSettings | null {
  if (token === undefined) {
    if (webhookSecret !== undefined) throw new Error("TELEGRAM_WEBHOOK_SECRET: set without TELEGRAM_BOT_TOKEN");
    return null;
  }
  if (webhookSecret !== undefined && !publicUrl.startsWith("https://") && !isLoopbackOrigin(publicUrl))
    throw new Error("TELEGRAM_WEBHOOK_SECRET: Telegram sends webhooks only to https; set an https PUBLIC_URL or leave the secret unset (long polling)");
  return { token, webhookSecret: webhookSecret ?? null, apiRoot: (apiRoot ?? "https://api.telegram.org").replace(/\/+$/, "") };
}

export type SmtpSettings = { url: string; from: string };

/** An address, or a name and an address: "careers@example.kg", "IT Cluster Careers <careers@example.kg>". */
const MAIL_FROM_PATTERN = /^(?:[^<>\r\n]*<[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)$/;

/**
 * SMTP_URL and MAIL_FROM come together: smtp:// or smtps:// with a host ("smtps://user:pass@mail.example.kg:465"),
 * and a sender address. One without the other, or a malformed one, stops the start with a clear line.
 */
export function parseSmtp(url: string | undefined, from: string | undefined): SmtpSettings | null {
  if (url === undefined && from === undefined) return null;
  if (url === undefined) throw new Error("SMTP_URL: MAIL_FROM is set but SMTP_URL is not; set both to send e-mail, or neither");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("SMTP_URL: not a URL; expected e.g. smtps://user:password@mail.example.kg:465");
  }
  if (parsed.protocol !== "smtp:" && parsed.protocol !== "smtps:") throw new Error("SMTP_URL: must start with smtp:// or smtps://");
  if (!parsed.hostname) throw new Error("SMTP_URL: has no host name");
  if (from === undefined) throw new Error('MAIL_FROM: required with SMTP_URL, e.g. "IT Cluster Careers <careers@example.kg>"');
  if (!MAIL_FROM_PATTERN.test(from.trim())) throw new Error(`MAIL_FROM: not an e-mail address: ${JSON.stringify(from)}`);
  return { url, from: from.trim() };
}

let cached: Config | undefined;

/** Where the generated session secret is kept (backup and restore carry it: db/backup.ts). */
export const sessionSecretPath = (dataDir: string) => path.join(dataDir, "session-secret");

/** The session secret is generated once and kept in the data folder when SESSION_SECRET is unset. */
function sessionSecretFrom(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = sessionSecretPath(dataDir);
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
}

/**
 * PUBLIC_URL must be a bare http(s) origin: a path, query, fragment or credentials in it would end
 * up in every link the portal prints (docs/decisions/018-public-url-and-demo-data.md).
 */
export function parsePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL: not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error("PUBLIC_URL: must start with http:// or https://");
  if (url.username || url.password) throw new Error("PUBLIC_URL: must not contain a user name or password");
  if (url.pathname !== "/" || url.search || url.hash)
    throw new Error("PUBLIC_URL: must be an origin only (no path, query or #fragment), e.g. https://careers.example.kg");
  return url.origin;
}

/** Whether an origin names this machine only: localhost (and *.localhost), 127.0.0.0/8 or ::1. */
export function isLoopbackOrigin(origin: string): boolean {
  const host = new URL(origin).hostname.toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(host) || host === "[::1]";
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable counts as unset (VAR= in a shell or a .env file).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  let publicUrl: string;
  try {
    publicUrl = parsePublicUrl(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`);
  } catch (error) {
    throw new Error(`Invalid environment:\n${(error as Error).message}`);
  }
  const publicUrlIsLoopback = isLoopbackOrigin(publicUrl);
  let smtp: SmtpSettings | null;
  try {
    smtp = parseSmtp(e.SMTP_URL, e.MAIL_FROM);
  } catch (error) {
    throw new Error(`Invalid environment:\n${(error as Error).message}`);
  }
  let telegram: TelegramSettings | null;
  try {
    telegram = parseTelegram(e.TELEGRAM_BOT_TOKEN, e.TELEGRAM_WEBHOOK_SECRET, e.TELEGRAM_API_ROOT, publicUrl);
  } catch (error) {
    throw new Error(`Invalid environment:\n${(error as Error).message}`);
  }
  return {
    port: e.PORT,
    dataDir,
    databasePath: path.resolve(e.DATABASE_PATH ?? path.join(dataDir, "portal.sqlite")),
    uploadDir: path.resolve(e.UPLOAD_DIR ?? path.join(dataDir, "uploads")),
    sessionSecret: sessionSecretFrom(dataDir, e.SESSION_SECRET),
    seedDemo: e.SEED_DEMO === "1" || (e.SEED_DEMO === undefined && publicUrlIsLoopback),
    seedDemoExplicit: e.SEED_DEMO === "1",
    trustProxy: e.TRUST_PROXY === "1",
    publicUrl,
    publicUrlIsLoopback,
    smtp,
    outboxLeaseMs: e.OUTBOX_LEASE_SECONDS * 1000,
    digestHour: e.DIGEST_HOUR === "off" ? null : Number(e.DIGEST_HOUR),
    telegram,
  };
}

export function config(): Config {
  cached ??= loadConfig();
  return cached;
}

/** The portal's public origin for absolute links (PUBLIC_URL), never taken from a request's Host header. */
export function publicOrigin(): string {
  return config().publicUrl;
}
