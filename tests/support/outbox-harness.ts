// The outbox under test in process (docs/decisions/051-outbox.md): a fresh test database per test, a
// real SMTP server (tests/support/smtp.ts) and the Bot API stand-in (tests/support/telegram-api.ts) when
// asked, and the real delivery worker on a clock the test sets. One harness for the files that test
// what the worker sends, so each sets up and tears down the same way (docs/decisions/035-test-suite-speed.md).
import { afterEach, beforeEach } from "vitest";
import type { Connection } from "@db/connection";
import { type OutboxWorker, outboxWorker, type RoundResult, smtpTransport } from "~/server/outbox-worker";
import { telegramApi, telegramTransport } from "~/server/telegram-bot";
import { closeTestDatabases, createTestDatabase } from "./db";
import { makeCompany, makeGraduate, makeUser, makeVacancy } from "./factories";
import { type SmtpBehaviour, startTestSmtp, type TestSmtp } from "./smtp";
import { STAND_IN_TOKEN, startTelegramStandIn, type TelegramStandIn } from "./telegram-api";

export const OUTBOX_PUBLIC_URL = "http://portal.test";
export const OUTBOX_SECRET = "s".repeat(40);
export const OUTBOX_FROM = "IT Cluster Careers <careers@portal.test>";

export type WorkerChannels = {
  /** E-mail over the harness's SMTP server (default: when one is running); false: no e-mail channel. */
  email?: boolean;
  /** Telegram through the harness's stand-in (default: when one is running); false: no Telegram channel. */
  telegram?: boolean;
  /** The worker's clock (default: the harness's `clock`, which the test moves). */
  now?: () => Date;
};

export type OutboxHarness = {
  /** This test's database, a copy of the migrated template. */
  readonly c: Connection;
  /** The SMTP server of this test (started before it with `{ smtp: true }`, or by `startSmtp`). */
  readonly smtp: TestSmtp;
  /** The Bot API stand-in of this test (started before it with `{ telegram: true }`, or by `startTelegram`). */
  readonly telegram: TelegramStandIn;
  /** Whether a stand-in runs in this test. */
  readonly hasTelegram: boolean;
  /** The worker's clock: 2 s ahead of the wall clock at the test's start, so rows written in the test are due. */
  clock: Date;
  /** The worker started last in this test. */
  readonly worker: OutboxWorker;
  /** A new SMTP server for this test (the one before is closed first). */
  startSmtp(behaviour?: SmtpBehaviour): Promise<TestSmtp>;
  startTelegram(): Promise<TelegramStandIn>;
  /** The real worker on this test's database; stopped after the test. */
  startWorker(channels?: WorkerChannels): OutboxWorker;
  /** One delivery round by a new worker, stopped before this returns (its SMTP connections closed). */
  deliverOnce(channels?: WorkerChannels): Promise<RoundResult>;
  /**
   * An employer of the verified "Ала-Тоо Софт" with an open vacancy "Junior frontend-разработчик", and the
   * graduate Айпери Жумабекова, whose profile employers may see and whose account speaks `locale`.
   */
  employerAndGraduate(locale: "ky" | "ru" | "en" | null): Promise<Scene>;
};

export type Scene = {
  employer: { id: number };
  companyId: number;
  vacancyId: number;
  graduateId: number;
  user: { id: number; email: string };
};

/** Wall clock plus 2 s, read at each call: for tests that do not move the clock. */
export const aheadOfNow = () => new Date(Date.now() + 2_000);

/** Registers this file's beforeEach/afterEach and returns the harness the tests read. */
export function useOutboxHarness(start: { smtp?: boolean; telegram?: boolean } = {}): OutboxHarness {
  let c: Connection | undefined;
  let smtp: TestSmtp | undefined;
  let telegram: TelegramStandIn | undefined;
  let workers: OutboxWorker[] = [];
  let clock = new Date();

  const closeSmtp = async () => {
    await smtp?.close();
    smtp = undefined;
  };
  const startWorker = (channels: WorkerChannels = {}): OutboxWorker => {
    const email = channels.email ?? smtp !== undefined;
    const bot = channels.telegram ?? telegram !== undefined;
    const started = outboxWorker(harness.c.db, {
      email: email ? smtpTransport({ url: harness.smtp.url, from: OUTBOX_FROM }, { connectionMs: 3000, socketMs: 3000 }) : null,
      telegram: bot ? telegramTransport(telegramApi({ token: STAND_IN_TOKEN, webhookSecret: null, apiRoot: harness.telegram.url })) : null,
      publicUrl: OUTBOX_PUBLIC_URL,
      secret: OUTBOX_SECRET,
      now: channels.now ?? (() => clock),
      log: () => undefined,
    });
    // Stopped once, whether the test stops it or the harness does after the test.
    let stopping: Promise<void> | undefined;
    const worker: OutboxWorker = { ...started, stop: () => (stopping ??= started.stop()) };
    workers.push(worker);
    return worker;
  };

  const harness: OutboxHarness = {
    get c() {
      if (!c) throw new Error("the outbox harness's database is made in beforeEach");
      return c;
    },
    get smtp() {
      if (!smtp) throw new Error("no SMTP server in this test: useOutboxHarness({ smtp: true }) or startSmtp()");
      return smtp;
    },
    get telegram() {
      if (!telegram) throw new Error("no Bot API stand-in in this test: useOutboxHarness({ telegram: true }) or startTelegram()");
      return telegram;
    },
    get hasTelegram() {
      return telegram !== undefined;
    },
    get clock() {
      return clock;
    },
    set clock(at: Date) {
      clock = at;
    },
    get worker() {
      const last = workers.at(-1);
      if (!last) throw new Error("no worker started in this test");
      return last;
    },
    async startSmtp(behaviour = {}) {
      await closeSmtp();
      smtp = await startTestSmtp(behaviour);
      return smtp;
    },
    async startTelegram() {
      await telegram?.close();
      telegram = await startTelegramStandIn();
      return telegram;
    },
    startWorker,
    async deliverOnce(channels = {}) {
      const worker = startWorker(channels);
      try {
        return await worker.runOnce();
      } finally {
        await worker.stop();
        workers = workers.filter((w) => w !== worker);
      }
    },
    async employerAndGraduate(locale) {
      const c = harness.c;
      const employer = await makeUser(c, "employer");
      const companyId = await makeCompany(c, employer.id, { status: "verified", name: "Ала-Тоо Софт" });
      const vacancyId = await makeVacancy(c, companyId, { title: "Junior frontend-разработчик" });
      const g = await makeGraduate(c, { firstName: "Айпери", lastName: "Жумабекова", account: true });
      await c.db.updateTable("graduates").set({ visibility: "employers" }).where("id", "=", g.graduateId).execute();
      await c.db.updateTable("users").set({ locale, display_name: "Айпери Жумабекова" }).where("id", "=", g.userId!).execute();
      const user = await c.db.selectFrom("users").select(["id", "email"]).where("id", "=", g.userId!).executeTakeFirstOrThrow();
      return { employer, companyId, vacancyId, graduateId: g.graduateId, user };
    },
  };

  beforeEach(async () => {
    c = await createTestDatabase();
    if (start.smtp) await harness.startSmtp();
    if (start.telegram) await harness.startTelegram();
    clock = aheadOfNow();
  });
  afterEach(async () => {
    // Workers first: their SMTP connections end before the server closes.
    for (const worker of workers.splice(0)) await worker.stop();
    await closeSmtp();
    await telegram?.close();
    telegram = undefined;
    c = undefined;
    closeTestDatabases();
  });
  return harness;
}
