// The outbox in the real production server (docs/product.md §13, docs/decisions/051-outbox.md):
// a slow SMTP server never slows a page (pages only write the outbox); a kill -9 in the middle of a
// delivery run loses nothing, and a message repeated after the crash carries the same Message-ID;
// one-click unsubscribe works without signing in; admins read the outbox.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@db/connection";
import { unsubscribeToken } from "~/auth/unsubscribe-token.server";
import { messageIdFor, OUTBOX } from "~/domain/messages/outbox";
import { queueMessage } from "~/models/outbox.server";
import { demoDataCopy, type RunningServer, startServer } from "../support/server";
import { MAIL_FROM, readOnly, sharedByFile, until, useTestServers } from "../support/server-harness";
import { startTestSmtp } from "../support/smtp";
import { signInOverHttp } from "../support/sign-in";

// The old harness waited up to 60 s: a delivery run of 150 messages on a loaded machine.
const t = useTestServers({ untilMs: 60_000 });

/** A server whose worker delivers to the test's SMTP server, with a 5 s lease. */
const start = (dataDir: string) => t.start({ SMTP_URL: t.smtp.url, MAIL_FROM, OUTBOX_LEASE_SECONDS: "5" }, dataDir);

/**
 * The server the unsubscribe and the admins' outbox tests share (one start and demo copy fewer;
 * docs/decisions/035-test-suite-speed.md): its SMTP server refuses the first graduate's one queued message (550).
 */
const bouncingServer = sharedByFile(
  async () => {
    const smtp = await startTestSmtp({ refuseRecipient: { code: 550, text: "5.1.1 No such user" } });
    const dataDir = await demoDataCopy();
    await queueForGraduates(dataDir, 1);
    const server = await startServer({ SMTP_URL: smtp.url, MAIL_FROM, OUTBOX_LEASE_SECONDS: "5" }, dataDir);
    return { server, smtp, dataDir };
  },
  async ({ server, smtp }) => {
    await server.stop();
    await smtp.close();
  },
);

function killHard(s: RunningServer): Promise<void> {
  return new Promise((resolve) => {
    if (s.process.exitCode !== null || s.process.signalCode !== null) return resolve();
    s.process.once("exit", () => resolve());
    s.process.kill("SIGKILL");
  });
}

/** Queues `n` messages to demo graduates through the app's own function, before the server starts. */
async function queueForGraduates(dataDir: string, n: number): Promise<string[]> {
  const c = openDatabase(path.join(dataDir, "portal.sqlite"));
  try {
    const users = await c.db.selectFrom("users").select("id").where("role", "=", "graduate").orderBy("id").limit(n).execute();
    expect(users.length).toBe(n);
    for (const [i, u] of users.entries())
      await queueMessage(c.db, {
        userId: u.id,
        kind: "application-status",
        eventKey: `crash-${i}`,
        vars: { vacancy: "Тест", company: "Тест", status: "screening" },
        link: "/me/applications",
      });
    return (await c.db.selectFrom("outbox").select("idem_key").where("status", "=", "queued").orderBy("id").execute()).map((r) => r.idem_key);
  } finally {
    c.sqlite.close();
  }
}

