import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { LongestFirstSequencer } from "./tests/support/sequencer";

export default defineConfig({
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./app", import.meta.url)),
      "@db": fileURLToPath(new URL("./db", import.meta.url)),
    },
  },
  test: {
    include: ["tests/**/*.test.ts"],
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
  },
});
