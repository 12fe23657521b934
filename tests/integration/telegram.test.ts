// Telegram as the outbox's second channel (docs/product.md §13, docs/decisions/052-telegram-channel.md),
// against a Bot API stand-in started here (tests/support/telegram-api.ts) that grammy reaches through
// its apiRoot setting, the production code path. Linking by a one-time deep-link token, unlinking
// from both sides, delivery in the person's language, a blocked bot, 429 with retry_after.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { TELEGRAM } from "~/domain/messages/telegram";
import { invite, move } from "~/models/applications.server";
import { createLinkToken, telegramStateOf, unlinkUser } from "~/models/telegram.server";
import { handleTelegramUpdate, longPolling, telegramApi } from "~/server/telegram-bot";
import { makeCompany, makeGraduate, makeUser, makeVacancy } from "../support/factories";
import { OUTBOX_PUBLIC_URL as PUBLIC_URL, useOutboxHarness } from "../support/outbox-harness";
import { STAND_IN_TOKEN, textUpdate } from "../support/telegram-api";

const CHAT = 4242001;

const h = useOutboxHarness({ telegram: true });

const settings = () => ({ token: STAND_IN_TOKEN, webhookSecret: null, apiRoot: h.telegram.url });

/** An employer with an open vacancy and a graduate (account in `locale`) employers may see. */
async function scene(locale: "ky" | "ru" | "en" = "ky") {
  const employer = await makeUser(h.c, "employer");
  const companyId = await makeCompany(h.c, employer.id, { status: "verified", name: "Ала-Тоо Софт" });
  const vacancyId = await makeVacancy(h.c, companyId, { title: "Junior frontend-разработчик" });
  const g = await makeGraduate(h.c, { firstName: "Айпери", lastName: "Жумабекова", account: true });
  await h.c.db.updateTable("graduates").set({ visibility: "employers" }).where("id", "=", g.graduateId).execute();
  await h.c.db.updateTable("users").set({ locale }).where("id", "=", g.userId!).execute();
  return { employer, companyId, vacancyId, graduateId: g.graduateId, userId: g.userId! };
}

const start = (token: string, chat = CHAT, lang = "en") =>
  handleTelegramUpdate(h.c.db, { update_id: 1, ...textUpdate(chat, `/start ${token}`, lang) }, h.clock);
const links = () => h.c.db.selectFrom("telegram_links").selectAll().execute();
const outbox = () => h.c.db.selectFrom("outbox").selectAll().orderBy("id").execute();

async function linked(locale: "ky" | "ru" | "en" = "ky") {
  const s = await scene(locale);
  expect((await start(await createLinkToken(h.c.db, s.userId, h.clock)))?.text).toBeTruthy();
  expect(await links()).toEqual([expect.objectContaining({ user_id: s.userId, chat_id: CHAT })]);
  return s;
}

describe("linking by a one-time deep link", () => {
  it("/start <token> links the chat and answers in the person's language; the token is stored only as its hash", async () => {
    const s = await scene("ru");
    const token = await createLinkToken(h.c.db, s.userId, h.clock);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await h.c.db.selectFrom("telegram_link_tokens").selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);
    // The chat's own language is English; the answer follows the account's (Russian).
    const reply = await start(token, CHAT, "en");
    expect(reply).toEqual({ chat_id: CHAT, text: expect.stringContaining("Готово: сообщения портала") });
    expect(await links()).toEqual([expect.objectContaining({ user_id: s.userId, chat_id: CHAT })]);
    expect(await telegramStateOf(h.c.db, s.userId)).toEqual({ linked: true, failing: false });
  });

  it("a used token is refused (in the chat's language) and links nothing; so are an expired one and a made-up one", async () => {
    const s = await scene("ky");
    const token = await createLinkToken(h.c.db, s.userId, h.clock);
    await start(token);
    const again = await start(token, CHAT + 1, "ru");
    expect(again?.text).toContain("Эта ссылка недействительна");
    expect((await links()).map((l) => l.chat_id)).toEqual([CHAT]);

    await unlinkUser(h.c.db, s.userId);
    const late = await createLinkToken(h.c.db, s.userId, h.clock);
    h.clock = new Date(h.clock.getTime() + TELEGRAM.linkTokenMs + 1000);
    expect((await start(late, CHAT, "en"))?.text).toContain("This link is not valid");
    expect((await start(crypto.randomBytes(32).toString("base64url"), CHAT, "ky"))?.text).toContain("Бул шилтеме жараксыз");
    expect(await links()).toEqual([]);
  });

  it("a new link replaces the person's earlier unused one", async () => {
    const s = await scene();
    const first = await createLinkToken(h.c.db, s.userId, h.clock);
    const second = await createLinkToken(h.c.db, s.userId, h.clock);
    expect((await start(first))?.text).toContain("not valid");
    expect((await start(second))?.text).toContain("Даяр");
  });

  it("a group chat is never linked", async () => {
    const s = await scene();
    const token = await createLinkToken(h.c.db, s.userId, h.clock);
    const reply = await handleTelegramUpdate(h.c.db, { update_id: 5, ...textUpdate(-100200, `/start ${token}`, "en", "group") }, h.clock);
    expect(reply?.text).toContain("only to a private chat");
    expect(await links()).toEqual([]);
  });
});

