// The employer's messages and the one way to tell a person (docs/product.md §13,
// docs/decisions/057-one-way-to-tell.md): every in-portal notification is written with its outbox rows
// in the event's transaction, to the members of the company the event concerns and no one else, and
// reaches them over real SMTP (tests/support/smtp.ts) in each member's own language — with the staff
// member's reason as typed. Also: saved-search hits by e-mail, the sign-up security notice, the
// person's messages in their data download, and the demo's messages never e-mailed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { parseBoardQuery } from "~/domain/vacancies/board-query";
import { apply, invite, withdraw } from "~/models/applications.server";
import { approveIdentityChange, rejectCompany, rejectIdentityChange, verifyCompany } from "~/models/companies.server";
import { tellCompany } from "~/models/messages.server";
import { optOut } from "~/models/outbox.server";
import { exportGraduateData } from "~/models/personal-data.server";
import { checkSavedSearches, createSavedSearch } from "~/models/saved-searches.server";
import { approveVacancy, rejectVacancy } from "~/models/vacancies.server";
import * as signup from "~/routes/signup";
import { type OutboxWorker, outboxWorker, smtpTransport } from "~/server/outbox-worker";
import { telegramApi, telegramTransport } from "~/server/telegram-bot";
import { closeTestDatabases, createDemoTestDatabase, createTestDatabase } from "../support/db";
import { addCompanyMember, makeCompany, makeGraduate, makeUser, makeVacancy } from "../support/factories";
import { call, post } from "../support/remix";
import { startTestSmtp, type TestSmtp } from "../support/smtp";
import { STAND_IN_TOKEN, startTelegramStandIn, type TelegramStandIn } from "../support/telegram-api";
import { savePreferences } from "~/models/message-preferences.server";

const PUBLIC_URL = "http://portal.test";
const SECRET = "s".repeat(40);
const FROM = "IT Cluster Careers <careers@portal.test>";

let c: Connection;
let smtp: TestSmtp;
let worker: OutboxWorker | undefined;
let bot: TelegramStandIn | undefined;

beforeEach(async () => {
  c = await createTestDatabase();
  smtp = await startTestSmtp();
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await smtp.close();
  await bot?.close();
  bot = undefined;
  closeTestDatabases();
});

