// Team notes and ratings, the conversation of an application and its reports to staff (issue 18
// items 3 and 4; docs/product.md §15, docs/decisions/060-notes-and-conversations.md). The routes are
// called in process on a real SQLite file as each actor; refusals write nothing; the message to the
// other side is delivered over real SMTP in the recipient's language and carries no message text.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { smallPdf } from "@db/seed/talk18";
import { CONVERSATION_FORM_MARK, MAX_ATTACHMENT_BYTES } from "~/domain/conversations/rules";
import { CONVERSATION_BODY_CEILING } from "~/domain/conversations/message-form.server";
import { notesSummaryFor } from "~/models/application-notes.server";
import { deleteGraduateAccount, exportGraduateData } from "~/models/personal-data.server";
import * as notesRoute from "~/routes/_employer.employer.applications.$id_.notes";
import * as employerMessages from "~/routes/_employer.employer.applications.$id_.messages";
import * as employerPage from "~/routes/_employer.employer.applications.$id";
import * as graduateMessages from "~/routes/me.applications.$id_.messages";
import * as graduatePage from "~/routes/me.applications.$id";
import * as fileRoute from "~/routes/conversation-files.$id";
import * as staffQueue from "~/routes/staff.conversations._index";
import * as staffThread from "~/routes/staff.conversations.$id";
import { type OutboxWorker, outboxWorker, smtpTransport } from "~/server/outbox-worker";
import { checkPdf } from "~/domain/conversations/rules";
import { closeTestDatabases, createDemoTestDatabase, createTestDatabase } from "../support/db";
import { addCompanyMember, makeApplication, makeCompany, makeGraduate, makeUser, makeVacancy, sessionCookieFor } from "../support/factories";
import { call, get, post } from "../support/remix";
import { startTestSmtp, type TestSmtp } from "../support/smtp";
import { WriteWatch } from "../support/write-watch";

const PUBLIC_URL = "http://portal.test";

let c: Connection;
let smtp: TestSmtp | undefined;
let worker: OutboxWorker | undefined;
let watch: WriteWatch;

beforeEach(async () => {
  c = await createTestDatabase();
  watch = new WriteWatch(() => c);
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
  await smtp?.close();
  smtp = undefined;
  closeTestDatabases();
});

async function person(role: "employer" | "staff" | "graduate", locale: "ky" | "ru" | "en", name: string) {
  const u = await makeUser(c, role, { name });
  await c.db.updateTable("users").set({ locale }).where("id", "=", u.id).execute();
  return { ...u, cookie: await sessionCookieFor(u.id) };
}

/** Company X (a Kyrgyz-speaking owner, a Russian-speaking colleague) with an application of a Russian-speaking graduate; company Y; a pending company; another graduate; staff. */
async function scene() {
  const owner = await person("employer", "ky", "Азамат Бекмуратов");
  const companyId = await makeCompany(c, owner.id, { status: "verified", name: "Ала-Тоо Софт" });
  const colleague = await person("employer", "ru", "Ольга Ким");
  await addCompanyMember(c, companyId, colleague.id);
  const other = await person("employer", "en", "Other Company");
  await makeCompany(c, other.id, { status: "verified", name: "Тенгри Лабс" });
  const pending = await person("employer", "ru", "Pending Member");
  await makeCompany(c, pending.id, { status: "pending", name: "Жаңы Студия" });
  const staff = await person("staff", "ru", "Нургүл Абдыкадырова");
  const vacancyId = await makeVacancy(c, companyId, { title: "Junior frontend-разработчик" });
  const g = await makeGraduate(c, { firstName: "Айпери", lastName: "Жумабекова", account: true });
  await c.db
    .updateTable("graduates")
    .set({ visibility: "employers", contact_email: "aiperi.private@mail.kg", contact_phone: "+996 555 123 456" })
    .where("id", "=", g.graduateId)
    .execute();
  await c.db.updateTable("users").set({ locale: "ru" }).where("id", "=", g.userId!).execute();
  const graduate = { id: g.graduateId, userId: g.userId!, cookie: await sessionCookieFor(g.userId!) };
  const g2 = await makeGraduate(c, { firstName: "Бакыт", lastName: "Осмонов", account: true });
  const otherGraduate = { id: g2.graduateId, userId: g2.userId!, cookie: await sessionCookieFor(g2.userId!) };
  const applicationId = await makeApplication(c, vacancyId, graduate.id, { status: "screening" });
  return { owner, colleague, companyId, other, pending, staff, graduate, otherGraduate, applicationId };
}

