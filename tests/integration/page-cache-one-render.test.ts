// The page cache renders a page once when many visitors ask for it at the same time
// (app/server/page-cache.ts, decision 069 Session 14): a portfolio link posted in a big Telegram
// group, or a page just dropped by an edit, must not be rendered side by side by every request
// that finds it missing. A real Express server with the real cache over a migrated SQLite file;
// the route behind it stands for Remix (it names its pieces as the loaders do, and is slow).
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageCache, pageChanges } from "~/server/page-cache";
import { createTestDatabase } from "../support/db";

let url = "";
let close: () => Promise<void>;
let renders = 0;
let status = 200;
let run: (sql: string) => void;

beforeAll(async () => {
  const connection = await createTestDatabase();
  run = (sql) => void connection.sqlite.prepare(sql).run();
  const app = express();
  let n = 0;
  app.use((_req, res, next) => ((res.locals.cspNonce = `nonce${++n}`), next()));
  app.use(pageCache(pageChanges(connection.sqlite)));
  app.get("/g/:slug", (req, res) => {
    renders += 1;
    (res.locals.pageDeps as string[] | undefined)?.push(`g:${req.params.slug}`);
    // A render takes a while (queries, React): long enough for the others to arrive meanwhile.
    setTimeout(() => res.status(status).type("html").send(`<p nonce="${res.locals.cspNonce}">${req.params.slug} #${renders}</p>`), 150);
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close?.());

const visitors = (path: string, count: number) =>
  Promise.all(Array.from({ length: count }, async () => {
    const res = await fetch(`${url}${path}`);
    return { status: res.status, body: await res.text() };
  }));

describe("many visitors to a page that is not stored", () => {
  it("get one render between them, each with its own nonce", async () => {
    renders = 0;
    const pages = await visitors("/g/aibek", 10);
    expect(renders).toBe(1);
    expect(new Set(pages.map((p) => p.body.replace(/nonce\d+/, "N")))).toEqual(new Set(['<p nonce="N">aibek #1</p>']));
    expect(new Set(pages.map((p) => /nonce\d+/.exec(p.body)![0])).size).toBe(10);
    // Another page is its own render.
    await visitors("/g/bermet", 3);
    expect(renders).toBe(2);
  });

  it("render again together once the page changed, and once more each when the render could not be stored", async () => {
    renders = 0;
    await visitors("/g/chyngyz", 4);
    run("insert into page_changes (piece) values ('g:chyngyz')");
    await visitors("/g/chyngyz", 6);
    expect(renders).toBe(2);
    // A 404 is never stored: the waiting requests then render their own (never a page they did not ask for).
    status = 404;
    renders = 0;
    const pages = await visitors("/g/dinara", 5);
    status = 200;
    expect(renders).toBe(5);
    expect(pages.every((p) => p.status === 404)).toBe(true);
  });
});
