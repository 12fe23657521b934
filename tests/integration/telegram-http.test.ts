// Telegram over HTTP against the production build (docs/decisions/052-telegram-channel.md): the
// server starts with a bot token, a webhook secret and the Bot API stand-in as TELEGRAM_API_ROOT.
// The account page shows the deep link; Telegram's /start <token> through the webhook links the
// chat; a call without the right secret is refused and writes nothing; unlinking from both sides.
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";
import { STAND_IN_BOT, STAND_IN_TOKEN, startTelegramStandIn, type TelegramStandIn, textUpdate } from "../support/telegram-api";

const SECRET = "webhook-secret-0123456789-abcdefghijklmnop";
const CHAT = 5151001;

let api: TelegramStandIn;
let server: RunningServer;
let db: Database.Database;

beforeAll(async () => {
  api = await startTelegramStandIn();
  server = await startServer({ TELEGRAM_BOT_TOKEN: STAND_IN_TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: api.url });
  db = new Database(path.join(server.dataDir, "portal.sqlite"), { readonly: true });
  db.pragma("busy_timeout = 5000");
}, 120_000);
afterAll(async () => {
  db?.close();
  await server?.stop();
  await api?.close();
});

async function page(pathname: string, cookie: string, lng = "en") {
  const res = await fetch(`${server.url}${pathname}`, { headers: { Cookie: `${cookie}; lng=${lng}` } });
  return { status: res.status, body: await res.text() };
}

