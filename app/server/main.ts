// The production server: migrates, seeds an empty database, then serves the Remix build
// behind security headers, CSRF checks, gzip and static files.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { migrateToLatest } from "@db/connection";
import { seedIfEmpty } from "@db/seed/index";
import { demoAccountsPresent } from "@db/seed/demo-removal";
import { warmMatchIndex } from "~/models/matching-index.server";
import { rebuildSearchIndexesIfAsked, reindexSkillHoldersInBackground } from "~/models/search-index.server";
import { warmOutcomeFacts } from "~/models/outcome-facts.server";
import { DEFAULT_DASHBOARD_CHECKPOINT } from "~/domain/outcomes/dashboard";
import { DEFAULT_PUBLIC_CHECKPOINT } from "~/domain/outcomes/display";
import { startUploadSweeps } from "~/domain/images/sweep.server";
import { config } from "~/config.server";
import { getConnection } from "~/db.server";
import { MAX_FORM_BYTES } from "~/domain/images/upload-form.server";
import { CONVERSATION_BODY_CEILING, CONVERSATION_POST_PATH } from "~/domain/conversations/message-form.server";
import { closeUnreadBodies, onlyKnownMethods, refuseDeclaredTooLarge } from "./http-guards";
import { rememberLanguage } from "./language";
import { outboxWorker, threadedSmtpTransport } from "./outbox-worker";
import { pageActivity } from "./page-activity";
import { pageCache, pageChanges } from "./page-cache";
import { publicFiles } from "./public-files";
import { scheduledJobs } from "./scheduled-jobs";
import { startTelegram } from "./telegram-bot";
import { rejectCrossSiteWrites, securityHeaders } from "./security";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

