import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { LongestFirstSequencer } from "./tests/support/sequencer";
import { filesBeforeNative } from "./tests/support/test-phases";

const root = path.dirname(fileURLToPath(import.meta.url));

// Which test files may share a worker and its loaded modules (docs/decisions/035-test-suite-speed.md,
// session 9): a file that runs in its own fresh process pays about 5 s of CPU to load vitest and the
// app before its first test. Files that change what another file would see — a module swapped by
// vi.mock, an environment variable set (the app reads its settings once), fake timers — or that drive
// a server, a CLI or a browser keep a fresh process each, as before. Sorted by reading each file, so a
// new file lands in the right group without a list to keep up to date.
const ISOLATE =
  /vi\.hoisted|useUploadDir|process\.env\.[A-Z_]+\s*=[^=]|delete process\.env|vi\.stubEnv|vi\.stubGlobal|useFakeTimers|startServer|demoDataCopy|support\/server-harness|node:child_process|chromium|playwright/;
/**
 * Files that drive a server, a CLI or a browser from the outside and change nothing in their own
 * process that the next file would see (no setting, no module swap, no spy, no fake clock): they share a
 * worker process (the "served" project below), as the in-process files share a thread (Session 15 of
 * docs/decisions/035-test-suite-speed.md: a fresh process per file cost about 1.5 s of CPU to load
 * vitest, the support modules and the app's modules they import). Each still starts its own servers,
 * data folders and browser, so no state passes between files through them.
 */
const DRIVES = /startServer|demoDataCopy|support\/server-harness|support\/e2e"|node:child_process|chromium|playwright/;
const CHANGES_PROCESS =
  /vi\.hoisted|useUploadDir|process\.env\.[A-Z_]+\s*=[^=]|process\.env\[[^\]]+\]\s*=[^=]|delete process\.env|vi\.stubEnv|vi\.stubGlobal|vi\.spyOn|useFakeTimers|vi\.(do)?mock\(|process\.on\(|process\.chdir|process\.umask|globalThis\.[A-Za-z_$]+\s*=[^=]/i;
/** The one module swap unit tests make: every file that makes it makes it the same way, so they can share. */
const REMIX_STUB = 'vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));';

const groups = { shared: [] as string[], stubbed: [] as string[], served: [] as string[] };
for (const folder of ["tests/unit", "tests/integration", "tests/e2e"]) {
  for (const name of fs.readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })) {
    if (!name.endsWith(".test.ts")) continue;
    const file = `${folder}/${name}`;
    const source = fs.readFileSync(path.join(root, file), "utf8");
    const mocks = source.match(/vi\.(do)?mock\(/gi)?.length ?? 0;
    if (DRIVES.test(source) && !CHANGES_PROCESS.test(source)) {
      groups.served.push(file);
      continue;
    }
    if (folder === "tests/e2e" || ISOLATE.test(source)) continue;
    if (mocks === 0) groups.shared.push(file);
    else if (mocks === 1 && source.includes(REMIX_STUB)) groups.stubbed.push(file);
  }
}

// The two runs of `npm test` on a fresh clone (scripts/run-tests.mjs; docs/decisions/035-test-suite-speed.md,
// Session 13): PORTAL_TEST_PHASE=early runs only the unit files that never load better-sqlite3, while it
// compiles; =rest runs every other file. Unset, as in `npx vitest run`, everything runs, as before.
const phase = process.env.PORTAL_TEST_PHASE || undefined;
if (phase !== undefined && phase !== "early" && phase !== "rest") throw new Error(`PORTAL_TEST_PHASE=${phase}: early, rest or unset`);
const early = phase === undefined ? [] : filesBeforeNative(root);
const inPhase = (file: string) => phase === undefined || (phase === "early") === early.includes(file);
groups.shared = groups.shared.filter(inPhase);
groups.stubbed = groups.stubbed.filter(inPhase);
groups.served = groups.served.filter(inPhase);

export default defineConfig({
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./app", import.meta.url)),
      "@db": fileURLToPath(new URL("./db", import.meta.url)),
    },
  },
  test: {
    // PUBLIC_URL: the address in absolute links (app/config.server.ts); tests that start a server may set their own.
    env: { SESSION_SECRET: "test-secret-test-secret-test-secret-0123456789", PUBLIC_URL: "http://localhost" },
    server: { deps: { inline: ["kysely"] } },
    // A folder per run for the templates test files copy (a migrated database, the demo data folder).
    globalSetup: ["tests/support/global-setup.ts"],
    pool: "forks",
    // Two files at a time (vitest's default on a 2-core machine is one): a single file keeps about one
    // core busy, since much of its time is spent waiting on the server, Chromium or fsync. Three
    // made tests with 30 s limits time out on the loaded machine. Longest files start first (vitest
    // orders by the last run's durations). docs/decisions/035-test-suite-speed.md
    maxWorkers: 2,
    // Longest files first on a fresh clone too (tests/support/sequencer.ts).
    sequence: { sequencer: LongestFirstSequencer },
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Each project names its own files (a root `include` would be added to every project's).
    projects: [
      // In-process files: one worker thread loads the app once for many files.
      { extends: true, test: { name: "shared", include: groups.shared, pool: "threads", isolate: false } },
      // Page components rendered with the Remix stand-ins: they share the swap, not the real module.
      { extends: true, test: { name: "stubbed", include: groups.stubbed, pool: "threads", isolate: false } },
      // Files that drive servers, CLIs or browsers and leave their own process as they found it: one
      // process per worker for many files (each file its own servers and browser).
      { extends: true, test: { name: "served", include: groups.served, pool: "forks", isolate: false } },
      // Everything else (settings, module swaps, spies, fake clocks): a fresh process per file, as before.
      {
        extends: true,
        test: {
          name: "isolated",
          include: phase === "early" ? early : ["tests/**/*.test.ts"],
          exclude: [...groups.shared, ...groups.stubbed, ...groups.served, ...(phase === "rest" ? early : [])],
        },
      },
    ],
  },
});
