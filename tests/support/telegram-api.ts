// A local stand-in for the Telegram Bot API (https://core.telegram.org/bots/api), started in the
// test process: POST /bot<token>/<method> with a JSON body, answered as the real API documents it:
// {ok:true, result} or {ok:false, error_code, description, parameters:{retry_after}} with the HTTP
// status equal to error_code. It answers the methods the portal uses: getMe, sendMessage,
// setWebhook, deleteWebhook, getUpdates (long polling: waits until an update or the timeout).
import http from "node:http";
import type { AddressInfo } from "node:net";

export const STAND_IN_TOKEN = "123456789:AAFtestTOKENforTHEportalSTANDinBotApi";
export const STAND_IN_BOT = "portal_test_bot";

export type ApiCall = { method: string; body: Record<string, unknown> };
export type ApiFailure = { error_code: number; description: string; retry_after?: number };

export type TelegramStandIn = {
  /** The apiRoot: http://127.0.0.1:<port>. */
  url: string;
  calls: ApiCall[];
  sent: () => { chat_id: number; text: string }[];
  /** The next call of `method` fails with this answer (several: one each, in order). */
  failNext(method: string, failure: ApiFailure): void;
  /** An update for getUpdates (update_id is numbered here). */
  pushUpdate(update: Record<string, unknown>): void;
  close(): Promise<void>;
};

let nextMessageId = 1;

export async function startTelegramStandIn(): Promise<TelegramStandIn> {
  const calls: ApiCall[] = [];
  const failures = new Map<string, ApiFailure[]>();
  const updates: Record<string, unknown>[] = [];
  let updateId = 1000;
  const waiting = new Set<() => void>();

  const answer = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end(JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      const m = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? "");
      if (!m || req.method !== "POST") return answer(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      const [, token, method] = m as unknown as [string, string, string];
      if (token !== STAND_IN_TOKEN) return answer(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
      let body: Record<string, unknown> = {};
      try {
        body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      } catch {
        return answer(res, 400, { ok: false, error_code: 400, description: "Bad Request: can't parse JSON" });
      }
      calls.push({ method, body });
      const failure = failures.get(method)?.shift();
      if (failure) {
        const { retry_after, ...rest } = failure;
        return answer(res, failure.error_code, { ok: false, ...rest, ...(retry_after !== undefined ? { parameters: { retry_after } } : {}) });
      }
      switch (method) {
        case "getMe":
          return answer(res, 200, {
            ok: true,
            result: {
              id: 123456789,
              is_bot: true,
              first_name: "Portal",
              username: STAND_IN_BOT,
              can_join_groups: false,
              can_read_all_group_messages: false,
              supports_inline_queries: false,
            },
          });
        case "sendMessage": {
          if (typeof body.chat_id !== "number" && typeof body.chat_id !== "string")
            return answer(res, 400, { ok: false, error_code: 400, description: "Bad Request: chat_id is empty" });
          if (typeof body.text !== "string" || body.text === "")
            return answer(res, 400, { ok: false, error_code: 400, description: "Bad Request: message text is empty" });
          const chatId = Number(body.chat_id);
          return answer(res, 200, {
            ok: true,
            result: { message_id: nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: "private" }, text: body.text },
          });
        }
        case "setWebhook":
          return answer(res, 200, { ok: true, result: true, description: "Webhook was set" });
        case "deleteWebhook":
          return answer(res, 200, { ok: true, result: true, description: "Webhook is already deleted" });
        case "getUpdates": {
          const offset = typeof body.offset === "number" ? body.offset : 0;
          const timeoutS = typeof body.timeout === "number" ? body.timeout : 0;
          const reply = () => answer(res, 200, { ok: true, result: updates.filter((u) => (u.update_id as number) >= offset) });
          if (updates.some((u) => (u.update_id as number) >= offset) || timeoutS === 0) return reply();
          const wake = () => {
            waiting.delete(wake);
            clearTimeout(timer);
            if (!res.writableEnded) reply();
          };
          const timer = setTimeout(wake, timeoutS * 1000);
          waiting.add(wake);
          res.on("close", () => {
            waiting.delete(wake);
            clearTimeout(timer);
          });
          return;
        }
        default:
          return answer(res, 404, { ok: false, error_code: 404, description: "Not Found: method not found" });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    sent: () => calls.filter((c) => c.method === "sendMessage").map((c) => ({ chat_id: Number(c.body.chat_id), text: String(c.body.text) })),
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    pushUpdate(update) {
      updates.push({ update_id: updateId++, ...update });
      for (const wake of [...waiting]) wake();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A private chat's text message, as Telegram sends it. */
export function textUpdate(chatId: number, text: string, languageCode = "en", chatType = "private"): Record<string, unknown> {
  return {
    message: {
      message_id: nextMessageId++,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: chatType, first_name: "Aiperi" },
      from: { id: chatId, is_bot: false, first_name: "Aiperi", language_code: languageCode },
      text,
      ...(text.startsWith("/") ? { entities: [{ offset: 0, length: text.split(" ")[0]!.length, type: "bot_command" }] } : {}),
    },
  };
}
