// TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET and TELEGRAM_API_ROOT are checked at start
// (docs/decisions/052-telegram-channel.md): a malformed value stops the start with a line naming it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "~/config.server";
import { parseCommand } from "~/domain/messages/telegram";

const base = { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "telegram-config-")), SESSION_SECRET: "s".repeat(40) };
const TOKEN = "123456789:AAFtestTOKENforTHEportalSTANDinBotApi";
const SECRET = "a".repeat(32);

describe("Telegram settings", () => {
  it("unset: no bot; set: long polling unless a webhook secret is given", () => {
    expect(loadConfig({ ...base }).telegram).toBeNull();
    expect(loadConfig({ ...base, TELEGRAM_BOT_TOKEN: "" }).telegram).toBeNull();
    expect(loadConfig({ ...base, TELEGRAM_BOT_TOKEN: TOKEN }).telegram).toEqual({ token: TOKEN, webhookSecret: null, apiRoot: "https://api.telegram.org" });
    expect(
      loadConfig({ ...base, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, PUBLIC_URL: "https://careers.example.kg", SEED_DEMO: "0" }).telegram,
    ).toEqual({ token: TOKEN, webhookSecret: SECRET, apiRoot: "https://api.telegram.org" });
    expect(loadConfig({ ...base, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:8081/" }).telegram?.apiRoot).toBe("http://127.0.0.1:8081");
  });

  it.each([
    [{ TELEGRAM_BOT_TOKEN: "not-a-token" }, /TELEGRAM_BOT_TOKEN: not a bot token/],
    [{ TELEGRAM_BOT_TOKEN: `${TOKEN}\n` }, /TELEGRAM_BOT_TOKEN/],
    [{ TELEGRAM_WEBHOOK_SECRET: SECRET }, /TELEGRAM_WEBHOOK_SECRET: set without TELEGRAM_BOT_TOKEN/],
    [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: "short" }, /TELEGRAM_WEBHOOK_SECRET: 32 to 256 characters/],
    [
      { TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, PUBLIC_URL: "http://careers.example.kg", SEED_DEMO: "0" },
      /Telegram sends webhooks only to https/,
    ],
    [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "ftp://example.kg" }, /TELEGRAM_API_ROOT/],
  ])("refuses %j", (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });

  it("reads /start <token>, /start@bot <token> and /stop; anything else, or a token of the wrong shape, is not a link", () => {
    const token = "A".repeat(43);
    expect(parseCommand(`/start ${token}`)).toEqual({ command: "start", token });
    expect(parseCommand(`/start@portal_bot ${token}`)).toEqual({ command: "start", token });
    expect(parseCommand("/start")).toEqual({ command: "start", token: null });
    expect(parseCommand(`/start ${token}' OR 1=1`)).toEqual({ command: "other" });
    expect(parseCommand("/start ../../etc")).toEqual({ command: "start", token: null });
    expect(parseCommand("/stop")).toEqual({ command: "stop" });
    expect(parseCommand("hello")).toEqual({ command: "other" });
  });
});
