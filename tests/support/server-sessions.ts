// Signs people into a running test server without a password: a session row in its database
// and a cookie signed with its secret, made exactly the way sign-in makes them
// (app/auth/session.server.ts). For tests that need many signed-in users at once.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createCookie } from "@remix-run/node";
import Database from "better-sqlite3";

export async function sessionCookiesFor(dataDir: string, userIds: number[]): Promise<string[]> {
  const secret = fs.readFileSync(path.join(dataDir, "session-secret"), "utf8").trim();
  const cookie = createCookie("__session", { httpOnly: true, sameSite: "lax", path: "/", secrets: [secret] });
  const db = new Database(path.join(dataDir, "portal.sqlite"));
  db.pragma("busy_timeout = 5000");
  try {
    const insert = db.prepare("insert into sessions (id, user_id, expires_at) values (?, ?, ?)");
    const expires = new Date(Date.now() + 24 * 3600_000).toISOString();
    const cookies: string[] = [];
    for (const userId of userIds) {
      const token = crypto.randomBytes(32).toString("base64url");
      insert.run(crypto.createHash("sha256").update(token).digest("hex"), userId, expires);
      cookies.push((await cookie.serialize(token)).split(";")[0]!);
    }
    return cookies;
  } finally {
    db.close();
  }
}