describe("unlinking works from both sides", () => {
  it("/stop in the chat unlinks it, answering in the person's language", async () => {
    const s = await linked("ky");
    const reply = await handleTelegramUpdate(h.c.db, { update_id: 2, ...textUpdate(CHAT, "/stop", "ru") }, h.clock);
    expect(reply?.text).toContain("Даяр: бул чатка мындан ары");
    expect(await links()).toEqual([]);
    expect(await telegramStateOf(h.c.db, s.userId)).toEqual({ linked: false, failing: false });
    // Nothing is written for a person who is not linked any more.
    const invited = await invite(h.c.db, s.companyId, s.vacancyId, { id: s.graduateId }, s.employer.id);
    expect(invited.ok).toBe(true);
    expect((await outbox()).map((r) => r.channel)).toEqual(["email"]);
  });

  it("the account's unlink forgets the chat; a message queued before is then not sent", async () => {
    const s = await linked("en");
    await invite(h.c.db, s.companyId, s.vacancyId, { id: s.graduateId }, s.employer.id);
    expect(await unlinkUser(h.c.db, s.userId)).toBe(true);
    await h.startWorker().runOnce();
    const tg = (await outbox()).find((r) => r.channel === "telegram")!;
    expect([tg.status, tg.last_error]).toEqual(["not_sent", "telegram-unlinked"]);
    expect(h.telegram.sent()).toEqual([]);
  });
});