async function post(pathname: string, cookie: string, fields: Record<string, string>, lng = "en") {
  const res = await fetch(`${server.url}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: `${cookie}; lng=${lng}` },
    body: new URLSearchParams(fields),
  });
  return { status: res.status, location: res.headers.get("location"), body: await res.text(), cookies: res.headers.getSetCookie() };
}

function webhook(body: unknown, secret: string | null = SECRET) {
  return fetch(`${server.url}/telegram/webhook`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(secret === null ? {} : { "X-Telegram-Bot-Api-Secret-Token": secret }) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const counts = () =>
  db
    .prepare(
      "select (select count(*) from telegram_links) links, (select count(*) from telegram_link_tokens where used_at is not null) used, (select count(*) from telegram_link_tokens) tokens, (select count(*) from outbox) outbox, (select count(*) from audit_log) audit",
    )
    .get();

async function takeLink(cookie: string, lng = "en"): Promise<string> {
  const res = await post("/account", cookie, { intent: "telegram-link" }, lng);
  expect(res.status).toBe(200);
  const link = new RegExp(`https://t\\.me/${STAND_IN_BOT}\\?start=([A-Za-z0-9_-]{43})`).exec(res.body);
  expect(link, "the deep link is on the page").not.toBeNull();
  return link![1]!;
}

describe("the bot at start", () => {
  it("sets its webhook to PUBLIC_URL/telegram/webhook with the secret", async () => {
    await expect
      .poll(() => api.calls.find((c) => c.method === "setWebhook")?.body, { timeout: 10_000 })
      .toMatchObject({
        url: `${server.url}/telegram/webhook`, // the test server's PUBLIC_URL is its own address
        secret_token: SECRET,
      });
  });
});

describe("linking from the account page", () => {
  it("the page offers the link in three languages; the link is one-time, and /start through the webhook links the chat", async () => {
    const cookie = await signInOverHttp(server.url, "graduate@demo.kg");
    for (const [lng, words] of [
      ["ky", "Telegram'ды байлоо"],
      ["ru", "Привязать Telegram"],
      ["en", "Link Telegram"],
    ] as const) {
      const p = await page("/account", cookie, lng);
      expect(p.status).toBe(200);
      expect(p.body).toContain(words);
    }
    const token = await takeLink(cookie, "ru");
    const stored = db.prepare("select token_hash from telegram_link_tokens").all() as { token_hash: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).not.toBe(token);

    // Telegram calls the webhook with the chat's /start <token>; the answer (sendMessage) rides in the response.
    const res = await webhook({ update_id: 1, ...textUpdate(CHAT, `/start ${token}`, "en") });
    expect(res.status).toBe(200);
    const reply = (await res.json()) as Record<string, unknown>;
    expect(reply).toEqual({ method: "sendMessage", chat_id: CHAT, text: expect.stringContaining("Даяр") }); // the demo graduate reads Kyrgyz
    expect(db.prepare("select chat_id from telegram_links").all()).toEqual([{ chat_id: CHAT }]);
    expect((await page("/account", cookie, "ru")).body).toContain("Привязан: сообщения приходят и в ваш Telegram.");

    // The same token again (another chat): refused, nothing linked.
    const again = await webhook({ update_id: 2, ...textUpdate(CHAT + 1, `/start ${token}`, "ru") });
    expect(((await again.json()) as { text: string }).text).toContain("Эта ссылка недействительна");
    expect(db.prepare("select chat_id from telegram_links").all()).toEqual([{ chat_id: CHAT }]);

    // Unlink from the portal: the button.
    const unlink = await post("/account", cookie, { intent: "telegram-unlink" }, "en");
    expect([unlink.status, unlink.location]).toEqual([302, "/account"]);
    expect(db.prepare("select count(*) n from telegram_links").get()).toEqual({ n: 0 });
    const flash = unlink.cookies.find((c) => c.startsWith("flash="))?.split(";")[0] ?? "";
    const after = await fetch(`${server.url}/account`, { headers: { Cookie: `${cookie}; lng=en; ${flash}` } });
    const body = await after.text();
    expect(body).toContain("Telegram is unlinked");
    expect(body).toContain("Not linked.");

    // Link again, then unlink from the chat: /stop.
    const second = await takeLink(cookie);
    await webhook({ update_id: 3, ...textUpdate(CHAT, `/start ${second}`, "en") });
    expect(db.prepare("select count(*) n from telegram_links").get()).toEqual({ n: 1 });
    const stop = await webhook({ update_id: 4, ...textUpdate(CHAT, "/stop", "en") });
    expect(((await stop.json()) as { text: string }).text).toContain("Даяр: бул чатка");
    expect(db.prepare("select count(*) n from telegram_links").get()).toEqual({ n: 0 });
  });
});

describe("the webhook proves Telegram sent it", () => {
  it("no secret header is 401, a wrong one 403, a body that is not an update 400; none of them writes anything", async () => {
    const cookie = await signInOverHttp(server.url, "graduate2@demo.kg");
    const token = await takeLink(cookie);
    const before = counts();
    const start = { update_id: 10, ...textUpdate(CHAT + 7, `/start ${token}`) };
    expect((await webhook(start, null)).status).toBe(401);
    expect((await webhook(start, "x".repeat(SECRET.length))).status).toBe(403);
    expect((await webhook(start, "")).status).toBe(401); // an empty header is no header
    expect((await webhook("{not json")).status).toBe(400);
    expect((await webhook({ update_id: "one", message: { chat: { id: "x" } } })).status).toBe(400);
    expect((await webhook([1, 2, 3])).status).toBe(400);
    expect((await fetch(`${server.url}/telegram/webhook`)).status).toBe(405);
    expect(counts()).toEqual(before);
    // Generated bodies with the right secret: anything, update-shaped with hostile text, huge strings. Never a 5xx;
    // nothing links (no body carries a valid token) and nothing else is written.
    const hostileText = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom("/start", "/stop", "/start ' OR 1=1 --", "/start \u0000", `/start ${"A".repeat(43)}`),
    );
    const bodies = [
      ...fc.sample(fc.jsonValue(), 40).map((v) => JSON.stringify(v)),
      ...fc
        .sample(
          fc.record({
            update_id: fc.integer({ min: 0 }),
            message: fc.record({ chat: fc.record({ id: fc.integer(), type: fc.constantFrom("private", "group", "channel", "") }), text: hostileText }),
          }),
          60,
        )
        .map((v) => JSON.stringify(v)),
      JSON.stringify({ update_id: 3, message: { chat: { id: 1, type: "private" }, text: "x".repeat(70_000) } }),
      "[".repeat(5000),
      "",
    ];
    for (const body of bodies) {
      const res = await webhook(body);
      expect(res.status, body.slice(0, 200)).toBeLessThan(500);
      await res.arrayBuffer();
    }
    expect(counts()).toEqual(before);
    // The token was not spent: the real Telegram can still link with it.
    expect((await webhook(start)).status).toBe(200);
    expect(db.prepare("select count(*) n from telegram_links where chat_id = ?").get(CHAT + 7)).toEqual({ n: 1 });
  });
});