/** Delivers everything due (the clock a little ahead of the wall clock: rows written just now are due). */
async function deliver(db = c.db) {
  worker ??= outboxWorker(db, {
    email: smtpTransport({ url: smtp.url, from: FROM }, { connectionMs: 3000, socketMs: 3000 }),
    telegram: bot ? telegramTransport(telegramApi({ token: STAND_IN_TOKEN, webhookSecret: null, apiRoot: bot.url })) : null,
    publicUrl: PUBLIC_URL,
    secret: SECRET,
    now: () => new Date(Date.now() + 2_000),
    log: () => undefined,
  });
  let total = 0;
  for (;;) {
    const round = await worker.runOnce();
    total += round.claimed;
    if (round.claimed === 0) return total;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function person(role: "employer" | "staff", locale: "ky" | "ru" | "en", name: string) {
  const u = await makeUser(c, role, { name });
  await c.db.updateTable("users").set({ locale }).where("id", "=", u.id).execute();
  return u;
}

/**
 * A verified company with a Kyrgyz-speaking owner and a Russian-speaking colleague; another verified
 * company and a pending one, each with a member who must hear nothing of the first; a graduate whose
 * profile employers may see; staff.
 */
async function scene() {
  const owner = await person("employer", "ky", "Азамат Бекмуратов");
  const companyId = await makeCompany(c, owner.id, { status: "verified", name: "Ала-Тоо Софт" });
  const colleague = await person("employer", "ru", "Ольга Ким");
  await addCompanyMember(c, companyId, colleague.id);
  const other = await person("employer", "ru", "Бакыт Осмонов");
  const otherCompanyId = await makeCompany(c, other.id, { status: "verified", name: "Тенгри Лабс" });
  const pending = await person("employer", "ky", "Нуриза Асанова");
  const pendingCompanyId = await makeCompany(c, pending.id, { status: "pending", name: "Жаңы Студия" });
  const staff = await person("staff", "ru", "Нургүл Абдыкадырова");
  const vacancyId = await makeVacancy(c, companyId, { title: "Junior frontend-разработчик" });
  const g = await makeGraduate(c, { firstName: "Айпери", lastName: "Жумабекова", account: true });
  await c.db.updateTable("graduates").set({ visibility: "employers" }).where("id", "=", g.graduateId).execute();
  await c.db.updateTable("users").set({ locale: "ru" }).where("id", "=", g.userId!).execute();
  const graduate = { id: g.graduateId, user_id: g.userId!, first_name: "Айпери", last_name: "Жумабекова" };
  return { owner, colleague, companyId, other, otherCompanyId, pending, pendingCompanyId, staff, vacancyId, graduate };
}

const outboxOf = (userId: number) =>
  c.db.selectFrom("outbox").select(["kind", "channel", "status", "link"]).where("user_id", "=", userId).orderBy("id").execute();
const mailTo = (email: string) => smtp.received.filter((m) => m.rcpt.includes(email));

/** Neither the other company's member nor the pending company's member got anything, in the portal or in the outbox. */
async function expectNothingFor(...userIds: number[]) {
  for (const id of userIds) {
    expect(await outboxOf(id)).toEqual([]);
    expect(await c.db.selectFrom("notifications").select("kind").where("user_id", "=", id).execute()).toEqual([]);
  }
}

describe("employers hear of their applications, in each member's language", () => {
  it("a new application reaches every member of the company by e-mail (and Telegram when linked); other companies' members get nothing", async () => {
    const s = await scene();
    await c.db.insertInto("telegram_links").values({ user_id: s.colleague.id, chat_id: 777001 }).execute();
    const applied = await apply(c.db, s.graduate, s.vacancyId, { note: null, projectIds: [] }, s.graduate.user_id);
    expect(applied.ok).toBe(true);
    const appId = (applied as { id: number }).id;
    const link = `/employer/applications/${appId}`;
    expect(await outboxOf(s.owner.id)).toEqual([{ kind: "application-received", channel: "email", status: "queued", link }]);
    expect(await outboxOf(s.colleague.id)).toEqual([
      { kind: "application-received", channel: "email", status: "queued", link },
      { kind: "application-received", channel: "telegram", status: "queued", link },
    ]);
    await expectNothingFor(s.other.id, s.pending.id);

    await deliver();
    await smtp.waitFor(2);
    const [ky] = mailTo(s.owner.email);
    const [ru] = mailTo(s.colleague.email);
    expect(ky!.parsed.subject).toBe("«Junior frontend-разработчик» вакансиясына жаңы арыз: Айпери Жумабекова");
    expect(ky!.parsed.text).toContain("Саламатсызбы, Азамат Бекмуратов!");
    expect(ky!.parsed.text).toContain("Айпери Жумабекова «Junior frontend-разработчик» вакансиясына арыз берди.");
    expect(ky!.parsed.text).toContain(`${PUBLIC_URL}${link}`);
    expect(ru!.parsed.subject).toBe("Новый отклик на «Junior frontend-разработчик»: Айпери Жумабекова");
    expect(ru!.parsed.text).toContain("Новый отклик на вакансию «Junior frontend-разработчик»: Айпери Жумабекова.");
    expect(ru!.parsed.headers.get("content-language")).toBe("ru");
    expect(smtp.received).toHaveLength(2);
  });

  it("the candidate's answer to an invitation: accepted (they applied) or declined, to the inviting company's members only", async () => {
    const s = await scene();
    const second = await makeVacancy(c, s.companyId, { title: "QA-тестировщик" });
    const first = await invite(c.db, s.companyId, s.vacancyId, { id: s.graduate.id }, s.owner.id);
    const other = await invite(c.db, s.companyId, second, { id: s.graduate.id }, s.owner.id);
    expect(first.ok && other.ok).toBe(true);
    expect((await apply(c.db, s.graduate, s.vacancyId, { note: "Спасибо!", projectIds: [] }, s.graduate.user_id)).ok).toBe(true);
    expect((await withdraw(c.db, s.graduate, (other as { id: number }).id, null, s.graduate.user_id)).ok).toBe(true);
    const kinds = async (id: number) => (await outboxOf(id)).map((r) => r.kind);
    expect(await kinds(s.owner.id)).toEqual(["invitation-accepted", "invitation-declined"]);
    expect(await kinds(s.colleague.id)).toEqual(["invitation-accepted", "invitation-declined"]);
    expect(await kinds(s.graduate.user_id)).toEqual(["application-invited", "application-invited"]);
    await expectNothingFor(s.other.id, s.pending.id);

    await deliver();
    await smtp.waitFor(6);
    expect(mailTo(s.colleague.email).map((m) => m.parsed.subject)).toEqual([
      "Приглашение принято: Айпери Жумабекова, «Junior frontend-разработчик»",
      "Приглашение отклонено: Айпери Жумабекова, «QA-тестировщик»",
    ]);
    expect(mailTo(s.colleague.email)[1]!.parsed.text).toContain("Приглашение отклонено: Айпери Жумабекова не будет откликаться на вакансию «QA-тестировщик».");
    expect(mailTo(s.owner.email).map((m) => m.parsed.subject)).toEqual([
      "Чакыруу кабыл алынды: Айпери Жумабекова, «Junior frontend-разработчик»",
      "Чакыруу четке кагылды: Айпери Жумабекова, «QA-тестировщик»",
    ]);
    expect(mailTo(s.owner.email)[1]!.parsed.text).toContain("Айпери Жумабекова «QA-тестировщик» вакансиясына арыз берүүгө чакырууңузду четке какты.");
  });
});

describe("moderation and verification results, with the staff member's reason as typed", () => {
  const reason = "Укажите зарплату: «от 30 000 сом» < 50 000 & город";

  it("a vacancy returned with a reason, and one approved: each member's e-mail in their language, the reason verbatim (escaped in HTML)", async () => {
    const s = await scene();
    const returned = await makeVacancy(c, s.companyId, { title: "Junior backend", status: "submitted" });
    const approved = await makeVacancy(c, s.companyId, { title: "Дизайнер интерфейсов", status: "submitted" });
    expect((await rejectVacancy(c.db, returned, s.staff.id, reason)).ok).toBe(true);
    expect((await approveVacancy(c.db, approved, s.staff.id)).ok).toBe(true);
    // A second click changes nothing and tells no one again.
    expect((await rejectVacancy(c.db, returned, s.staff.id, reason)).ok).toBe(false);
    expect((await outboxOf(s.owner.id)).map((r) => [r.kind, r.link])).toEqual([
      ["vacancy-rejected", `/employer/vacancies/${returned}`],
      ["vacancy-approved", `/vacancies/${approved}`],
    ]);
    expect((await outboxOf(s.colleague.id)).map((r) => r.kind)).toEqual(["vacancy-rejected", "vacancy-approved"]);
    await expectNothingFor(s.other.id, s.pending.id, s.staff.id);

    await deliver();
    await smtp.waitFor(4);
    const [ruReturned, ruApproved] = mailTo(s.colleague.email);
    expect(ruReturned!.parsed.subject).toBe("Ваша вакансия «Junior backend» возвращена на доработку");
    expect(ruReturned!.parsed.text).toContain(`Ваша вакансия «Junior backend» не одобрена: ${reason}`);
    expect(ruReturned!.parsed.html).toContain("Укажите зарплату: «от 30 000 сом» &lt; 50 000 &amp; город");
    expect(ruApproved!.parsed.subject).toBe("Ваша вакансия «Дизайнер интерфейсов» опубликована");
    const [kyReturned, kyApproved] = mailTo(s.owner.email);
    expect(kyReturned!.parsed.subject).toBe("«Junior backend» вакансияңыз оңдоого кайтарылды");
    expect(kyReturned!.parsed.text).toContain(`«Junior backend» вакансияңыз жактырылган жок: ${reason}`);
    expect(kyApproved!.parsed.text).toContain("«Дизайнер интерфейсов» вакансияңыз жактырылып, жарыяланды.");
  });

  it("a member who linked Telegram gets the returned vacancy there too, in their language, with the reason", async () => {
    bot = await startTelegramStandIn();
    const s = await scene();
    await c.db.insertInto("telegram_links").values({ user_id: s.owner.id, chat_id: 424242 }).execute();
    const returned = await makeVacancy(c, s.companyId, { title: "Junior backend", status: "submitted" });
    expect((await rejectVacancy(c.db, returned, s.staff.id, reason)).ok).toBe(true);
    await deliver();
    expect(bot.sent()).toEqual([
      { chat_id: 424242, text: `«Junior backend» вакансияңыз жактырылган жок: ${reason}\n\nПорталда ачуу: ${PUBLIC_URL}/employer/vacancies/${returned}` },
    ]);
    await smtp.waitFor(2);
    expect(smtp.received).toHaveLength(2); // and the e-mail to each member
  });

  it("a company refused with a reason, then verified; only its own members hear, once per decision", async () => {
    const s = await scene();
    const colleague = await person("employer", "ru", "Марат Токтосунов");
    await addCompanyMember(c, s.pendingCompanyId, colleague.id);
    await rejectCompany(c.db, s.pendingCompanyId, s.staff.id, reason);
    await verifyCompany(c.db, s.pendingCompanyId, s.staff.id);
    await verifyCompany(c.db, s.pendingCompanyId, s.staff.id); // a repeated click: no second message
    expect((await outboxOf(s.pending.id)).map((r) => r.kind)).toEqual(["company-rejected", "company-verified"]);
    expect((await outboxOf(colleague.id)).map((r) => r.kind)).toEqual(["company-rejected", "company-verified"]);
    await expectNothingFor(s.owner.id, s.colleague.id, s.other.id, s.staff.id);

    await deliver();
    await smtp.waitFor(4);
    const [kyRejected, kyVerified] = mailTo(s.pending.email);
    expect(kyRejected!.parsed.subject).toBe("«Жаңы Студия» компаниясы тастыкталган жок");
    expect(kyRejected!.parsed.text).toContain(`Жаңы Студия тастыкталган жок: ${reason}`);
    expect(kyVerified!.parsed.subject).toBe("«Жаңы Студия» компаниясы тастыкталды");
    const [ruRejected] = mailTo(colleague.email);
    expect(ruRejected!.parsed.subject).toBe("Компанию «Жаңы Студия» не удалось подтвердить");
    expect(ruRejected!.parsed.text).toContain(`Жаңы Студия не удалось подтвердить: ${reason}`);
  });

  it("a change of name, HTP number or website rejected with a reason, then approved", async () => {
    const s = await scene();
    const request = (name: string) =>
      c.db
        .insertInto("company_identity_changes")
        .values({ company_id: s.companyId, name, htp_number: null, website: null, requested_by: s.owner.id })
        .execute();
    await request("Ала-Тоо Софт Групп");
    expect((await rejectIdentityChange(c.db, s.companyId, s.staff.id, reason)).ok).toBe(true);
    await request("Ала-Тоо Софт Лаб");
    expect((await approveIdentityChange(c.db, s.companyId, s.staff.id)).ok).toBe(true);
    expect((await outboxOf(s.colleague.id)).map((r) => r.kind)).toEqual(["company-identity-rejected", "company-identity-approved"]);
    await expectNothingFor(s.other.id, s.pending.id);

    await deliver();
    await smtp.waitFor(4);
    const [ruRejected, ruApproved] = mailTo(s.colleague.email);
    expect(ruRejected!.parsed.subject).toBe("Новые данные компании не одобрены: Ала-Тоо Софт Групп");
    expect(ruRejected!.parsed.text).toContain(`Агентство не одобрило изменение названия, номера ПВТ или сайта («Ала-Тоо Софт Групп»): ${reason}`);
    expect(ruApproved!.parsed.subject).toBe("Новые данные компании одобрены: Ала-Тоо Софт Лаб");
    const [kyRejected] = mailTo(s.owner.email);
    expect(kyRejected!.parsed.subject).toBe("Компаниянын жаңы маалыматтары жактырылган жок: Ала-Тоо Софт Групп");
    expect(kyRejected!.parsed.text).toContain(reason);
  });

  it("an event whose transaction fails leaves neither the notification nor the outbox rows", async () => {
    const s = await scene();
    await expect(
      c.db.transaction().execute(async (trx) => {
        await tellCompany(trx, s.companyId, { kind: "vacancy-approved", eventKey: "x", vars: { vacancy: "x" }, link: null });
        throw new Error("the event's next write failed");
      }),
    ).rejects.toThrow("the event's next write failed");
    expect(await c.db.selectFrom("outbox").select("id").execute()).toEqual([]);
    expect(await c.db.selectFrom("notifications").select("id").execute()).toEqual([]);
  });
});

describe("the graduate's saved searches at once", () => {
  it("a graduate who kept the default (a daily digest) gets no at-once message: the digest lists the match", async () => {
    const s = await scene();
    await createSavedSearch(c.db, s.graduate.user_id, parseBoardQuery("q=frontend"), "Фронтенд");
    await sleep(5);
    const fresh = await makeVacancy(c, s.companyId, { title: "Frontend developer", status: "submitted" });
    expect((await approveVacancy(c.db, fresh, s.staff.id)).ok).toBe(true);
    expect(await c.db.selectFrom("outbox").select("id").where("kind", "=", "saved-search-hits").execute()).toEqual([]);
    expect(await c.db.selectFrom("notifications").select("kind").where("user_id", "=", s.graduate.user_id).execute()).toContainEqual({
      kind: "saved-search-hits",
    });
  });

  it("a published match writes one message per search and run, e-mailed in the graduate's language; a second run writes nothing", async () => {
    const s = await scene();
    // Saved-search hits come as a daily digest unless the graduate asks for each at once (decision 053).
    await savePreferences(c.db, s.graduate.user_id, { "saved-searches": { email: true, telegram: false, mode: "instant" } });
    await createSavedSearch(c.db, s.graduate.user_id, parseBoardQuery("q=frontend"), "Фронтенд");
    await createSavedSearch(c.db, s.graduate.user_id, parseBoardQuery("q=designer"), "Дизайн");
    await sleep(5);
    const fresh = await makeVacancy(c, s.companyId, { title: "Frontend developer", status: "submitted" });
    expect((await approveVacancy(c.db, fresh, s.staff.id)).ok).toBe(true);
    const rows = await c.db.selectFrom("outbox").select(["idem_key", "payload_json"]).where("kind", "=", "saved-search-hits").execute();
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0]!.payload_json)).toEqual({ n: 1, name: "Фронтенд" });
    expect(await checkSavedSearches(c.db)).toBe(0);
    expect(await c.db.selectFrom("outbox").select("id").where("kind", "=", "saved-search-hits").execute()).toHaveLength(1);

    await deliver();
    const [mail] = (await smtp.waitFor(3)).filter((m) => m.parsed.subject?.includes("поиску"));
    expect(mail!.parsed.subject).toBe("Новые вакансии по сохранённому поиску «Фронтенд»");
    expect(mail!.parsed.text).toContain(`${PUBLIC_URL}/vacancies?q=frontend`);
  });
});