const params = (id: number) => ({ id: String(id) });

function multipart(path: string, cookie: string, fields: Record<string, string>, file?: { name: string; type: string; bytes: Uint8Array }): Request {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append("file", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type }));
  else form.append("file", new File([], "", { type: "application/octet-stream" }));
  return new Request(`http://localhost${path}`, { method: "POST", body: form, headers: { Cookie: cookie } });
}

const countRows = async () => ({
  notes: Number(
    (
      await c.db
        .selectFrom("application_notes")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  ratings: Number(
    (
      await c.db
        .selectFrom("application_ratings")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  messages: Number(
    (
      await c.db
        .selectFrom("conversation_messages")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  attachments: Number(
    (
      await c.db
        .selectFrom("conversation_attachments")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  reports: Number(
    (
      await c.db
        .selectFrom("conversation_reports")
        .select((eb) => eb.fn.countAll().as("n"))
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

describe("team notes and ratings (issue 18 item 3)", () => {
  it("colleagues add notes and rate (one rating each, changeable); the page shows each rating and the average; the list summary counts them", async () => {
    const s = await scene();
    const url = `/employer/applications/${s.applicationId}/notes`;
    const added = await call(
      notesRoute.action,
      post(url, { intent: "note", body: "Сильное портфолио, пригласить на интервью." }, { cookie: s.colleague.cookie }),
      params(s.applicationId),
    );
    expect(added.status).toBe(302);
    expect(added.location).toBe(`/employer/applications/${s.applicationId}#team-notes`);
    for (const [who, rating] of [
      [s.owner, "2"],
      [s.colleague, "5"],
      [s.owner, "4"],
    ] as const) {
      expect((await call(notesRoute.action, post(url, { intent: "rate", rating }, { cookie: who.cookie }), params(s.applicationId))).status).toBe(302);
    }
    const page = await call(employerPage.loader, get(`/employer/applications/${s.applicationId}`, { cookie: s.owner.cookie }), params(s.applicationId));
    const view = (
      page.data as {
        teamNotes: {
          notes: { body: string; author: string }[];
          ratings: { rater: string; rating: number; mine: boolean }[];
          average: number;
          myRating: number;
        };
      }
    ).teamNotes;
    expect(view.notes).toMatchObject([{ body: "Сильное портфолио, пригласить на интервью.", author: "Ольга Ким" }]);
    expect(view.ratings).toEqual([
      { rater: "Азамат Бекмуратов", rating: 4, mine: true },
      { rater: "Ольга Ким", rating: 5, mine: false },
    ]);
    expect(view.average).toBe(4.5);
    expect(view.myRating).toBe(4);

    const summary = await notesSummaryFor(c.db, s.companyId, [s.applicationId, 999_999]);
    expect(summary.get(s.applicationId)).toEqual({ notes: 1, averageRating: 4.5 });
    expect(summary.get(999_999)).toEqual({ notes: 0, averageRating: null });
    // Another company asking for the same id learns nothing.
    const otherCompany = (await c.db.selectFrom("company_members").select("company_id").where("user_id", "=", s.other.id).executeTakeFirstOrThrow()).company_id;
    expect((await notesSummaryFor(c.db, otherCompany, [s.applicationId])).get(s.applicationId)).toEqual({ notes: 0, averageRating: null });

    // Never shown to the graduate, nor in their data download.
    const theirs = await call(graduatePage.loader, get(`/me/applications/${s.applicationId}`, { cookie: s.graduate.cookie }), params(s.applicationId));
    expect(JSON.stringify(theirs.data)).not.toContain("Сильное портфолио");
    expect(JSON.stringify(theirs.data)).not.toMatch(/rating/i);
    const download = JSON.stringify(await exportGraduateData(c.db, s.graduate.userId, s.graduate.id));
    expect(download).not.toContain("Сильное портфолио");
    expect(download).not.toMatch(/"rating"/);
  });

  it("a note over 5,000 characters or a rating outside 1–5 is a 400 beside the field with the text kept, and nothing is written", async () => {
    const s = await scene();
    const url = `/employer/applications/${s.applicationId}/notes`;
    const long = "ж".repeat(5001);
    const before = watch.mark();
    const tooLong = await call(notesRoute.action, post(url, { intent: "note", body: long }, { cookie: s.owner.cookie }), params(s.applicationId));
    expect(tooLong.status).toBe(400);
    expect(tooLong.data).toMatchObject({ ok: false, errors: { body: "errors.tooLong" }, values: { intent: "note", body: long } });
    for (const body of ["", "   "]) {
      const empty = await call(notesRoute.action, post(url, { intent: "note", body }, { cookie: s.owner.cookie }), params(s.applicationId));
      expect(empty.status).toBe(400);
      expect(empty.data).toMatchObject({ errors: { body: "errors.required" } });
    }
    for (const rating of ["0", "6", "3.5", "five", ""]) {
      const bad = await call(notesRoute.action, post(url, { intent: "rate", rating }, { cookie: s.owner.cookie }), params(s.applicationId));
      expect(bad.status, rating).toBe(400);
      expect(Object.keys((bad.data as { errors: object }).errors)).toEqual(["rating"]);
    }
    expect(watch.changedSince(before)).toBe(false);
    // Exactly 5,000 is accepted.
    expect(
      (await call(notesRoute.action, post(url, { intent: "note", body: "ж".repeat(5000) }, { cookie: s.owner.cookie }), params(s.applicationId))).status,
    ).toBe(302);
  });

  it("refused: another company's member (404), a pending company's member and the graduate (403), a visitor (sign-in); nothing written", async () => {
    const s = await scene();
    const url = `/employer/applications/${s.applicationId}/notes`;
    const before = watch.mark();
    const as = (cookie?: string) => call(notesRoute.action, post(url, { intent: "rate", rating: "1" }, { cookie }), params(s.applicationId));
    expect((await as(s.other.cookie)).status).toBe(404);
    expect((await as(s.pending.cookie)).status).toBe(403);
    expect((await as(s.graduate.cookie)).status).toBe(403);
    expect((await as(s.staff.cookie)).status).toBe(403);
    const visitor = await as(undefined);
    expect(visitor.location).toMatch(/^\/login/);
    expect(watch.changedSince(before)).toBe(false);
  });
});

describe("the conversation of an application (issue 18 item 4)", () => {
  it("the company writes with a PDF, the graduate answers: each side is told through the outbox in their own language, without the text; both see the thread", async () => {
    const s = await scene();
    smtp = await startTestSmtp();
    // Only this conversation's messages go out (the application's own moves were told when it was made).
    await c.db.updateTable("outbox").set({ status: "not_sent" }).execute();
    const pdf = smallPdf(["Test task", "Build a small page"]);
    const sent = await call(
      employerMessages.action,
      multipart(
        `/employer/applications/${s.applicationId}/messages`,
        s.owner.cookie,
        { intent: "send", body: "Саламатсызбы! Тапшырманы тиркедим." },
        { name: "task.pdf", type: "application/pdf", bytes: pdf },
      ),
      params(s.applicationId),
    );
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/employer/applications/${s.applicationId}#conversation`);
    const answered = await call(
      graduateMessages.action,
      multipart(`/me/applications/${s.applicationId}/messages`, s.graduate.cookie, { intent: "send", body: "Спасибо, сделаю до пятницы." }),
      params(s.applicationId),
    );
    expect(answered.status).toBe(302);

    const rows = await c.db.selectFrom("outbox").select(["user_id", "channel", "link"]).where("kind", "=", "conversation-message").orderBy("user_id").execute();
    expect(rows).toEqual(
      [
        { user_id: s.owner.id, channel: "email", link: `/employer/applications/${s.applicationId}` },
        { user_id: s.colleague.id, channel: "email", link: `/employer/applications/${s.applicationId}` },
        { user_id: s.graduate.userId, channel: "email", link: `/me/applications/${s.applicationId}` },
      ].sort((a, b) => a.user_id - b.user_id),
    );

    worker = outboxWorker(c.db, {
      email: smtpTransport({ url: smtp.url, from: "IT Cluster Careers <careers@portal.test>" }, { connectionMs: 3000, socketMs: 3000 }),
      telegram: null,
      publicUrl: PUBLIC_URL,
      secret: "s".repeat(40),
      now: () => new Date(Date.now() + 2_000),
      log: () => undefined,
    });
    while ((await worker.runOnce()).claimed > 0);
    const mails = await smtp.waitFor(3);
    expect(mails).toHaveLength(3);
    const to = (email: string) => mails.filter((m) => m.rcpt.includes(email))[0]!.parsed;
    const graduateEmail = (await c.db.selectFrom("users").select("email").where("id", "=", s.graduate.userId).executeTakeFirstOrThrow()).email;
    expect(to(graduateEmail).subject).toBe("Новое сообщение по вакансии «Junior frontend-разработчик» — Ала-Тоо Софт");
    expect(to(graduateEmail).text).toContain(`${PUBLIC_URL}/me/applications/${s.applicationId}`);
    expect(to(s.owner.email).subject).toBe("«Junior frontend-разработчик» боюнча жаңы билдирүү — Айпери Жумабекова");
    expect(to(s.colleague.email).subject).toBe("Новое сообщение по вакансии «Junior frontend-разработчик» — Айпери Жумабекова");
    for (const m of mails) {
      expect(m.parsed.text).not.toContain("Тапшырманы");
      expect(m.parsed.text).not.toContain("пятницы");
    }

    // Both sides see the thread; the graduate sees the company's name, not the colleague's e-mail; no contacts travel.
    const theirs = (await call(graduatePage.loader, get(`/me/applications/${s.applicationId}`, { cookie: s.graduate.cookie }), params(s.applicationId)))
      .data as {
      conversation: { messages: { from: string; mine: boolean; body: string; attachment: { id: number; fileName: string } | null }[]; open: boolean };
    };
    expect(theirs.conversation.messages).toMatchObject([
      { from: "Ала-Тоо Софт", mine: false, body: "Саламатсызбы! Тапшырманы тиркедим.", attachment: { fileName: "task.pdf" } },
      { mine: true, body: "Спасибо, сделаю до пятницы.", attachment: null },
    ]);
    expect(JSON.stringify(theirs)).not.toContain(s.owner.email);
    const ours = (await call(employerPage.loader, get(`/employer/applications/${s.applicationId}`, { cookie: s.colleague.cookie }), params(s.applicationId)))
      .data as {
      conversation: { messages: { from: string; mine: boolean }[] };
    };
    expect(ours.conversation.messages).toMatchObject([
      { from: "Азамат Бекмуратов (Ала-Тоо Софт)", mine: true },
      { from: "Айпери Жумабекова", mine: false },
    ]);
    expect(JSON.stringify(ours.conversation)).not.toContain("aiperi.private@mail.kg");
    expect(JSON.stringify(ours.conversation)).not.toContain("555 123");

    // The attachment: to the two sides only, as a download of application/pdf, never sniffed.
    const fileId = theirs.conversation.messages[0]!.attachment!.id;
    const fetchAs = (cookie?: string) => call(fileRoute.loader, get(`/conversation-files/${fileId}`, { cookie }), params(fileId));
    for (const cookie of [s.graduate.cookie, s.owner.cookie, s.colleague.cookie]) {
      const r = await fetchAs(cookie);
      expect(r.status).toBe(200);
      expect(r.headers.get("Content-Type")).toBe("application/pdf");
      expect(r.headers.get("Content-Disposition")).toBe(`attachment; filename="task.pdf"; filename*=UTF-8''task.pdf`);
    }
    const body = await fileRoute.loader({
      request: get(`/conversation-files/${fileId}`, { cookie: s.graduate.cookie }),
      params: params(fileId),
      context: { clientAddress: "127.0.0.1", cspNonce: "" },
    });
    expect(Buffer.from(await body.arrayBuffer()).equals(pdf)).toBe(true);
    for (const cookie of [s.other.cookie, s.pending.cookie, s.otherGraduate.cookie, s.staff.cookie]) expect((await fetchAs(cookie)).status).toBe(404);
    expect((await fetchAs(undefined)).location).toMatch(/^\/login/);
  });

  it("an empty message, a file that is not a PDF (renamed .pdf, or a cut-off PDF) and a PDF over 5 MB are 4xx beside the field with the text kept, and nothing is written", async () => {
    const s = await scene();
    const path = `/employer/applications/${s.applicationId}/messages`;
    const before = watch.mark();
    const send = (fields: Record<string, string>, file?: { name: string; type: string; bytes: Uint8Array }) =>
      call(employerMessages.action, multipart(path, s.owner.cookie, { intent: "send", ...fields }, file), params(s.applicationId));

    const empty = await send({ body: "  " });
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ errors: { body: "errors.required" } });

    const renamed = await send(
      { body: "Резюме во вложении" },
      { name: "cv.pdf", type: "application/pdf", bytes: new TextEncoder().encode("just some text, not a PDF at all") },
    );
    expect(renamed.status).toBe(400);
    expect(renamed.data).toMatchObject({ errors: { file: "conversations.file.notPdf" }, values: { body: "Резюме во вложении" } });

    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    expect((await send({ body: "x" }, { name: "photo.pdf", type: "application/pdf", bytes: png })).data).toMatchObject({
      errors: { file: "conversations.file.notPdf" },
    });
    const cut = smallPdf(["cut"]).subarray(0, 200);
    expect((await send({ body: "x" }, { name: "cut.pdf", type: "application/pdf", bytes: cut })).data).toMatchObject({
      errors: { file: "conversations.file.notPdf" },
    });

    // A real PDF padded past 5 MB (inside the body limit): refused by size.
    const real = smallPdf(["big"]);
    const big = Buffer.concat([real.subarray(0, 9), Buffer.alloc(MAX_ATTACHMENT_BYTES, 0x20), real.subarray(9)]);
    const tooBig = await send({ body: "Большой файл" }, { name: "big.pdf", type: "application/pdf", bytes: big });
    expect(tooBig.status).toBe(400);
    expect(tooBig.data).toMatchObject({ errors: { file: "conversations.file.tooLarge" }, values: { body: "Большой файл" } });
    // Past the body limit (a 6 MB CV): 413 with the form again, the file's message beside its field and
    // the text kept — the text parts before the file are read from the kept part of the body (REVIEW18 F1).
    const huge = await send({ body: "Огромный" }, { name: "huge.pdf", type: "application/pdf", bytes: new Uint8Array(6 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.data).toMatchObject({ errors: { file: "conversations.file.tooLarge" }, values: { intent: "send", body: "Огромный" } });
    // Past the ceiling up to which a body is read through: 413 at once, nothing read to keep.
    const abuse = await send({ body: "Огромный" }, { name: "huge.pdf", type: "application/pdf", bytes: new Uint8Array(CONVERSATION_BODY_CEILING + 1024) });
    expect(abuse.status).toBe(413);
    expect(abuse.data).toMatchObject({ errors: { file: "conversations.file.tooLarge" }, values: {} });

    expect(watch.changedSince(before)).toBe(false);
    expect(await countRows()).toMatchObject({ messages: 0, attachments: 0 });
  });

  it("a GET of a messages route goes to the application's conversation; the form page shows only after a post (REVIEW18 F9)", async () => {
    const s = await scene();
    for (const [route, path, cookie] of [
      [graduateMessages, `/me/applications/${s.applicationId}`, s.graduate.cookie],
      [employerMessages, `/employer/applications/${s.applicationId}`, s.owner.cookie],
    ] as const) {
      const bare = await call(route.loader, get(`${path}/messages`, { cookie }), params(s.applicationId));
      expect(`${bare.status} ${bare.location}`).toBe(`302 ${path}#conversation`);
      // The forms post to the marked address: the render after a rejected post stays on the form.
      const marked = await call(route.loader, get(`${path}/messages?${CONVERSATION_FORM_MARK}`, { cookie }), params(s.applicationId));
      expect(marked.status).toBe(200);
    }
    // Someone else's application: still a 404, never a redirect that confirms it exists.
    expect(
      (await call(graduateMessages.loader, get(`/me/applications/${s.applicationId}/messages`, { cookie: s.otherGraduate.cookie }), params(s.applicationId)))
        .status,
    ).toBe(404);
  });

  it("refused: another company's member and another graduate (404), a pending company's member (403), each side on the other's route (403), a visitor; a closed application takes no message (409)", async () => {
    const s = await scene();
    const before = watch.mark();
    const employerSend = (cookie?: string) =>
      call(
        employerMessages.action,
        multipart(`/employer/applications/${s.applicationId}/messages`, cookie ?? "", { intent: "send", body: "Привет" }),
        params(s.applicationId),
      );
    const graduateSend = (cookie?: string) =>
      call(
        graduateMessages.action,
        multipart(`/me/applications/${s.applicationId}/messages`, cookie ?? "", { intent: "send", body: "Привет" }),
        params(s.applicationId),
      );
    expect((await employerSend(s.other.cookie)).status).toBe(404);
    expect((await employerSend(s.pending.cookie)).status).toBe(403);
    expect((await employerSend(s.graduate.cookie)).status).toBe(403);
    expect((await employerSend(undefined)).location).toMatch(/^\/login/);
    expect((await graduateSend(s.otherGraduate.cookie)).status).toBe(404);
    expect((await graduateSend(s.owner.cookie)).status).toBe(403);
    expect((await graduateSend(s.staff.cookie)).status).toBe(403);
    expect(watch.changedSince(before)).toBe(false);

    await c.db.updateTable("applications").set({ status: "rejected" }).where("id", "=", s.applicationId).execute();
    const closed = watch.mark();
    const refused = await employerSend(s.owner.cookie);
    expect(refused.status).toBe(409);
    expect(refused.data).toMatchObject({ errors: { _form: "conversations.errors.closed" }, values: { body: "Привет" } });
    expect((await graduateSend(s.graduate.cookie)).status).toBe(409);
    expect(watch.changedSince(closed)).toBe(false);
  });

  it("staff read a conversation only while a report of it is open: 404 before, the queue and the thread after (audited), 404 again once closed", async () => {
    const s = await scene();
    await call(
      employerMessages.action,
      multipart(
        `/employer/applications/${s.applicationId}/messages`,
        s.owner.cookie,
        { intent: "send", body: "Оплатите тестовое задание." },
        { name: "invoice.pdf", type: "application/pdf", bytes: smallPdf(["Invoice"]) },
      ),
      params(s.applicationId),
    );
    const fileId = (await c.db.selectFrom("conversation_attachments").select("id").executeTakeFirstOrThrow()).id;
    const read = () => call(staffThread.loader, get(`/staff/conversations/${s.applicationId}`, { cookie: s.staff.cookie }), params(s.applicationId));
    const file = () => call(fileRoute.loader, get(`/conversation-files/${fileId}`, { cookie: s.staff.cookie }), params(fileId));
    expect((await read()).status).toBe(404);
    expect((await file()).status).toBe(404);
    expect((staffQueue.loader && (await call(staffQueue.loader, get("/staff/conversations", { cookie: s.staff.cookie }))).data) as object).toEqual({
      reports: [],
    });

    // An empty reason is a 400 and writes nothing; the graduate's report is then written and audited.
    const before = watch.mark();
    const empty = await call(
      graduateMessages.action,
      post(`/me/applications/${s.applicationId}/messages`, { intent: "report", reason: " " }, { cookie: s.graduate.cookie }),
      params(s.applicationId),
    );
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ errors: { reason: "errors.required" } });
    expect(watch.changedSince(before)).toBe(false);
    // Another graduate cannot report it.
    expect(
      (
        await call(
          graduateMessages.action,
          post(`/me/applications/${s.applicationId}/messages`, { intent: "report", reason: "spam" }, { cookie: s.otherGraduate.cookie }),
          params(s.applicationId),
        )
      ).status,
    ).toBe(404);
    const reported = await call(
      graduateMessages.action,
      post(`/me/applications/${s.applicationId}/messages`, { intent: "report", reason: "Просят деньги за тестовое задание." }, { cookie: s.graduate.cookie }),
      params(s.applicationId),
    );
    expect(reported.status).toBe(302);

    const queue = (await call(staffQueue.loader, get("/staff/conversations", { cookie: s.staff.cookie }))).data as {
      reports: { applicationId: number; side: string; reason: string }[];
    };
    expect(queue.reports).toMatchObject([{ applicationId: s.applicationId, side: "graduate", reason: "Просят деньги за тестовое задание." }]);
    const thread = await read();
    expect(thread.status).toBe(200);
    expect((thread.data as { conversation: { messages: { body: string }[] } }).conversation.messages).toMatchObject([{ body: "Оплатите тестовое задание." }]);
    expect((await file()).status).toBe(200);
    // Employers and graduates never reach the staff pages.
    expect((await call(staffThread.loader, get(`/staff/conversations/${s.applicationId}`, { cookie: s.owner.cookie }), params(s.applicationId))).status).toBe(
      403,
    );

    const closed = await call(
      staffThread.action,
      post(`/staff/conversations/${s.applicationId}`, { intent: "close" }, { cookie: s.staff.cookie }),
      params(s.applicationId),
    );
    expect(closed.status).toBe(302);
    expect((await read()).status).toBe(404);
    expect((await file()).status).toBe(404);
    const audit = await c.db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id", "entity_id"])
      .where("action", "like", "conversation.%")
      .orderBy("id")
      .execute();
    expect(audit).toEqual([
      { action: "conversation.report", actor_user_id: s.graduate.userId, entity_id: String(s.applicationId) },
      { action: "conversation.read", actor_user_id: s.staff.id, entity_id: String(s.applicationId) },
      { action: "conversation.close-report", actor_user_id: s.staff.id, entity_id: String(s.applicationId) },
    ]);
  });

  it("the graduate's data download holds the conversation (written and received, attachments by name), never the team's notes; deleting the account removes their words and files", async () => {
    const s = await scene();
    await call(
      notesRoute.action,
      post(`/employer/applications/${s.applicationId}/notes`, { intent: "note", body: "Private team note" }, { cookie: s.owner.cookie }),
      params(s.applicationId),
    );
    await call(
      employerMessages.action,
      multipart(`/employer/applications/${s.applicationId}/messages`, s.owner.cookie, { intent: "send", body: "Когда вы можете начать?" }),
      params(s.applicationId),
    );
    await call(
      graduateMessages.action,
      multipart(
        `/me/applications/${s.applicationId}/messages`,
        s.graduate.cookie,
        { intent: "send", body: "С первого числа. Резюме приложила." },
        { name: "Резюме.pdf", type: "application/pdf", bytes: smallPdf(["CV"]) },
      ),
      params(s.applicationId),
    );
    const data = await exportGraduateData(c.db, s.graduate.userId, s.graduate.id);
    expect(data.conversations).toMatchObject([
      { applicationId: s.applicationId, company: "Ала-Тоо Софт", from: "company", text: "Когда вы можете начать?", attachment: null },
      { applicationId: s.applicationId, from: "me", text: "С первого числа. Резюме приложила.", attachment: { name: "Резюме.pdf" } },
    ]);
    expect(JSON.stringify(data)).not.toContain("Private team note");

    await deleteGraduateAccount(c.db, s.graduate.userId, s.graduate.id);
    const left = await c.db.selectFrom("conversation_messages").select(["side", "body"]).orderBy("id").execute();
    expect(left).toEqual([
      { side: "company", body: "Когда вы можете начать?" },
      { side: "graduate", body: null },
    ]);
    expect(await countRows()).toMatchObject({ attachments: 0 });
  });
});

describe("the demo (issue 18 item 8)", () => {
  it("has ratings by two colleagues and notes on the demo company's applicants, a conversation with graduate@demo.kg with a real PDF, and one reported conversation; none of their messages is sent", async () => {
    const d = await createDemoTestDatabase();
    const company = await d.db
      .selectFrom("company_members")
      .innerJoin("users", "users.id", "company_members.user_id")
      .select("company_members.company_id")
      .where("users.email", "=", "employer@demo.kg")
      .executeTakeFirstOrThrow();
    const raters = await d.db.selectFrom("application_ratings").select("rater_user_id").distinct().where("company_id", "=", company.company_id).execute();
    expect(raters.length).toBe(2);
    expect(
      Number(
        (
          await d.db
            .selectFrom("application_notes")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ).toBeGreaterThanOrEqual(3);
    const thread = await d.db
      .selectFrom("conversation_messages")
      .innerJoin("applications", "applications.id", "conversation_messages.application_id")
      .innerJoin("graduates", "graduates.id", "applications.graduate_id")
      .innerJoin("users", "users.id", "graduates.user_id")
      .leftJoin("conversation_attachments", "conversation_attachments.message_id", "conversation_messages.id")
      .select(["conversation_messages.side", "conversation_attachments.data"])
      .where("users.email", "=", "graduate@demo.kg")
      .orderBy("conversation_messages.id")
      .execute();
    expect(thread.map((m) => m.side)).toEqual(["company", "graduate", "company"]);
    expect(checkPdf(thread[1]!.data!)).toEqual({ ok: true });
    expect(await d.db.selectFrom("conversation_reports").select("status").execute()).toEqual([{ status: "open" }]);
    expect(await d.db.selectFrom("outbox").select("id").where("kind", "=", "conversation-message").where("status", "!=", "not_sent").execute()).toEqual([]);
  });
});
