// The outbox and its e-mail over real SMTP (docs/product.md §13, docs/decisions/051-outbox.md): the
// employer's invitation and stage moves write an outbox row in their own transaction; the worker
// delivers it to an smtp-server started here, and what arrives is parsed with mailparser.
import { describe, expect, it } from "vitest";
import { readUnsubscribeToken, unsubscribeToken } from "~/auth/unsubscribe-token.server";
import { messageIdFor, OUTBOX, retryDelayMs } from "~/domain/messages/outbox";
import { serverT } from "~/i18n/catalog.server";
import { invite, move } from "~/models/applications.server";
import { claimDueMessages, markSent, optOut, queueMessage, retryFailedMessage } from "~/models/outbox.server";
import { makeUser } from "../support/factories";
import { OUTBOX_PUBLIC_URL as PUBLIC_URL, OUTBOX_SECRET as SECRET, useOutboxHarness } from "../support/outbox-harness";

const h = useOutboxHarness({ smtp: true });

/** An employer with an open vacancy, and a graduate (account in `locale`) whose profile employers may see. */
const scene = (locale: "ky" | "ru" | "en" | null = "ru") => h.employerAndGraduate(locale);

const moveTo = (to: "screening" | "interview" | "rejected") => ({ to, note: null, interviewAt: null, interviewPlace: null, startDate: null, monthlyPay: null });

const rows = () => h.c.db.selectFrom("outbox").selectAll().orderBy("id").execute();

describe("the outbox is written with the event", () => {
  it("an invitation and each stage move write one queued e-mail row each, in the event's transaction, with a unique key", async () => {
    const s = await scene();
    const invited = await invite(h.c.db, s.companyId, s.vacancyId, { id: s.graduateId }, s.employer.id);
    expect(invited.ok).toBe(true);
    const applicationId = (invited as { id: number }).id;
    // The graduate accepts by applying; then the employer moves the application along.
    await h.c.db.updateTable("applications").set({ status: "applied" }).where("id", "=", applicationId).execute();
    expect((await move(h.c.db, s.companyId, applicationId, moveTo("screening"), s.employer.id)).ok).toBe(true);
    const written = await rows();
    expect(written.map((r) => [r.kind, r.channel, r.status, r.user_id])).toEqual([
      ["application-invited", "email", "queued", s.user.id],
      ["application-status", "email", "queued", s.user.id],
    ]);
    expect(JSON.parse(written[1]!.payload_json)).toEqual({ vacancy: "Junior frontend-разработчик", company: "Ала-Тоо Софт", status: "screening" });
    expect(written[1]!.link).toBe(`/me/applications/${applicationId}`);
    // The same event again (a retried request replaying it) makes no second row.
    await queueMessage(h.c.db, { userId: s.user.id, kind: "application-status", eventKey: written[1]!.idem_key.split(".")[1]!, vars: {}, link: null });
    expect(await rows()).toHaveLength(2);
  });

  it("a move that fails after the row was written leaves no row (event and message commit together)", async () => {
    const s = await scene();
    await expect(
      h.c.db.transaction().execute(async (trx) => {
        await queueMessage(trx, { userId: s.user.id, kind: "application-status", eventKey: 1, vars: { status: "screening" }, link: null });
        throw new Error("the event's next write failed");
      }),
    ).rejects.toThrow("the event's next write failed");
    expect(await rows()).toEqual([]);
  });

  it("writing the rows in the event's transaction: one row per event and channel, however often the event is replayed", async () => {
    // Its cost (≤ 1 ms, docs/product.md §13) is a figure of \`npm run bench\` ("write one message to the outbox…"), not a timed test.
    const s = await scene();
    const n = 50;
    await h.c.db.transaction().execute(async (trx) => {
      for (let round = 0; round < 2; round++)
        for (let i = 0; i < n; i++)
          await queueMessage(trx, { userId: s.user.id, kind: "application-status", eventKey: `replayed-${i}`, vars: { status: "screening" }, link: "/me" });
    });
    expect(await rows()).toHaveLength(n);
  });
});