describe("the webhook bounds its body while reading it", () => {
  /**
   * Posts a chunked body (no Content-Length) of up to `total` bytes, writing only while the server reads,
   * and tells how many bytes had been sent when the answer came. A route that reads the whole body first
   * answers only after all of it; one that counts while reading answers just past its limit.
   */
  function streamed(secret: string | null, total: number): Promise<{ status: number; sentBeforeAnswer: number }> {
    return new Promise((resolve, reject) => {
      const url = new URL(`${server.url}/telegram/webhook`);
      const req = http.request({
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { "Content-Type": "application/json", ...(secret === null ? {} : { "X-Telegram-Bot-Api-Secret-Token": secret }) },
      });
      let sent = 0;
      let answered = false;
      const chunk = Buffer.alloc(16 * 1024, 0x20); // JSON whitespace
      req.on("response", (res) => {
        answered = true;
        const sentBeforeAnswer = sent;
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, sentBeforeAnswer }));
        req.destroy();
      });
      req.on("error", (e) => (answered ? undefined : reject(e)));
      const pump = () => {
        while (!answered && sent < total) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (!answered) req.end();
      };
      pump();
    });
  }

  it("a chunked body over 64 KB with the right secret is a 413 before the rest arrives, and writes nothing", { timeout: 60_000 }, async () => {
    const before = counts();
    const big = await streamed(SECRET, 64 * 1024 * 1024);
    expect(big.status).toBe(413);
    // Reading stopped at the limit: the answer came long before 64 MB were sent (socket buffers hold a few MB at most).
    expect(big.sentBeforeAnswer).toBeLessThan(16 * 1024 * 1024);
    // The secret is checked before any of the body is read.
    expect((await streamed(null, 64 * 1024 * 1024)).status).toBe(401);
    expect(counts()).toEqual(before);
  });
});

describe("the default: long polling in the server process, and the worker's telegram delivery", () => {
  let polled: TelegramStandIn;
  let plain: RunningServer;
  beforeAll(async () => {
    polled = await startTelegramStandIn();
    plain = await startServer({ TELEGRAM_BOT_TOKEN: STAND_IN_TOKEN, TELEGRAM_API_ROOT: polled.url });
  }, 120_000);
  afterAll(async () => {
    await plain?.stop();
    await polled?.close();
  });

  it("links a chat from getUpdates, sends its messages with sendMessage, and stops cleanly while a getUpdates call waits", async () => {
    const cookie = await signInOverHttp(plain.url, "graduate@demo.kg");
    const res = await fetch(`${plain.url}/account`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: plain.url, Cookie: cookie },
      body: new URLSearchParams({ intent: "telegram-link" }),
    });
    const token = /\?start=([A-Za-z0-9_-]{43})/.exec(await res.text())![1]!;
    polled.pushUpdate(textUpdate(CHAT, `/start ${token}`, "en"));
    await expect.poll(() => polled.sent().length, { timeout: 10_000 }).toBe(1);
    expect(polled.sent()[0]!.text).toContain("Даяр");
    expect(polled.calls.some((c) => c.method === "deleteWebhook")).toBe(true);
    expect(polled.calls.some((c) => c.method === "setWebhook")).toBe(false);

    // A message for the linked person, as an event writes it: the server's worker delivers it.
    const writable = new Database(path.join(plain.dataDir, "portal.sqlite"));
    try {
      writable.pragma("busy_timeout = 5000");
      const { id } = writable.prepare("select id from users where email = 'graduate@demo.kg'").get() as { id: number };
      writable
        .prepare(
          "insert into outbox (idem_key, channel, kind, user_id, payload_json, link) values (?, 'telegram', 'application-invited', ?, ?, '/me/applications')",
        )
        .run(`test.invited.${id}.telegram`, id, JSON.stringify({ company: "Ала-Тоо Софт", vacancy: "QA" }));
    } finally {
      writable.close();
    }
    await expect.poll(() => polled.sent().length, { timeout: 10_000 }).toBe(2);
    expect(polled.sent()[1]).toEqual({ chat_id: CHAT, text: expect.stringMatching(/Ала-Тоо Софт[\s\S]*\/me\/applications/) });

    const stopping = Date.now();
    await plain.stop();
    expect(plain.process.exitCode).toBe(0);
    expect(Date.now() - stopping).toBeLessThan(10_000); // the waiting getUpdates call is aborted, not awaited for 25 s
  });
});
