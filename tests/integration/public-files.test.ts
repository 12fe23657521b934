// public/'s own files (app/server/public-files.ts): served with their cache lifetime, and every
// other path passes on to the pages without the file system being asked (decision 073, Session 14).
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicFiles } from "~/server/public-files";

let url = "";
let close: () => Promise<void>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "public-files-"));

beforeAll(async () => {
  fs.writeFileSync(path.join(dir, "favicon.svg"), "<svg/>");
  fs.mkdirSync(path.join(dir, "fonts"));
  fs.writeFileSync(path.join(dir, "fonts", "a.woff2"), "font");
  fs.mkdirSync(path.join(dir, "build"));
  fs.writeFileSync(path.join(dir, "build", "app.js"), "js");
  const app = express();
  app.use(publicFiles(dir, { skip: ["/build"], maxAge: "1h" }));
  app.use((req, res) => res.status(200).type("text").send(`page ${req.path}`));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await close?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = async (p: string) => {
  const res = await fetch(`${url}${p}`);
  return { status: res.status, body: await res.text(), cache: res.headers.get("cache-control") };
};

describe("public files", () => {
  it("serves the files found at start, nested ones too, with their cache lifetime", async () => {
    expect(await get("/favicon.svg")).toEqual({ status: 200, body: "<svg/>", cache: "public, max-age=3600" });
    expect((await get("/fonts/a.woff2")).body).toBe("font");
  });

  it("passes every other path on to the pages, the skipped folder included", async () => {
    expect((await get("/vacancies")).body).toBe("page /vacancies");
    expect((await get("/build/app.js")).body).toBe("page /build/app.js");
    expect((await get("/favicon.svg/x")).body).toBe("page /favicon.svg/x");
    // Listed once: a file that appears later is not served from here (public/ is build output).
    fs.writeFileSync(path.join(dir, "late.txt"), "late");
    expect((await get("/late.txt")).body).toBe("page /late.txt");
  });
});