describe("delivery", () => {
  it("an invitation and a stage move write a telegram row beside the e-mail row for a linked person, sent in their language with the link back", async () => {
    const s = await linked("ky");
    const invited = await invite(h.c.db, s.companyId, s.vacancyId, { id: s.graduateId }, s.employer.id);
    const applicationId = (invited as { id: number }).id;
    await h.c.db.updateTable("applications").set({ status: "applied" }).where("id", "=", applicationId).execute();
    const moved = await move(
      h.c.db,
      s.companyId,
      applicationId,
      { to: "screening", note: null, interviewAt: null, interviewPlace: null, startDate: null, monthlyPay: null },
      s.employer.id,
    );
    expect(moved.ok).toBe(true);
    expect((await outbox()).map((r) => [r.kind, r.channel, r.status])).toEqual([
      ["application-invited", "email", "queued"],
      ["application-invited", "telegram", "queued"],
      ["application-status", "email", "queued"],
      ["application-status", "telegram", "queued"],
    ]);
    const round = await h.startWorker().runOnce();
    expect(round).toMatchObject({ claimed: 4, sent: 2, notSent: 2 });
    const sent = h.telegram.sent();
    expect(sent.map((m) => m.chat_id)).toEqual([CHAT, CHAT]);
    expect(sent[0]!.text).toContain("Ала-Тоо Софт");
    expect(sent[0]!.text).toContain("Порталда ачуу");
    expect(sent[1]!.text).toContain(`${PUBLIC_URL}/me/applications/${applicationId}`);
    expect(sent[1]!.text).not.toContain("screening"); // the stage in words, in Kyrgyz
    expect((await outbox()).filter((r) => r.channel === "telegram").map((r) => r.status)).toEqual(["sent", "sent"]);
  });

  it("a blocked bot (403) marks the person's telegram channel failing and is not tried again", async () => {
    const s = await linked("en");
    h.telegram.failNext("sendMessage", { error_code: 403, description: "Forbidden: bot was blocked by the user" });
    await invite(h.c.db, s.companyId, s.vacancyId, { id: s.graduateId }, s.employer.id);
    const w = h.startWorker();
    expect(await w.runOnce()).toMatchObject({ failed: 1 });
    const tg = (await outbox()).find((r) => r.channel === "telegram")!;
    expect(tg.status).toBe("failed");
    expect(tg.last_error).toContain("403: Forbidden: bot was blocked by the user");
    expect(await h.c.db.selectFrom("message_channel_failures").select(["user_id", "channel"]).execute()).toEqual([{ user_id: s.userId, channel: "telegram" }]);
    expect(await telegramStateOf(h.c.db, s.userId)).toEqual({ linked: true, failing: true });
    // The next message is not tried on the failing channel, and the failed one is not retried.
    const other = await makeVacancy(h.c, s.companyId, { title: "QA" });
    await invite(h.c.db, s.companyId, other, { id: s.graduateId }, s.employer.id);
    h.clock = new Date(h.clock.getTime() + 3600_000);
    await w.runOnce();
    expect(h.telegram.sent()).toHaveLength(1);
    expect((await outbox()).filter((r) => r.channel === "telegram").map((r) => [r.status, r.last_error?.slice(0, 15)])).toEqual([
      ["failed", "403: Forbidden:"],
      ["not_sent", "channel-failing"],
    ]);
    // Linking again clears the failing mark.
    await start(await createLinkToken(h.c.db, s.userId, h.clock));
    expect(await telegramStateOf(h.c.db, s.userId)).toEqual({ linked: true, failing: false });
  });

  it("429 is retried after retry_after, not before; a 5xx with the outbox's backoff", async () => {
    const s = await linked("ru");
    h.telegram.failNext("sendMessage", { error_code: 429, description: "Too Many Requests: retry after 7", retry_after: 7 });
    await invite(h.c.db, s.companyId, s.vacancyId, { id: s.graduateId }, s.employer.id);
    const w = h.startWorker();
    expect(await w.runOnce()).toMatchObject({ retried: 1 });
    const first = (await outbox()).find((r) => r.channel === "telegram")!;
    expect([first.status, first.last_error]).toEqual(["queued", "429: Too Many Requests: retry after 7"]);
    expect(Date.parse(first.next_attempt_at) - h.clock.getTime()).toBe(7000);
    h.clock = new Date(h.clock.getTime() + 6000);
    expect((await w.runOnce()).claimed).toBe(0);
    h.telegram.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
    h.clock = new Date(h.clock.getTime() + 1000);
    expect(await w.runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    const second = (await outbox()).find((r) => r.channel === "telegram")!;
    expect(second.status).toBe("queued");
    expect(Date.parse(second.next_attempt_at) - h.clock.getTime()).toBe(60_000); // 2nd try: 30 s doubled
    h.clock = new Date(h.clock.getTime() + 60_000);
    expect(await w.runOnce()).toMatchObject({ sent: 1 });
    expect(h.telegram.sent().map((m) => m.text)).toEqual([
      expect.stringContaining("приглашает"),
      expect.stringContaining("приглашает"),
      expect.stringContaining("приглашает"),
    ]);
    expect((await h.c.db.selectFrom("message_channel_failures").selectAll().execute()).length).toBe(0);
  });

  it("without a bot token telegram rows are kept, marked not sent: no channel configured", async () => {
    const s = await linked("en");
    await invite(h.c.db, s.companyId, s.vacancyId, { id: s.graduateId }, s.employer.id);
    await h.startWorker({ telegram: false }).runOnce();
    expect((await outbox()).map((r) => [r.channel, r.status, r.last_error])).toEqual([
      ["email", "not_sent", "no-channel"],
      ["telegram", "not_sent", "no-channel"],
    ]);
    expect(h.telegram.calls).toEqual([]);
  });
});

describe("long polling (the default without a webhook secret)", () => {
  it("getUpdates brings /start <token>: the chat is linked and the bot answers with sendMessage in the person's language; /stop unlinks", async () => {
    const s = await scene("ky");
    const poller = longPolling(h.c.db, telegramApi(settings()), () => undefined);
    poller.start();
    try {
      h.telegram.pushUpdate(textUpdate(CHAT, `/start ${await createLinkToken(h.c.db, s.userId, new Date())}`, "en"));
      await expect.poll(() => h.telegram.sent().length, { timeout: 5000 }).toBe(1);
      expect(h.telegram.sent()[0]).toEqual({ chat_id: CHAT, text: expect.stringContaining("Даяр: «") });
      expect(await links()).toEqual([expect.objectContaining({ user_id: s.userId, chat_id: CHAT })]);
      h.telegram.pushUpdate(textUpdate(CHAT, "/stop", "en"));
      await expect.poll(() => h.telegram.sent().length, { timeout: 5000 }).toBe(2);
      expect(await links()).toEqual([]);
      // A webhook set earlier would make getUpdates fail: polling removes it first; each update is asked past once.
      expect(h.telegram.calls[0]!.method).toBe("deleteWebhook");
      const offsets = h.telegram.calls.filter((x) => x.method === "getUpdates").map((x) => x.body.offset);
      expect(offsets.slice(0, 3)).toEqual([0, 1001, 1002]); // updates 1000 and 1001, each confirmed by the next offset
    } finally {
      await poller.stop();
    }
  });
});
