import type { Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser";
import { demoDataCopy, type RunningServer, startServer } from "./server";
import { startTestSmtp, type TestSmtp } from "./smtp";

/** The server and browser of a test file, read inside tests; `smtp` when the server sends e-mail to a server in this process. */
export type ServerAndBrowser = { readonly server: RunningServer; readonly browser: Browser; readonly smtp?: TestSmtp };

/** The sender the server is configured with when it sends e-mail to the test's SMTP server. */
export const TEST_MAIL_FROM = "IT Cluster Careers <careers@portal.test>";

/**
 * Starts the real production server (with its demo data) and Chromium once for the
 * surrounding describe block, and stops both after it. Read them inside tests. With `smtp`, an
 * SMTP server starts first in the test process and the server's SMTP_URL points at it (real SMTP).
 * With `prepare`, a copy of the demo data folder is handed to it before the server starts on it.
 */
export function useServerAndBrowser(options: { smtp?: boolean; prepare?: (dataDir: string) => Promise<void> } = {}): ServerAndBrowser {
  const env = {} as { server: RunningServer; browser: Browser; smtp?: TestSmtp };
  beforeAll(async () => {
    if (options.smtp) env.smtp = await startTestSmtp();
    const serverEnv: Record<string, string> = env.smtp ? { SMTP_URL: env.smtp.url, MAIL_FROM: TEST_MAIL_FROM } : {};
    // `prepare` writes to the demo data before the server opens it: a second process writing while the
    // server's worker writes can meet "database is locked" mid-transaction (tests/e2e/journeys/hiring.ts).
    const dataDir = options.prepare ? await demoDataCopy() : undefined;
    if (dataDir) await options.prepare!(dataDir);
    [env.server, env.browser] = await Promise.all([startServer(serverEnv, dataDir), launchBrowser()]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
    await env.smtp?.close();
  });
  return env;
}
