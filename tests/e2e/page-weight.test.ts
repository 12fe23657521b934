// docs/product.md §10 page weight: every page — signed out and signed in as each demo role (issue 14
// item 20) — loaded in Chromium with JavaScript on, ships at most 120 KB gzip of first-load JavaScript;
// the public pages also at most 60 KB gzip of HTML + CSS (bodies gzipped by the test itself).
// The pages are found by walking the site's links as each role (tests/bench/page-weight.ts,
// discoverPages), so a new page is measured as soon as something links to it (its scripts counted
// from its HTML over HTTP, checked against Chromium on two pages); the build's route
// manifest is checked as well, for every route, linked or not. `npm run bench` prints the figures.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  DEMO_ROLES,
  discoverPages,
  firstLoadJsKb,
  HTML_CSS_BUDGET_KB,
  JS_BUDGET_KB,
  measurePage,
  measurePageWeights,
  VISITOR_START,
} from "../bench/page-weight";
import { sessionCookie } from "../bench/slow-link";
import { hasChromium } from "../support/browser";
import { useServerAndBrowser } from "../support/e2e";

const SERVER_RENDERED_ONLY_PAGES = ["home", "job board", "vacancy", "company", "companies", "portfolio", "outcomes"];
const over = (ws: { name: string; path: string; jsKb: number; files: unknown[] }[]) =>
  ws.filter((w) => w.jsKb > JS_BUDGET_KB).map((w) => `${w.name} ${w.path}: ${w.jsKb.toFixed(1)} KB in ${w.files.length} files`);

describe.skipIf(!hasChromium)("page weight", () => {
  const env = useServerAndBrowser();

  it("first-load JavaScript ≤ 120 KB gzip and HTML + CSS ≤ 60 KB gzip on each public page type", async () => {
    const weights = await measurePageWeights(env.server.url, env.browser);
    expect(weights.map((w) => w.name)).toEqual(expect.arrayContaining(["home", "job board", "vacancy", "company", "companies", "portfolio", "login"]));
    for (const w of weights) {
      expect(w.status, w.path).toBe(200);
      // The pages that are read, not worked in, ship no JavaScript at all (app/utils/hydration.ts);
      // the others load theirs, so the JavaScript figure is a real measurement.
      expect(
        w.files.some((f) => f.kind === "js"),
        `${w.path} loads scripts`,
      ).toBe(!SERVER_RENDERED_ONLY_PAGES.includes(w.name));
      expect(w.jsKb, `${w.path} JavaScript KB gzip`).toBeLessThanOrEqual(JS_BUDGET_KB);
      expect(w.htmlCssKb, `${w.path} HTML + CSS KB gzip`).toBeLessThanOrEqual(HTML_CSS_BUDGET_KB);
    }
  }, 120_000);

  it("first-load JavaScript ≤ 120 KB gzip on every page a visitor or a demo role reaches (issue 14 item 20)", async () => {
    const { url } = env.server;
    const measured = new Set<string>();
    const pages: { name: string; path: string; cookie?: string }[] = [];
    for (const r of [{ role: "visitor", email: null, start: VISITOR_START }, ...DEMO_ROLES]) {
      const cookie = r.email ? await sessionCookie(url, r.email) : undefined;
      for (const p of await discoverPages(url, r.start, cookie)) {
        // A page type is measured once, by the first role that reaches it: its scripts are the route's.
        if (measured.has(p.pattern)) continue;
        measured.add(p.pattern);
        pages.push({ name: `${r.role} ${p.pattern}`, path: p.path, cookie });
      }
    }
    // Each page's first-load scripts as its HTML names them, over HTTP (a browser per page would take
    // ten minutes on this machine); two pages are also loaded in Chromium to show the two counts agree.
    const weights: { name: string; path: string; status: number; jsKb: number; files: string[] }[] = [];
    // Each /build/ file is fetched and gzipped once for the walk, not once per page that loads it.
    const buildFiles: Parameters<typeof firstLoadJsKb>[3] = new Map();
    for (const p of pages) weights.push({ name: p.name, path: p.path, ...(await firstLoadJsKb(url, p.path, p.cookie, buildFiles)) });
    for (const name of ["visitor /login", "employer /vacancies/:id/candidates"]) {
      const p = pages.find((x) => x.name === name)!;
      const inBrowser = await measurePage(env.browser, url, p.name, p.path, "ky", p.cookie);
      const overHttp = weights.find((w) => w.name === name)!;
      expect(overHttp.jsKb, `${p.path}: scripts named by the HTML vs loaded by Chromium`).toBeCloseTo(inBrowser.jsKb, 0);
    }
    // The walk really reached the signed-in pages, the graduate's first ones among them.
    expect([...measured]).toEqual(expect.arrayContaining(["/join", "/me/profile", "/me/skills", "/employer", "/vacancies/:id/candidates", "/staff", "/admin"]));
    expect(weights.filter((w) => w.status !== 200).map((w) => `${w.path} ${w.status}`)).toEqual([]);
    // Some pages hydrate, so the JavaScript figure measures real scripts.
    expect(weights.some((w) => w.jsKb > 50)).toBe(true);
    expect(over(weights)).toEqual([]);
  }, 300_000);

  it("every route's first-load JavaScript in the build's manifest ≤ 120 KB gzip, linked from anywhere or not", () => {
    // What a first visit to the route downloads: the client entry, the root and every route of the
    // match chain, each with the shared chunks it imports (public/build/manifest-*.js).
    const dir = path.resolve("public/build");
    const manifestFile = fs.readdirSync(dir).find((f) => /^manifest-.*\.js$/.test(f))!;
    const text = fs.readFileSync(path.join(dir, manifestFile), "utf8");
    const manifest = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as {
      entry: { module: string; imports: string[] };
      routes: Record<string, { id: string; parentId?: string; module: string; imports?: string[] }>;
    };
    const gzipKb = new Map<string, number>();
    const kbOf = (file: string) => {
      if (!gzipKb.has(file)) gzipKb.set(file, zlib.gzipSync(fs.readFileSync(path.resolve("public", file.replace(/^\//, ""))), { level: 9 }).length / 1024);
      return gzipKb.get(file)!;
    };
    const tooHeavy: string[] = [];
    for (const route of Object.values(manifest.routes)) {
      const files = new Set([manifest.entry.module, ...manifest.entry.imports]);
      for (let r: typeof route | undefined = route; r; r = r.parentId ? manifest.routes[r.parentId] : undefined) {
        files.add(r.module);
        for (const i of r.imports ?? []) files.add(i);
      }
      const kb = [...files].reduce((sum, f) => sum + kbOf(f), 0);
      if (kb > JS_BUDGET_KB) tooHeavy.push(`${route.id}: ${kb.toFixed(1)} KB in ${files.size} files`);
    }
    expect(Object.keys(manifest.routes).length).toBeGreaterThan(50);
    expect(tooHeavy).toEqual([]);
  });
});