async function main(): Promise<void> {
  const settings = config();
  const connection = getConnection();
  const applied = await migrateToLatest(connection.db);
  if (applied.length) console.log(`migrations applied: ${applied.join(", ")}`);
  const seeded = await seedIfEmpty(connection, { demo: settings.seedDemo, demoAgain: settings.seedDemoExplicit, uploadDir: settings.uploadDir });
  if (seeded.reference) console.log("reference data seeded (regions, schools, modules, skills)");
  if (seeded.demo) console.log("demo data seeded (see README for the demo accounts)");
  // A migration that changed the search indexes' layout left them empty and asked for this (migration 0012).
  const rebuilt = await rebuildSearchIndexesIfAsked(connection.db);
  if (rebuilt) console.log(`search indexes rebuilt: ${rebuilt.graduates} graduates, ${rebuilt.vacancies} vacancies in ${rebuilt.ms} ms`);
  // Skill holders' search rows a stopped server had not rewritten yet (decision 078): in the background.
  reindexSkillHoldersInBackground(connection.db);
  // Demo accounts sign in with a password the README publishes: never on a public address unasked (docs/product.md §8, decision 018).
  const demoAccounts = demoAccountsPresent(connection);
  if (demoAccounts.length) {
    if (!settings.publicUrlIsLoopback && !settings.seedDemoExplicit) {
      console.error(
        `REFUSING TO START: the database ${settings.databasePath} holds the demo accounts (${demoAccounts.join(", ")}), whose password is published in the README, ` +
          `and PUBLIC_URL (${settings.publicUrl}) is not this machine. Remove all demo data with \`npm run db:remove-demo\`, ` +
          "or set SEED_DEMO=1 to run the demo on this address on purpose.",
      );
      connection.sqlite.close();
      process.exit(1);
    }
    console.warn(
      `!!! DEMO ACCOUNTS PRESENT: ${demoAccounts.join(", ")} sign in with the password published in the README. ` +
        "This portal is a demo, not for real data: `npm run db:remove-demo` removes all demo data.",
    );
  }
  await startUploadSweeps(connection, settings.uploadDir);

  // The in-memory views load in the background, a slice per turn of the event loop, while the server
  // answers (docs/decisions/070-start-in-seconds.md): /healthz says "warming up" meanwhile, and a page
  // that needs a view waits for it. They then follow their change logs.
  // Started once the server listens, so that the steps do not delay listening itself; the loads are
  // under way before the first request is read (they begin in the same turn as "portal ready").
  const warmViews = () => {
    const warming = performance.now();
    const checkpoints = [...new Set([DEFAULT_DASHBOARD_CHECKPOINT, DEFAULT_PUBLIC_CHECKPOINT])];
    void Promise.all([warmMatchIndex(connection), warmOutcomeFacts(connection, checkpoints)]).then(() =>
      console.log(`views ready: matching index and outcome facts loaded in ${Math.round(performance.now() - warming)} ms`),
    );
  };

  // Telegram (docs/decisions/052-telegram-channel.md): the worker's second channel; updates by webhook or long polling.
  const bot = settings.telegram ? startTelegram(connection.db, settings.telegram, settings.publicUrl) : null;
  // Messages leave through the outbox, delivered here, never inside a request (docs/decisions/051-outbox.md).
  // On the pages' own connection (a second connection's commits made pages' transactions fail with
  // SQLITE_BUSY); building and sending the e-mails runs in a thread, build/smtp-thread.js beside this
  // bundle (decision 051, "Session 10: delivery rate").
  const activity = pageActivity();
  const outbox = outboxWorker(connection.db, {
    email: settings.smtp ? threadedSmtpTransport(new URL("./smtp-thread.js", import.meta.url), settings.smtp) : null,
    telegram: bot?.transport ?? null,
    publicUrl: settings.publicUrl,
    secret: settings.sessionSecret,
    leaseMs: settings.outboxLeaseMs,
    // Outcomes synced off the event loop (decision 051, "Session 11"); the log exists in WAL mode only.
    walFile: connection.sqlite.pragma("journal_mode", { simple: true }) === "wal" ? `${connection.sqlite.name}-wal` : null,
    // Paced while pages are being answered, full speed otherwise (decision 051, "Session 11").
    busy: activity.busy,
  });
  if (!settings.smtp && !settings.telegram) {
    // Without a channel a round touches only the database: settle what waits before the first request.
    while ((await outbox.runOnce()).claimed > 0);
    console.log("e-mail is not configured (SMTP_URL, MAIL_FROM): messages stay in the outbox, marked not sent");
  }
  outbox.start();
  // The daily digests, once per Bishkek day from DIGEST_HOUR (docs/decisions/053-message-preferences-and-digests.md).
  const daily = settings.digestHour === null ? null : scheduledJobs(connection.db, { hour: settings.digestHour });
  daily?.start();

  const build = (await import(path.join(here, "server/index.js"))) as ServerBuild;
  const app = express();
  app.disable("x-powered-by");
  if (settings.trustProxy) app.set("trust proxy", 1);
  // Before anything else: unknown methods are a 405 (never a 500), and no body larger than the
  // largest form (an image upload) is read at all; each route applies its own limits (readForm).
  app.use(activity.track);
  app.use(onlyKnownMethods);
  app.use(closeUnreadBodies);
  app.use(refuseDeclaredTooLarge(MAX_FORM_BYTES, [{ path: CONVERSATION_POST_PATH, maxBytes: CONVERSATION_BODY_CEILING }]));
  app.use(compression());
  app.use(securityHeaders);
  app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
  app.use(publicFiles(path.join(root, "public"), { skip: ["/build"], maxAge: "1h" }));
  app.use(rejectCrossSiteWrites);
  app.use(rememberLanguage);
  // Signed-out public pages are replayed from memory until data they show changes (page-cache.ts, decision 069).
  app.use(pageCache(pageChanges(connection.sqlite)));
  // Remix's handler catches its own errors (passes them to next): the promise needs no other handling.
  const handleRequest = createRequestHandler({
    build,
    mode: "production",
    getLoadContext: (req, res) => ({
      clientAddress: req.ip ?? "unknown",
      cspNonce: String(res.locals.cspNonce ?? ""),
      documentRequest: !req.path.endsWith(".data"),
      // Set by the page cache for a page it may store: the loaders name what it shows (app/utils/page-pieces.server.ts).
      pageDeps: Array.isArray(res.locals.pageDeps) ? (res.locals.pageDeps as string[]) : undefined,
    }),
  });
  app.all("*", (req, res, next) => void handleRequest(req, res, next));
  const server = app.listen(settings.port, () => {
    // "portal ready": answering requests (scripts and tests wait for it); "views ready" follows when the views are loaded.
    console.log(`portal ready at http://localhost:${settings.port} (database ${settings.databasePath}; public address ${settings.publicUrl})`);
    warmViews();
  });
  const stop = () =>
    server.close(() => {
      void Promise.all([daily?.stop(), outbox.stop(), bot?.stop()]).finally(() => {
        connection.sqlite.close();
        process.exit(0);
      });
    });
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
