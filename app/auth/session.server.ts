// Server-side sessions: the cookie carries a random token (signed with the session secret);
// the database keeps only its hash, the user and the expiry.
import { createCookie } from "@remix-run/node";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import type { User } from "@db/schema";
import { randomToken, sha256 } from "./tokens.server";

const SESSION_DAYS = 30;

let cookieInstance: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  cookieInstance ??= createCookie("__session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: SESSION_DAYS * 24 * 3600,
    secrets: [config().sessionSecret],
  });
  return cookieInstance;
}

/** Secure only when the request reached us over HTTPS (directly or through a trusted proxy). */
function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:";
}

async function tokenFrom(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export type SessionUser = Pick<User, "id" | "email" | "role" | "display_name" | "locale">;

export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const token = await tokenFrom(request);
  if (!token) return null;
  const row = await getDb()
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.email", "users.role", "users.display_name", "users.locale", "sessions.expires_at"])
    .where("sessions.id", "=", sha256(token))
    .where("users.active", "=", 1)
    .executeTakeFirst();
  if (!row || row.expires_at <= new Date().toISOString()) return null;
  const { expires_at: _expires, ...user } = row;
  return user;
}

/**
 * Starts a new session for the user and returns its Set-Cookie header. Any session the
 * request already carried is ended first, so sign-in always rotates the identifier.
 */
export async function startSession(request: Request, userId: number): Promise<string> {
  const previous = await tokenFrom(request);
  const db = getDb();
  if (previous) await db.deleteFrom("sessions").where("id", "=", sha256(previous)).execute();
  const token = randomToken();
  const expires = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await db
    .insertInto("sessions")
    .values({ id: sha256(token), user_id: userId, expires_at: expires.toISOString() })
    .execute();
  return sessionCookie().serialize(token, { secure: isHttps(request), expires });
}

/** Ends the request's session; returns the Set-Cookie header that clears the cookie. */
export async function endSession(request: Request): Promise<string> {
  const token = await tokenFrom(request);
  if (token) await getDb().deleteFrom("sessions").where("id", "=", sha256(token)).execute();
  return sessionCookie().serialize("", { secure: isHttps(request), maxAge: 0, expires: new Date(0) });
}

/** Ends every session of a user (password change, reset, account deletion). */
export async function endAllSessions(userId: number): Promise<void> {
  await getDb().deleteFrom("sessions").where("user_id", "=", userId).execute();
}
