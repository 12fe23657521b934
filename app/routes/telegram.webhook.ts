// Telegram's webhook (docs/decisions/052-telegram-channel.md): only when TELEGRAM_WEBHOOK_SECRET is
// set (otherwise 404: the bot polls). Telegram proves itself with the secret in
// X-Telegram-Bot-Api-Secret-Token: missing → 401, wrong → 403, a body that is not an update → 400,
// and none of them writes anything. The bot's answer rides back in the response (sendMessage).
import type { ActionFunctionArgs } from "@remix-run/node";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { handleTelegramUpdate, isTelegramUpdate, webhookSecretMatches } from "~/server/telegram-bot";
import { readBoundedBytes } from "~/utils/request-body.server";

/** An update is a few hundred bytes; a message is at most 4,096 characters. */
const MAX_BODY = 64 * 1024;

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export function loader() {
  const secret = config().telegram?.webhookSecret;
  return secret ? plain(405, "405 Method Not Allowed: Telegram posts updates here") : plain(404, "404 Not Found");
}

export async function action({ request }: ActionFunctionArgs) {
  const secret = config().telegram?.webhookSecret;
  if (!secret) return plain(404, "404 Not Found");
  if (request.method !== "POST") return plain(405, "405 Method Not Allowed");
  const given = request.headers.get("x-telegram-bot-api-secret-token");
  if (given === null) return plain(401, "401 Unauthorized: the secret token header is missing");
  if (!webhookSecretMatches(given, secret)) return plain(403, "403 Forbidden: wrong secret token");
  // Bounded while it is read: reading it whole first would buffer a chunked body of any size (decision 078).
  let bytes: Uint8Array | null;
  try {
    bytes = await readBoundedBytes(request, MAX_BODY);
  } catch {
    return plain(400, "400 Bad Request: the body did not arrive");
  }
  if (bytes === null) return plain(413, "413 Payload Too Large");
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return plain(400, "400 Bad Request: not JSON");
  }
  if (!isTelegramUpdate(body)) return plain(400, "400 Bad Request: not a Telegram update");
  const reply = await handleTelegramUpdate(getDb(), body, new Date());
  return Response.json(reply ? { method: "sendMessage", ...reply } : {}, { headers: { "Cache-Control": "no-store" } });
}