describe("the sign-up security notice", () => {
  it("a sign-up with a taken address tells its owner in the portal and by e-mail", async () => {
    const owner = await makeUser(c, "graduate", { email: "timur@alatoo.kg" });
    await c.db.updateTable("users").set({ locale: "ru" }).where("id", "=", owner.id).execute();
    const fields = {
      name: "Тимур Исаков",
      company: "Ала-Тоо Софт",
      email: "Timur@AlaToo.kg",
      password: "long-enough-pass",
      passwordRepeat: "long-enough-pass",
    };
    expect((await call(signup.action, post("/signup", fields))).status).toBe(302);
    expect(await outboxOf(owner.id)).toEqual([{ kind: "sign-up-existing", channel: "email", status: "queued", link: null }]);
    await deliver();
    const [mail] = await smtp.waitFor(1);
    expect(mail!.rcpt).toEqual(["timur@alatoo.kg"]);
    expect(mail!.parsed.subject).toBe("Кто-то пытался зарегистрироваться с вашим адресом электронной почты");
  });
});

describe("the person's messages in their data download", () => {
  it("lists their outbox rows (kind, channel, state, dates), Telegram linked since when (no chat number) and what they turned off — no one else's", async () => {
    const s = await scene();
    await c.db.insertInto("telegram_links").values({ user_id: s.graduate.user_id, chat_id: 555123456, linked_at: "2026-11-02T08:00:00.000Z" }).execute();
    await invite(c.db, s.companyId, s.vacancyId, { id: s.graduate.id }, s.owner.id);
    await optOut(c.db, s.graduate.user_id, "saved-search-hits", "email");
    const data = await exportGraduateData(c.db, s.graduate.user_id, s.graduate.id);
    expect(data.messages.outbox.map((r) => [r.kind, r.channel, r.status])).toEqual([
      ["application-invited", "email", "queued"],
      ["application-invited", "telegram", "queued"],
    ]);
    expect(Object.keys(data.messages.outbox[0]!).sort()).toEqual(["channel", "created_at", "kind", "sent_at", "status", "updated_at"]);
    expect(data.messages.telegram).toEqual({ linked: true, linkedSince: "2026-11-02T08:00:00.000Z" });
    expect(data.messages.choices).toMatchObject([{ topic: "saved-searches", email: 0 }]);
    const json = JSON.stringify(data);
    expect(json).not.toContain("555123456");
    // The employers' messages about the graduate (their names in the variables) are not the graduate's rows.
    await apply(c.db, s.graduate, s.vacancyId, { note: null, projectIds: [] }, s.graduate.user_id);
    const again = await exportGraduateData(c.db, s.graduate.user_id, s.graduate.id);
    expect(again.messages.outbox).toHaveLength(2);
  });
});

describe("the demo's messages", () => {
  it("are marked not sent (demo) and never e-mailed, even with SMTP configured", async () => {
    const demo = await createDemoTestDatabase();
    const states = await demo.db
      .selectFrom("outbox")
      .select(["status", "last_error", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy(["status", "last_error"])
      .execute();
    // Every row is "not sent": the demo's own reason, or "cancelled" for the reminders of demo interviews moved since (decision 061).
    expect(states.every((s) => s.status === "not_sent" && (s.last_error === "demo" || s.last_error === "cancelled"))).toBe(true);
    expect(Number(states.find((s) => s.last_error === "demo")?.n ?? 0)).toBeGreaterThan(0);
    expect(await deliver(demo.db)).toBe(0);
    expect(smtp.rcptAttempts).toEqual([]);
  });
});