describe("the outbox in the production server", () => {
  it(
    "kill -9 in the middle of a delivery run: after the restart every message arrived, none lost; a repeat carries the same Message-ID",
    { timeout: 240_000 },
    async () => {
      const smtp = await t.startSmtp({ slowMs: 15 });
      const dataDir = await demoDataCopy();
      const N = 150;
      const keys = await queueForGraduates(dataDir, N);
      expect(keys).toHaveLength(N);
      const first = await start(dataDir);
      await t.until("some deliveries", () => smtp.received.length >= 20);
      await killHard(first);
      expect(first.process.signalCode).toBe("SIGKILL");
      const beforeRestart = smtp.received.length;
      expect(beforeRestart).toBeLessThan(N); // killed mid-run
      await start(dataDir);
      const db = readOnly(dataDir);
      try {
        await t.until(
          "every message sent",
          () => (db.prepare("select count(*) from outbox where status != 'sent' and idem_key like 'application-status.crash-%'").pluck().get() as number) === 0,
        );
      } finally {
        db.close();
      }
      const publicUrls = new Set(t.servers.map((s) => s.url));
      const expected = new Set(keys.flatMap((k) => [...publicUrls].map((u) => messageIdFor(k, u))));
      const ours = smtp.received.filter((r) => expected.has(r.messageId));
      const byId = new Map<string, number>();
      for (const r of ours) byId.set(r.messageId, (byId.get(r.messageId) ?? 0) + 1);
      // Nothing lost: every queued message arrived …
      const arrivedKeys = new Set(keys.filter((k) => [...publicUrls].some((u) => byId.has(messageIdFor(k, u)))));
      expect(arrivedKeys.size).toBe(N);
      // … and at most the ones in flight at the kill (OUTBOX.emailsInFlight) arrived twice, under the
      // same Message-ID (accepted by the SMTP server, not yet recorded as sent: decision 051).
      const repeats = [...byId.values()].filter((n) => n > 1);
      expect(repeats.length).toBeLessThanOrEqual(OUTBOX.emailsInFlight);
      expect(repeats.every((n) => n === 2)).toBe(true);
      expect(ours.length).toBe(N + repeats.length);
    },
  );

  it("actions during a delivery run never fail: the worker's writes do not collide with a page's transaction", { timeout: 180_000 }, async () => {
    // Decision 051, Session 10: a worker thread with its own SQLite connection made 22 % of profile
    // saves fail with SQLITE_BUSY while it delivered (a page's read-then-write transaction met the
    // worker's commits); the worker shares the pages' one connection instead.
    const smtp = await t.startSmtp();
    const dataDir = await demoDataCopy();
    const c = openDatabase(path.join(dataDir, "portal.sqlite"));
    try {
      const users = await c.db.selectFrom("users").select("id").where("role", "=", "graduate").orderBy("id").limit(150).execute();
      await c.db.transaction().execute(async (trx) => {
        for (let round = 0; round < 4; round++)
          for (const u of users)
            await queueMessage(trx, {
              userId: u.id,
              kind: "application-status",
              eventKey: `during-${round}-${u.id}`,
              vars: { vacancy: "Тест", company: "Тест", status: "screening" },
              link: "/me/applications",
            });
      });
    } finally {
      c.sqlite.close();
    }
    const server = await start(dataDir);
    const cookies = [await signInOverHttp(server.url, "graduate@demo.kg"), await signInOverHttp(server.url, "graduate2@demo.kg")];
    const db = readOnly(dataDir);
    const statuses: number[] = [];
    try {
      const delivering = () => (db.prepare("select count(*) from outbox where status = 'queued' and idem_key like '%.during-%'").pluck().get() as number) > 0;
      await t.until("the worker delivering", () => smtp.received.length > 0, 30_000);
      await Promise.all(
        cookies.map(async (cookie, g) => {
          for (let i = 0; delivering(); i++) {
            const res = await fetch(`${server.url}/me/profile`, {
              method: "POST",
              redirect: "manual",
              headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: cookie },
              body: new URLSearchParams({ intent: "basics", headline: `headline ${g}-${i}`, about: `about ${i}`, city: "Нарын", visibility: "employers" }),
            });
            await res.arrayBuffer();
            statuses.push(res.status);
          }
        }),
      );
    } finally {
      db.close();
    }
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s !== 302)).toEqual([]);
    expect(server.output()).not.toMatch(/database is locked|SQLITE_BUSY/i);
  });

  it("a slow SMTP server does not slow the page: the move answers at once and only writes the outbox", { timeout: 120_000 }, async () => {
    const smtp = await t.startSmtp({ slowMs: 5_000 });
    const dataDir = await demoDataCopy();
    await queueForGraduates(dataDir, 3); // the worker is busy with the slow server when the page acts
    const server = await start(dataDir);
    await t.until("the worker talking to the slow server", () => smtp.rcptAttempts.length >= 1, 20_000);
    const db = readOnly(dataDir);
    try {
      const app = db
        .prepare(
          `select a.id from applications a join vacancies v on v.id = a.vacancy_id join company_members m on m.company_id = v.company_id
           join users u on u.id = m.user_id join graduates g on g.id = a.graduate_id
           where u.email = 'employer@demo.kg' and a.status = 'applied' and g.user_id is not null order by a.id limit 1`,
        )
        .pluck()
        .get() as number;
      expect(app).toBeTypeOf("number");
      const cookie = await signInOverHttp(server.url, "employer@demo.kg");
      const started = performance.now();
      const res = await fetch(`${server.url}/employer/applications/${app}`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: cookie },
        body: new URLSearchParams({ intent: "move", to: "screening", note: "" }),
      });
      await res.arrayBuffer();
      const ms = performance.now() - started;
      expect(res.status).toBe(302);
      // The SMTP server takes 5 s per message; the page must not wait for any of it.
      expect(ms).toBeLessThan(4_000);
      const row = db.prepare("select status, kind from outbox where link = ? order by id desc limit 1").get(`/me/applications/${app}`) as {
        status: string;
        kind: string;
      };
      expect(row).toEqual({ status: "queued", kind: "application-status" });
    } finally {
      db.close();
    }
  });

  it(
    "one-click unsubscribe works without signing in: GET asks in the reader's language and changes nothing, POST turns the kind off",
    { timeout: 120_000 },
    async () => {
      const { server, dataDir } = await bouncingServer();
      const secret = fs.readFileSync(path.join(dataDir, "session-secret"), "utf8").trim();
      const db = readOnly(dataDir);
      try {
        // Not the first graduate, whose message bounces on this server (the admins' test).
        const userId = db.prepare("select id from users where email = 'graduate2@demo.kg'").pluck().get() as number;
        const token = unsubscribeToken({ userId, kind: "application-status", channel: "email" }, secret);
        const optedOut = () =>
          // The kind's topic turned off on e-mail: the setting the account page shows (migration 0022, decision 053).
          db.prepare("select count(*) from message_preferences where user_id = ? and topic = 'applications' and email = 0").pluck().get(userId);
        for (const [lng, question] of [
          ["ru", "Больше не присылать вам письма о ваших откликах (приглашения и изменения статуса)?"],
          ["ky", "Мындан ары сизге «арыздарыңыз (чакыруулар жана абалынын өзгөрүшү)» тууралуу каттар жөнөтүлбөсүнбү?"],
          ["en", "Stop sending you e-mails about your applications (invitations and changes of status)?"],
        ] as const) {
          const page = await fetch(`${server.url}/unsubscribe/${token}?lng=${lng}`);
          expect(page.status).toBe(200);
          const html = await page.text();
          expect(html).toContain(question);
          expect(html).toMatch(/<form method="post"/);
        }
        expect(optedOut()).toBe(0);
        // As a mail client sends it (RFC 8058): no cookie, no Origin, the one-click body.
        const res = await fetch(`${server.url}/unsubscribe/${token}`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: "List-Unsubscribe=One-Click",
        });
        expect(res.status).toBe(200);
        await res.arrayBuffer();
        expect(optedOut()).toBe(1);
        const forged = await fetch(`${server.url}/unsubscribe/${token.slice(0, -2)}AA`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: "List-Unsubscribe=One-Click",
        });
        expect(forged.status).toBe(404);
        await forged.arrayBuffer();
      } finally {
        db.close();
      }
    },
  );

  it("admins read the outbox by state in three languages and send a failed message again (audited)", { timeout: 120_000 }, async () => {
    const { server, smtp, dataDir } = await bouncingServer();
    const db = readOnly(dataDir);
    try {
      await until("the bounce recorded", () => (db.prepare("select count(*) from outbox where status = 'failed'").pluck().get() as number) === 1, {
        timeoutMs: 60_000,
        servers: [server],
      });
      const id = db.prepare("select id from outbox where status = 'failed'").pluck().get() as number;
      const admin = await signInOverHttp(server.url, "admin@demo.kg");
      for (const [lng, title, reason] of [
        ["ru", "Исходящие сообщения", "Не доставлены"],
        ["ky", "Чыгуучу билдирүүлөр", "Жеткирилген жок"],
        ["en", "Outbox", "Failed"],
      ] as const) {
        const page = await fetch(`${server.url}/admin/outbox?status=failed&lng=${lng}`, { headers: { Cookie: admin } });
        expect(page.status).toBe(200);
        const html = await page.text();
        const shown = (text: string) => expect(html.includes(text), `${lng}: ${text}`).toBe(true);
        shown(`<h1>${title}</h1>`);
        shown(reason);
        shown(`data-outbox-id="${id}"`);
        shown("550 5.1.1 No such user");
        shown(`<input type="hidden" name="id" value="${id}"/>`);
      }
      // Others are turned away.
      const graduate = await signInOverHttp(server.url, "graduate@demo.kg");
      expect((await fetch(`${server.url}/admin/outbox`, { headers: { Cookie: graduate } })).status).toBe(403);
      smtp.behaviour = {};
      const retry = await fetch(`${server.url}/admin/outbox`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: admin },
        body: new URLSearchParams({ id: String(id) }),
      });
      await retry.arrayBuffer();
      expect(retry.status).toBe(302);
      expect(db.prepare("select count(*) from audit_log where action = 'outbox.retry' and entity_id = ?").pluck().get(String(id))).toBe(1);
      await until("the retried message sent", () => db.prepare("select status from outbox where id = ?").pluck().get(id) === "sent", {
        timeoutMs: 60_000,
        servers: [server],
      });
      // A second retry of a message that is no longer failed is a 400 with the reason, not a 500.
      const again = await fetch(`${server.url}/admin/outbox?lng=en`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: admin },
        body: new URLSearchParams({ id: String(id) }),
      });
      expect(again.status).toBe(400);
      expect((await again.text()).includes("This message is not failed (any more)")).toBe(true);
    } finally {
      db.close();
    }
  });
});
