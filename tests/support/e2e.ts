import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser";
import { type RunningServer, startServer } from "./server";

/** The server and browser of a test file, read inside tests. */
export type ServerAndBrowser = { readonly server: RunningServer; readonly browser: Browser };

/**
 * Starts the real production server (with its demo data) and Chromium once for the
 * surrounding describe block, and stops both after it. Read them inside tests.
 */
export function useServerAndBrowser(): ServerAndBrowser {
  const env = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    [env.server, env.browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
