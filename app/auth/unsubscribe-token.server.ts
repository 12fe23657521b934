// One-click unsubscribe links (RFC 8058; docs/product.md §13, docs/decisions/051-outbox.md): the link
// names a person, a kind of message and a channel, signed with a key derived from the session
// secret, so it works without signing in and cannot be forged or pointed at someone else. It does
// not expire: people unsubscribe from old e-mails too; it only ever turns messages off.
import crypto from "node:crypto";
import type { MessageChannel } from "@db/schema";
import { config } from "~/config.server";

export type UnsubscribeTarget = { userId: number; kind: string; channel: MessageChannel };

/** The last secret's derived key: the outbox worker signs a link per e-mail, and deriving it each time was an HMAC more a message (decision 051, "Session 14"). */
let derived: { secret: string; key: Buffer } | null = null;

function key(secret: string): Buffer {
  if (derived?.secret !== secret) derived = { secret, key: crypto.createHmac("sha256", secret).update("message-unsubscribe/v1").digest() };
  return derived.key;
}

function signature(secret: string, payload: string): string {
  return crypto.createHmac("sha256", key(secret)).update(payload).digest("base64url").slice(0, 32);
}

export function unsubscribeToken(target: UnsubscribeTarget, secret: string = config().sessionSecret): string {
  const payload = Buffer.from(`${target.userId}.${target.kind}.${target.channel}`).toString("base64url");
  return `${payload}.${signature(secret, payload)}`;
}

/** The target of a genuine token, or null for anything else (tampered, truncated, another secret's). */
export function readUnsubscribeToken(token: string, secret: string = config().sessionSecret): UnsubscribeTarget | null {
  const m = /^([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const expected = Buffer.from(signature(secret, m[1]));
  const given = Buffer.from(m[2]);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  const parts = /^(\d{1,12})\.([a-z-]{1,60})\.(email|telegram)$/.exec(Buffer.from(m[1], "base64url").toString("utf8"));
  if (!parts) return null;
  return { userId: Number(parts[1]), kind: parts[2], channel: parts[3] as MessageChannel };
}
