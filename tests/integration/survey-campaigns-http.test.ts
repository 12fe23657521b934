// A survey campaign end to end (issue 17 "done means"; docs/decisions/055-survey-campaigns.md): the
// production build, a real SMTP server and the Telegram Bot API stand-in. 50 due graduates (15 with
// Telegram linked, in three languages); staff send a campaign from the follow-up list's filter →
// 50 e-mails and 15 Telegram messages arrive, each with the person's own working link; 20 answer
// through it → the campaign page shows 20 answered; the one reminder reaches the 30 others only,
// with the same links, and cannot be sent twice. Without JavaScript: plain forms and redirects.
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@db/connection";
import { todayInBishkek } from "~/domain/calendar";
import { demoDataCopy, type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";
import { startTestSmtp, type TestSmtp } from "../support/smtp";
import { STAND_IN_TOKEN, startTelegramStandIn, type TelegramStandIn } from "../support/telegram-api";
import { makeCohort, makeGraduate } from "../support/factories";

const SECRET = "webhook-secret-survey-campaigns-0123456789";
const LANGS = ["ky", "ru", "en"] as const;
const N = 50;
const LINKED = 15;
const CHAT0 = 6_170_000;

let smtp: TestSmtp;
let api: TelegramStandIn;
let server: RunningServer;
let db: Database.Database;
let cohortId: number;
/** The graduates made here: e-mail, language, Telegram chat or null. */
const people: { email: string; lang: (typeof LANGS)[number]; chat: number | null }[] = [];

beforeAll(async () => {
  smtp = await startTestSmtp();
  api = await startTelegramStandIn();
  const dataDir = await demoDataCopy();
  const c = openDatabase(path.join(dataDir, "portal.sqlite"));
  try {
    const school = await c.db.selectFrom("schools").select("id").orderBy("id", "desc").executeTakeFirstOrThrow();
    // Graduated two days ago: the graduation checkpoint is due.
    const date = todayInBishkek(Date.now() - 2 * 86_400_000);
    cohortId = await makeCohort(c, date, school.id);
    for (let i = 0; i < N; i++) {
      const lang = LANGS[i % 3]!;
      const email = `campaign${i}@test.kg`;
      const g = await makeGraduate(c, { cohortId, firstName: `Бүтүрүүчү${String(i).padStart(2, "0")}`, lastName: "Тестов", account: { email } });
      await c.db.updateTable("users").set({ locale: lang }).where("id", "=", g.userId!).execute();
      const chat = i < LINKED ? CHAT0 + i : null;
      if (chat !== null) await c.db.insertInto("telegram_links").values({ user_id: g.userId!, chat_id: chat }).execute();
      people.push({ email, lang, chat });
    }
  } finally {
    c.sqlite.close();
  }
  server = await startServer(
    {
      SMTP_URL: smtp.url,
      MAIL_FROM: "IT Cluster Careers <careers@portal.test>",
      TELEGRAM_BOT_TOKEN: STAND_IN_TOKEN,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: api.url,
    },
    dataDir,
  );
  db = new Database(path.join(server.dataDir, "portal.sqlite"), { readonly: true });
  db.pragma("busy_timeout = 5000");
}, 180_000);

afterAll(async () => {
  db?.close();
  await server?.stop();
  await smtp?.close();
  await api?.close();
});

async function page(pathname: string, cookie: string, lng = "en") {
  const res = await fetch(`${server.url}${pathname}`, { headers: { Cookie: `${cookie}; lng=${lng}` }, redirect: "manual" });
  return { status: res.status, location: res.headers.get("location"), body: await res.text() };
}

async function post(pathname: string, cookie: string, fields: Record<string, string>, lng = "en") {
  const res = await fetch(`${server.url}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: `${cookie}; lng=${lng}` },
    body: new URLSearchParams(fields),
  });
  return { status: res.status, location: res.headers.get("location"), body: await res.text() };
}

async function until(what: string, check: () => boolean, timeoutMs = 90_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const linkIn = (text: string) => {
  const m = new RegExp(`${server.url.replace(/[.]/g, "\\.")}/survey/([A-Za-z0-9_-]{43})\\?lng=(ky|ru|en)`).exec(text);
  expect(m, text).not.toBeNull();
  return { token: m![1]!, lng: m![2]! };
};

/** The e-mails to one of the graduates made here (the demo's own queued messages go to the same server). */
const mailTo = (i: number) => smtp.received.filter((r) => r.rcpt.includes(people[i]!.email));
const ourMail = () => smtp.received.filter((r) => /^campaign\d+@test\.kg$/.test(r.rcpt[0] ?? ""));
const ourChats = () => api.sent().filter((m) => m.chat_id >= CHAT0 && m.chat_id < CHAT0 + N);

describe("a survey campaign over HTTP, SMTP and Telegram", () => {
  it("reaches 50 due graduates by e-mail and Telegram with their own links, records 20 answers, reminds the 30 others once", { timeout: 300_000 }, async () => {
    const staff = await signInOverHttp(server.url, "staff@demo.kg");

    // The confirm page counts before anything is sent (in the staff member's language).
    const preview = await page(`/staff/outcomes/campaigns/new?cohort=${cohortId}`, staff, "en");
    expect(preview.status).toBe(200);
    expect(preview.body).toContain(`Due graduates on the list: ${N}`);
    expect(preview.body).toContain(`By e-mail: ${N}`);
    expect(preview.body).toContain(`By Telegram: ${LINKED}`);
    expect(preview.body).toContain("Cannot be messaged: 0");
    const key = /name="key" value="([A-Za-z0-9_-]+)"/.exec(preview.body)![1]!;
    // The demo's own campaign (db/seed/campaigns.ts) is marked not sent: demo; none of this campaign's yet.
    expect(db.prepare("select count(*) n from outbox where kind like 'survey-%' and last_error is not 'demo'").get()).toEqual({ n: 0 });

    const sent = await post("/staff/outcomes/campaigns/new", staff, { intent: "send", key, school: "", cohort: String(cohortId) });
    expect(sent.status).toBe(302);
    const campaignPath = sent.location!;
    expect(campaignPath).toMatch(/^\/staff\/outcomes\/campaigns\/\d+$/);
    // A double submit of the same form: the same campaign, nothing more queued.
    const again = await post("/staff/outcomes/campaigns/new", staff, { intent: "send", key, school: "", cohort: String(cohortId) });
    expect([again.status, again.location]).toEqual([302, campaignPath]);
    expect(db.prepare("select count(*) n from outbox where kind = 'survey-invitation' and last_error is not 'demo'").get()).toEqual({ n: N + LINKED });

    // 50 e-mails and 15 Telegram messages arrive, each person's in their language with their own link.
    await until("50 e-mails", () => ourMail().length >= N);
    await until("15 Telegram messages", () => ourChats().length >= LINKED);
    expect(new Set(ourMail().map((r) => r.rcpt.join())).size).toBe(N);
    const tokens = new Map<number, string>();
    const subjects = { ky: "Окуу жайыңыздан кыска суроо", ru: "Короткий вопрос от вашего учебного заведения", en: "A short question from your school" };
    for (let i = 0; i < N; i++) {
      const [mail] = mailTo(i);
      expect(mail, people[i]!.email).toBeDefined();
      expect(mail!.parsed.subject).toContain(subjects[people[i]!.lang]);
      const link = linkIn(mail!.parsed.text ?? "");
      expect(link.lng).toBe(people[i]!.lang);
      expect(mail!.parsed.html).toContain(`/survey/${link.token}`);
      tokens.set(i, link.token);
    }
    expect(new Set(tokens.values()).size).toBe(N);
    const telegram = ourChats();
    expect(telegram.map((m) => m.chat_id).sort()).toEqual(people.flatMap((p) => (p.chat === null ? [] : [p.chat])).sort());
    for (const m of telegram) {
      const i = people.findIndex((p) => p.chat === m.chat_id);
      expect(linkIn(m.text).token).toBe(tokens.get(i)); // the same link as the person's e-mail
    }

    // Each link works: 20 graduates answer through theirs (some the ones with Telegram), with JavaScript off.
    const answering = Array.from({ length: 20 }, (_, k) => k * 2 + 1); // 1, 3, … 39
    for (const i of answering) {
      const form = await fetch(`${server.url}/survey/${tokens.get(i)}?lng=${people[i]!.lang}`);
      expect(form.status).toBe(200);
      const res = await post(`/survey/${tokens.get(i)}?lng=${people[i]!.lang}`, "", { code: "seeking" }, people[i]!.lang);
      expect([res.status, res.location]).toEqual([302, `/survey/thanks?lng=${people[i]!.lang}`]);
    }
    // A used link is closed.
    expect((await fetch(`${server.url}/survey/${tokens.get(1)}`)).status).toBe(410);

    await until(
      "every invitation settled",
      () => (db.prepare("select count(*) n from outbox where status = 'queued' and kind like 'survey-%'").get() as { n: number }).n === 0,
    );
    let campaign = await page(campaignPath, staff, "en");
    expect(campaign.status).toBe(200);
    expect(campaign.body).toContain(`Graduates: ${N}`);
    expect(campaign.body).toContain("Answered: 20");
    expect(campaign.body).toContain("Not answered yet: 30");
    expect(campaign.body).toContain(`E-mail: sent ${N}, waiting 0, failed 0, not sent 0`);
    expect(campaign.body).toContain(`Telegram: sent ${LINKED}, waiting 0, failed 0, not sent 0`);
    expect(campaign.body.match(/data-answer="yes"/g)).toHaveLength(20);
    expect(campaign.body).toContain("Send one reminder to those who have not answered (30)");
    expect(campaign.body).toContain('name="intent" value="remind"');
    // The page in the other two languages.
    expect((await page(campaignPath, staff, "ru")).body).toContain("Ответили: 20");
    expect((await page(campaignPath, staff, "ky")).body).toContain("Жооп бергендер: 20");

    // The reminder: to the 30 who did not answer only, by the same channels and links.
    const remind = await post(campaignPath, staff, { intent: "remind" });
    expect([remind.status, remind.location]).toEqual([302, campaignPath]);
    const waiting = people.map((_, i) => i).filter((i) => !answering.includes(i));
    const waitingLinked = waiting.filter((i) => people[i]!.chat !== null);
    await until("the reminder e-mails", () => ourMail().length >= N + waiting.length);
    await until("the Telegram reminders", () => ourChats().length >= LINKED + waitingLinked.length);
    const reminders = ourMail().slice(N);
    expect(reminders.map((r) => r.rcpt[0]).sort()).toEqual(waiting.map((i) => people[i]!.email).sort());
    for (const i of waiting) {
      const [, reminder] = mailTo(i);
      expect(reminder!.parsed.subject).not.toBe(mailTo(i)[0]!.parsed.subject);
      expect(linkIn(reminder!.parsed.text ?? "").token).toBe(tokens.get(i));
    }
    expect(
      ourChats()
        .slice(LINKED)
        .map((m) => m.chat_id)
        .sort(),
    ).toEqual(waitingLinked.map((i) => people[i]!.chat).sort());

    // Once only: the button is gone, a second post is a 409 that says so, nothing more is queued.
    campaign = await page(campaignPath, staff, "en");
    // (The page's message catalog holds every text; the form itself is what must be gone.)
    expect(campaign.body).not.toContain('name="intent" value="remind"');
    expect(campaign.body).toMatch(/The reminder was sent on [^<]*\d[^<]* by Нургүл Абдыкадырова\./);
    const queued = db.prepare("select count(*) n from outbox").get();
    const twice = await post(campaignPath, staff, { intent: "remind" });
    expect(twice.status).toBe(409);
    expect(twice.body).toContain("campaigns.remind.already"); // the action's answer names the message (the page shows it in the reader's language)
    expect(db.prepare("select count(*) n from outbox").get()).toEqual(queued);
    // One audit entry per bulk send, with counts.
    // Not the demo's own campaign (db/seed/campaigns.ts, send key "demo-campaign").
    const audit = db
      .prepare(
        "select action, after_json from audit_log where action like 'survey-campaign.%' and entity_id is not (select cast(id as text) from survey_campaigns where send_key = 'demo-campaign') order by id",
      )
      .all() as {
      action: string;
      after_json: string;
    }[];
    expect(audit.map((a) => a.action)).toEqual(["survey-campaign.send", "survey-campaign.remind"]);
    expect(JSON.parse(audit[0]!.after_json)).toMatchObject({ members: N, by_email: N, by_telegram: LINKED });
    expect(JSON.parse(audit[1]!.after_json)).toEqual({ reminded: waiting.length });
  });

  it("other roles are refused over HTTP; signed-out people are sent to sign in", async () => {
    for (const email of ["graduate@demo.kg", "employer@demo.kg"]) {
      const cookie = await signInOverHttp(server.url, email);
      for (const p of ["/staff/outcomes/campaigns", "/staff/outcomes/campaigns/new", "/staff/outcomes/campaigns/1"])
        expect((await page(p, cookie)).status).toBe(403);
      expect((await post("/staff/outcomes/campaigns/1", cookie, { intent: "remind" })).status).toBe(403);
    }
    const visitor = await page("/staff/outcomes/campaigns/1", "");
    expect(visitor.location).toMatch(/^\/login/);
  });
});
