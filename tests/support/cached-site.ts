// What the page-cache tests over HTTP share (tests/integration/public-page-cache.test.ts and
// tests/integration/board-cache.test.ts; docs/decisions/069-public-page-cache.md): the production server
// on a copy of the demo data, its database opened beside it (another process's writes), and plain
// GETs and form POSTs as a browser without JavaScript sends them.
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll } from "vitest";
import { type RunningServer, startServer } from "./server";
import { signInOverHttp } from "./sign-in";

/** A page as fetched: its status, body and headers, and the CSP nonce in its header and those in its body. */
export type Page = { status: number; body: string; headerNonce: string; bodyNonces: string[]; headers: Headers };

export type CachedSite = {
  readonly server: RunningServer;
  /** The server's database file, written beside it (busy_timeout 5 s). */
  readonly db: Database.Database;
  get: (pathname: string, headers?: Record<string, string>) => Promise<Page>;
  /** A form POST with a session cookie; the status (a redirect is not followed). */
  post: (pathname: string, cookie: string, fields: Record<string, string>) => Promise<number>;
  /** A demo account signed in over HTTP: its session cookie. */
  signIn: (email: string) => Promise<string>;
};

/** Starts the server before the file's tests (within `startMs`: the demo template and a start take minutes on a loaded machine) and stops it after them. */
export function useCachedSite(startMs = 600_000): CachedSite {
  let server: RunningServer | undefined;
  let db: Database.Database | undefined;
  beforeAll(async () => {
    server = await startServer();
    db = new Database(path.join(server.dataDir, "portal.sqlite"));
    db.pragma("busy_timeout = 5000");
  }, startMs);
  afterAll(async () => {
    db?.close();
    await server?.stop();
  });
  const started = () => {
    if (!server || !db) throw new Error("the server is started in beforeAll");
    return { server, db };
  };
  return {
    get server() {
      return started().server;
    },
    get db() {
      return started().db;
    },
    get: async (pathname, headers = {}) => {
      const res = await fetch(`${started().server.url}${pathname}`, { headers });
      const body = await res.text();
      const headerNonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1] ?? "";
      const bodyNonces = [...new Set([...body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]!))];
      return { status: res.status, body, headerNonce, bodyNonces, headers: res.headers };
    },
    post: async (pathname, cookie, fields) => {
      const { url } = started().server;
      const res = await fetch(`${url}${pathname}`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url, Cookie: cookie },
        body: new URLSearchParams(fields),
      });
      await res.arrayBuffer();
      return res.status;
    },
    signIn: (email) => signInOverHttp(started().server.url, email),
  };
}