describe("e-mail over real SMTP", () => {
  it.each([
    ["ru", "Здравствуйте, Айпери Жумабекова!", "Ваш отклик на «Junior frontend-разработчик»: Рассмотрение", "Отписаться от таких писем"],
    ["ky", "Саламатсызбы, Айпери Жумабекова!", "«Junior frontend-разработчик» боюнча арызыңыз: Каралууда", "Мындай каттарды токтотуу"],
    ["en", "Hello, Айпери Жумабекова!", "Your application for “Junior frontend-разработчик”: Screening", "Stop e-mails of this kind"],
  ] as const)(
    "is delivered in the recipient's language (%s) with text and HTML, a link back and one-click unsubscribe",
    async (lang, greeting, subject, unsubscribe) => {
      const s = await scene(lang);
      const invited = await invite(h.c.db, s.companyId, s.vacancyId, { id: s.graduateId }, s.employer.id);
      const applicationId = (invited as { id: number }).id;
      await h.c.db.updateTable("applications").set({ status: "applied" }).where("id", "=", applicationId).execute();
      await move(h.c.db, s.companyId, applicationId, moveTo("screening"), s.employer.id);
      const round = await h.startWorker().runOnce();
      expect(round).toMatchObject({ claimed: 2, sent: 2 });
      const [inv, moved] = await h.smtp.waitFor(2);
      const written = await rows();
      expect(written.map((r) => r.status)).toEqual(["sent", "sent"]);
      expect(inv!.rcpt).toEqual([s.user.email]);
      expect(inv!.parsed.subject).toContain("Ала-Тоо Софт");
      expect(inv!.messageId).toBe(messageIdFor(written[0]!.idem_key, PUBLIC_URL));
      const m = moved!.parsed;
      expect(moved!.messageId).toBe(messageIdFor(written[1]!.idem_key, PUBLIC_URL));
      expect(m.from?.text).toContain("careers@portal.test");
      expect(m.subject).toContain(subject);
      expect(m.text).toContain(greeting);
      expect(m.text).toContain(`${PUBLIC_URL}/me/applications/${applicationId}`);
      expect(m.text).not.toContain("screening"); // the stage's code never reaches a person
      expect(m.html).toContain(`lang="${lang}"`);
      expect(m.html).toContain(`href="${PUBLIC_URL}/me/applications/${applicationId}"`);
      expect(m.html).toContain(unsubscribe);
      const portal = serverT(lang)("brand.name");
      expect(m.html).toContain(portal);
      expect(m.text).toContain(`${portal} · ${PUBLIC_URL}`);
      expect(m.headers.get("content-language")).toBe(lang);
      const header = (name: string) =>
        m.headerLines
          .find((h) => h.key === name)
          ?.line.slice(name.length + 1)
          .trim();
      expect(header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
      const url = /^<(https?:\/\/[^\s<>]+)>$/.exec(header("list-unsubscribe") ?? "")?.[1] ?? "";
      const link = new URL(url);
      expect(`${link.origin}${link.pathname.replace(/[^/]+$/, "")}${link.search}`).toBe(`${PUBLIC_URL}/unsubscribe/?lng=${lang}`);
      expect(readUnsubscribeToken(link.pathname.split("/").pop()!, SECRET)).toEqual({ userId: s.user.id, kind: "application-status", channel: "email" });
      expect(m.text).toContain(url);
    },
  );

  it("a person without a chosen language gets Kyrgyz, the portal's default", async () => {
    const s = await scene(null);
    await invite(h.c.db, s.companyId, s.vacancyId, { id: s.graduateId }, s.employer.id);
    await h.startWorker().runOnce();
    const [mail] = await h.smtp.waitFor(1);
    expect(mail!.parsed.text).toContain("Саламатсызбы");
    expect(mail!.parsed.subject).toBe("Ала-Тоо Софт сизди «Junior frontend-разработчик» вакансиясына арыз берүүгө чакырат");
  });

  it("a refusal with 5xx fails the message at once, marks the e-mail channel failing and sends that person nothing more", async () => {
    const s = await scene();
    h.smtp.behaviour = { refuseRecipient: { code: 550, text: "5.1.1 No such user" } };
    await invite(h.c.db, s.companyId, s.vacancyId, { id: s.graduateId }, s.employer.id);
    const round = await h.startWorker().runOnce();
    expect(round).toMatchObject({ claimed: 1, failed: 1 });
    const [row] = await rows();
    expect(row).toMatchObject({ status: "failed", attempts: 1, lease: null });
    expect(row!.last_error).toMatch(/^550 5\.1\.1 No such user/);
    const failing = await h.c.db.selectFrom("message_channel_failures").selectAll().execute();
    expect(failing).toMatchObject([{ user_id: s.user.id, channel: "email" }]);
    // The next message to the same person is not tried (the server sees no second RCPT).
    h.smtp.behaviour = {};
    await queueMessage(h.c.db, {
      userId: s.user.id,
      kind: "application-status",
      eventKey: "next",
      vars: { status: "screening", vacancy: "x", company: "y" },
      link: null,
    });
    await h.worker.runOnce();
    expect(h.smtp.rcptAttempts).toHaveLength(1);
    expect((await rows())[1]).toMatchObject({ status: "not_sent", last_error: "channel-failing" });
    // An admin's retry puts the failed one back in the queue, clears the failing mark and is audited.
    expect(await retryFailedMessage(h.c.db, row!.id, s.employer.id, h.clock)).toMatchObject({ user_id: s.user.id });
    expect(await retryFailedMessage(h.c.db, row!.id, s.employer.id, h.clock)).toBeNull();
    expect(await h.c.db.selectFrom("message_channel_failures").selectAll().execute()).toEqual([]);
    expect(await h.c.db.selectFrom("audit_log").select(["action", "entity_id"]).where("action", "=", "outbox.retry").execute()).toEqual([
      { action: "outbox.retry", entity_id: String(row!.id) },
    ]);
    await h.worker.runOnce();
    await h.smtp.waitFor(1);
    expect((await rows())[0]!.status).toBe("sent");
  });

  it("a refusal with 4xx is tried again after the backoff, then delivered", async () => {
    const s = await scene();
    h.smtp.behaviour = { refuseRecipient: { code: 451, text: "4.7.1 Try again later" } };
    await invite(h.c.db, s.companyId, s.vacancyId, { id: s.graduateId }, s.employer.id);
    expect(await h.startWorker().runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    let [row] = await rows();
    expect(row).toMatchObject({ status: "queued", attempts: 1, lease: null });
    expect(row!.last_error).toMatch(/^451 4\.7\.1 Try again later/);
    expect(Date.parse(row!.next_attempt_at) - h.clock.getTime()).toBe(retryDelayMs(1));
    // Not due yet: nothing is tried.
    h.smtp.behaviour = {};
    expect(await h.worker.runOnce()).toMatchObject({ claimed: 0 });
    h.clock = new Date(h.clock.getTime() + retryDelayMs(1));
    expect(await h.worker.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    [row] = await rows();
    expect(row).toMatchObject({ status: "sent", attempts: 2, last_error: null });
    expect(await h.smtp.waitFor(1)).toHaveLength(1);
  });

  it("the wait doubles after each failed try, and the last try records the failure for good with its reason", async () => {
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(30)).toBe(OUTBOX.maxDelayMs);
    const s = await scene();
    h.smtp.behaviour = { refuseRecipient: { code: 421, text: "4.3.2 Service not available" } };
    await invite(h.c.db, s.companyId, s.vacancyId, { id: s.graduateId }, s.employer.id);
    h.startWorker();
    for (let n = 1; n <= OUTBOX.maxAttempts; n++) {
      await h.worker.runOnce();
      h.clock = new Date(h.clock.getTime() + OUTBOX.maxDelayMs);
    }
    const [row] = await rows();
    expect(row).toMatchObject({ status: "failed", attempts: OUTBOX.maxAttempts });
    expect(row!.last_error).toContain(`(after ${OUTBOX.maxAttempts} tries)`);
    // A temporary refusal is not a bounce: the channel is not marked failing.
    expect(await h.c.db.selectFrom("message_channel_failures").selectAll().execute()).toEqual([]);
  });

  it("a server that drops the connection mid-message: tried again, delivered once", async () => {
    const s = await scene();
    h.smtp.behaviour = { dropAfterData: 1 };
    await invite(h.c.db, s.companyId, s.vacancyId, { id: s.graduateId }, s.employer.id);
    expect(await h.startWorker().runOnce()).toMatchObject({ claimed: 1, retried: 1 });
    expect((await rows())[0]).toMatchObject({ status: "queued", attempts: 1 });
    h.clock = new Date(h.clock.getTime() + retryDelayMs(1));
    expect(await h.worker.runOnce()).toMatchObject({ claimed: 1, sent: 1 });
    const received = await h.smtp.waitFor(1);
    expect(received).toHaveLength(1);
    expect(received[0]!.messageId).toBe(messageIdFor((await rows())[0]!.idem_key, PUBLIC_URL));
  });

  it("a message older than the set age is marked expired, not sent", async () => {
    const s = await scene();
    const old = new Date(h.clock.getTime() - OUTBOX.maxAgeMs - 60_000).toISOString();
    await queueMessage(h.c.db, {
      userId: s.user.id,
      kind: "application-status",
      eventKey: "old",
      vars: { status: "screening", vacancy: "x", company: "y" },
      link: null,
      at: old,
    });
    await queueMessage(h.c.db, {
      userId: s.user.id,
      kind: "application-status",
      eventKey: "new",
      vars: { status: "screening", vacancy: "x", company: "y" },
      link: null,
    });
    expect(await h.startWorker().runOnce()).toMatchObject({ expired: 1, claimed: 1, sent: 1 });
    expect((await rows()).map((r) => [r.idem_key.split(".")[1], r.status])).toEqual([
      ["old", "expired"],
      ["new", "sent"],
    ]);
    expect(await h.smtp.waitFor(1)).toHaveLength(1);
  });

  it("without a channel configured the message is kept and marked not sent; an unsubscribed kind is not sent", async () => {
    const s = await scene();
    await invite(h.c.db, s.companyId, s.vacancyId, { id: s.graduateId }, s.employer.id);
    expect(await h.startWorker({ email: false }).runOnce()).toMatchObject({ claimed: 1, notSent: 1 });
    expect((await rows())[0]).toMatchObject({ status: "not_sent", last_error: "no-channel" });
    await h.worker.stop();
    await optOut(h.c.db, s.user.id, "application-status", "email");
    await queueMessage(h.c.db, {
      userId: s.user.id,
      kind: "application-status",
      eventKey: "after-opt-out",
      vars: { status: "screening", vacancy: "x", company: "y" },
      link: null,
    });
    expect(await h.startWorker().runOnce()).toMatchObject({ claimed: 1, notSent: 1 });
    expect((await rows())[1]).toMatchObject({ status: "not_sent", last_error: "unsubscribed" });
    expect(h.smtp.rcptAttempts).toEqual([]);
  });
});

describe("delivery rate (decision 051, Session 10)", () => {
  it("sends a few e-mails at once, never more than OUTBOX.emailsInFlight, and records every outcome", async () => {
    // A slow server: one message at a time would take n × 500 ms.
    h.smtp.behaviour = { slowMs: 500 };
    const n = 3 * OUTBOX.emailsInFlight;
    const people = [];
    for (let i = 0; i < n; i++) people.push((await makeUser(h.c, "graduate")).id);
    for (const [i, userId] of people.entries())
      await queueMessage(h.c.db, {
        userId,
        kind: "application-status",
        eventKey: `rate-${i}`,
        vars: { status: "screening", vacancy: "x", company: "y" },
        link: null,
      });
    const started = Date.now();
    expect(await h.startWorker().runOnce()).toMatchObject({ claimed: n, sent: n });
    expect(Date.now() - started).toBeLessThan((n * 500) / 2);
    expect(h.smtp.maxInFlight).toBe(OUTBOX.emailsInFlight);
    expect(new Set(h.smtp.received.map((r) => r.messageId)).size).toBe(n);
    expect((await rows()).map((r) => [r.status, r.lease])).toEqual(people.map(() => ["sent", null]));
  });
});

describe("the lease", () => {
  it("a worker that dies holding a message leaves it due again when the lease runs out; the dead claim cannot settle it", async () => {
    const s = await scene();
    await invite(h.c.db, s.companyId, s.vacancyId, { id: s.graduateId }, s.employer.id);
    const [dead] = await claimDueMessages(h.c.db, h.clock, 10, 5_000);
    expect(dead).toMatchObject({ attempts: 1 });
    // While the lease holds, nobody else takes it.
    expect(await claimDueMessages(h.c.db, new Date(h.clock.getTime() + 4_000), 10, 5_000)).toEqual([]);
    const later = new Date(h.clock.getTime() + 5_000);
    const [again] = await claimDueMessages(h.c.db, later, 10, 5_000);
    expect(again).toMatchObject({ id: dead!.id, attempts: 2 });
    expect(await markSent(h.c.db, dead!, later)).toBe(false);
    expect(await markSent(h.c.db, again!, later)).toBe(true);
    expect((await rows())[0]).toMatchObject({ status: "sent", lease: null });
  });
});

describe("unsubscribe tokens", () => {
  it("read back only when genuine", () => {
    const token = unsubscribeToken({ userId: 42, kind: "application-status", channel: "email" }, SECRET);
    expect(readUnsubscribeToken(token, SECRET)).toEqual({ userId: 42, kind: "application-status", channel: "email" });
    expect(readUnsubscribeToken(token, "another secret of forty characters......")).toBeNull();
    const [payload, sig] = token.split(".");
    const other = Buffer.from("43.application-status.email").toString("base64url");
    expect(readUnsubscribeToken(`${other}.${sig}`, SECRET)).toBeNull();
    expect(readUnsubscribeToken(`${payload}.${sig!.slice(0, -1)}A`, SECRET)).toBeNull();
    expect(readUnsubscribeToken("", SECRET)).toBeNull();
    expect(readUnsubscribeToken("x".repeat(5000), SECRET)).toBeNull();
  });
});
