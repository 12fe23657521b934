// Vacancies: the employer's form and lifecycle, moderation, the public board (full text in
// three languages, filters, order), the vacancy page's JSON-LD, feeds, saved searches, and
// every denial (another company, a pending company, a graduate, a visitor, an employer moderating).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { todayInBishkek } from "~/domain/calendar";
import { addDays } from "~/domain/outcomes/checkpoint-dates";
import { resolveSkillText } from "~/models/skills.server";
import { checkSavedSearches } from "~/models/saved-searches.server";
import { searchVacancies } from "~/models/board.server";
import { approveVacancy, closeExpiredVacancies, endVacancy, saveVacancy, submitVacancy, type VacancyInput } from "~/models/vacancies.server";
import { richTextToEditable, sanitizeRichText } from "~/domain/text/rich-text";
import * as employerHome from "~/routes/_employer.employer._index";
import * as employerVacancy from "~/routes/_employer.employer.vacancies.$id";
import * as feed from "~/routes/feed[.xml]";
import * as savedSearches from "~/routes/me.saved-searches";
import * as savedFeed from "~/routes/saved.$token.feed[.xml]";
import * as moderation from "~/routes/staff.vacancies._index";
import * as board from "~/routes/vacancies._index";
import * as vacancyPage from "~/routes/vacancies.$id";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeCohort, makeCompany, makeUser, sessionCookieFor, signedIn } from "../support/factories";
import { call, get, post } from "../support/remix";

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(closeTestDatabases);

const inDays = (n: number) => addDays(todayInBishkek(), n);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function employer(status: "pending" | "verified" = "verified", trusted = false) {
  const user = await makeUser(c, "employer");
  const companyId = await makeCompany(c, user.id, status);
  if (trusted) await c.db.updateTable("companies").set({ trusted: 1 }).where("id", "=", companyId).execute();
  return { ...user, companyId, cookie: await sessionCookieFor(user.id) };
}

async function skillId(text: string) {
  const s = await resolveSkillText(c.db, text);
  if (!s) throw new Error(`no skill ${text}`);
  return s.id;
}

function formFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "save",
    title: "Junior Python developer",
    description: "We build e-government services.\n\nYou will write <b>APIs</b>.<script>alert(1)</script>",
    employmentType: "full_time",
    workMode: "onsite",
    city: "Бишкек",
    region: "",
    salaryMin: "40 000",
    salaryMax: "60000",
    openings: "2",
    deadline: inDays(30),
    skills: "питон: продвинутый\nSQL",
    niceSkills: "Docker",
    lang_ky: "",
    lang_ru: "B2",
    lang_en: "A2",
    ...overrides,
  };
}

type Seed = Partial<Omit<VacancyInput, "skills">> & { skills?: string[] };

/** A vacancy through the model: saved, then (unless told otherwise) opened by staff. */
async function addVacancy(companyId: number, seed: Seed = {}, open = true): Promise<number> {
  const skills = [];
  for (const s of seed.skills ?? []) skills.push({ skillId: await skillId(s), required: true, minLevel: "basic" as const });
  const saved = await saveVacancy(
    c.db,
    companyId,
    null,
    {
      title: "Vacancy",
      description: "Text",
      employmentType: "full_time",
      workMode: "onsite",
      city: null,
      regionId: null,
      salaryMin: null,
      salaryMax: null,
      salaryHidden: false,
      openings: 1,
      deadline: null,
      languages: [],
      ...seed,
      skills,
    },
    1,
  );
  if (!saved.ok) throw new Error("not saved");
  if (open) {
    await submitVacancy(c.db, companyId, saved.id);
    const staff = await c.db.selectFrom("users").select("id").where("role", "=", "staff").executeTakeFirst();
    await approveVacancy(c.db, saved.id, staff?.id ?? (await makeUser(c, "staff")).id);
  }
  return saved.id;
}

async function boardIds(query: string): Promise<number[]> {
  const res = await call(board.loader, get(`/vacancies${query}`));
  expect(res.status).toBe(200);
  return (res.data as { result: { items: { id: number }[] } }).result.items.map((i) => i.id);
}

const statusOf = async (id: number) => await c.db.selectFrom("vacancies").select(["status", "reject_reason"]).where("id", "=", id).executeTakeFirstOrThrow();

describe("the vacancy form", () => {
  it("refuses bad input with 400, keeps what was typed and writes nothing", async () => {
    const e = await employer();
    const before = snapshot(c);
    const res = await call(
      employerVacancy.action,
      post("/employer/vacancies/new", formFields({ title: "", salaryMin: "много", salaryMax: "10", deadline: "2020-01-01", openings: "0" }), {
        cookie: e.cookie,
      }),
      { id: "new" },
    );
    expect(res.status).toBe(400);
    const data = res.data as { errors: Record<string, unknown>; values: Record<string, string> };
    expect(data.errors.title).toBe("errors.required");
    expect(data.errors.salaryMin).toBe("vacancies.errors.money");
    expect(data.errors.deadline).toBe("vacancies.errors.deadlinePast");
    expect(data.errors.openings).toBe("vacancies.errors.openings");
    expect(data.values.salaryMin).toBe("много");
    expect(data.values.skills).toBe("питон: продвинутый\nSQL");
    expect(snapshot(c)).toEqual(before);

    const range = await call(
      employerVacancy.action,
      post("/employer/vacancies/new", formFields({ salaryMin: "90000", salaryMax: "10000" }), { cookie: e.cookie }),
      { id: "new" },
    );
    expect(range.status).toBe(400);
    expect((range.data as { errors: Record<string, unknown> }).errors.salaryMax).toBe("vacancies.errors.salaryRange");

    const unknown = await call(
      employerVacancy.action,
      post("/employer/vacancies/new", formFields({ skills: "питон\nКвантовый блокчейн" }), { cookie: e.cookie }),
      { id: "new" },
    );
    expect(unknown.status).toBe(400);
    expect((unknown.data as { errors: Record<string, unknown> }).errors.skills).toEqual(["admin.modules.unknownSkills", { list: "Квантовый блокчейн" }]);
    expect(snapshot(c)).toEqual(before);
  });

  it("creates a draft with resolved skills, levels, languages and a sanitised description", async () => {
    const e = await employer();
    const res = await call(employerVacancy.action, post("/employer/vacancies/new", formFields(), { cookie: e.cookie }), { id: "new" });
    expect(res.status).toBe(302);
    const id = Number(res.location!.split("/").pop());
    const v = await c.db.selectFrom("vacancies").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(v).toMatchObject({ status: "draft", company_id: e.companyId, salary_min: 40000, salary_max: 60000, openings: 2, city: "Бишкек" });
    expect(v.description).toBe("<p>We build e-government services.</p><p>You will write <strong>APIs</strong>.</p>");
    const skills = await c.db
      .selectFrom("vacancy_skills")
      .select(["skill_id", "required", "min_level"])
      .where("vacancy_id", "=", id)
      .orderBy("skill_id")
      .execute();
    expect(skills).toEqual(
      [
        { skill_id: await skillId("python"), required: 1, min_level: "advanced" },
        { skill_id: await skillId("sql"), required: 1, min_level: "basic" },
        { skill_id: await skillId("docker"), required: 0, min_level: "basic" },
      ].sort((a, b) => a.skill_id - b.skill_id),
    );
    const langs = await c.db.selectFrom("vacancy_languages").select(["language", "min_level"]).where("vacancy_id", "=", id).orderBy("language").execute();
    expect(langs).toEqual([
      { language: "en", min_level: "A2" },
      { language: "ru", min_level: "B2" },
    ]);
    // A draft is not public.
    expect(await boardIds("")).toEqual([]);
    expect((await call(vacancyPage.loader, get(`/vacancies/${id}`), { id: String(id) })).status).toBe(404);
    // The owner sees it on the dashboard and on its page.
    const dash = await call(employerHome.loader, get("/employer", { cookie: e.cookie }));
    expect((dash.data as { vacancies: { id: number }[] }).vacancies.map((x) => x.id)).toEqual([id]);
    expect((await call(vacancyPage.loader, get(`/vacancies/${id}`, { cookie: e.cookie }), { id: String(id) })).status).toBe(200);
  });
});

describe("the employer's dashboard", () => {
  it("lists only the company's vacancies, by status, with applicant counts and a search", async () => {
    const e = await employer();
    const other = await employer();
    const open = await addVacancy(e.companyId, { title: "Python разработчик" });
    const draft = await addVacancy(e.companyId, { title: "Тестировщик" }, false);
    await addVacancy(other.companyId, { title: "Other company's job" });
    const cohort = await makeCohort(c);
    for (const [i, status] of (["applied", "screening", "invited"] as const).entries()) {
      const g = await c.db
        .insertInto("graduates")
        .values({ cohort_id: cohort, first_name: "Г", last_name: `${i}` })
        .returning("id")
        .executeTakeFirstOrThrow();
      await c.db.insertInto("applications").values({ vacancy_id: open, graduate_id: g.id, status }).execute();
    }
    type Dash = { vacancies: { id: number; applicants: number; status: string }[]; counts: Record<string, number> };
    const all = (await call(employerHome.loader, get("/employer", { cookie: e.cookie }))).data as Dash;
    expect(all.vacancies.map((v) => [v.id, v.applicants]).sort()).toEqual(
      [
        [draft, 0],
        [open, 2],
      ].sort(),
    );
    expect(all.counts).toEqual({ open: 1, draft: 1 });
    const drafts = (await call(employerHome.loader, get("/employer?status=draft", { cookie: e.cookie }))).data as Dash;
    expect(drafts.vacancies.map((v) => v.id)).toEqual([draft]);
    const found = (await call(employerHome.loader, get(`/employer?q=${encodeURIComponent("питон")}`, { cookie: e.cookie }))).data as Dash;
    expect(found.vacancies.map((v) => v.id)).toEqual([]);
    const byTitle = (await call(employerHome.loader, get(`/employer?q=${encodeURIComponent("тестир")}&status=bogus`, { cookie: e.cookie }))).data as Dash;
    expect(byTitle.vacancies.map((v) => v.id)).toEqual([draft]);
  });
});

describe("the description sanitiser", () => {
  it("keeps the allowed subset and drops everything else", () => {
    expect(
      sanitizeRichText(
        '<p onclick="x()">Hi <a href="javascript:alert(1)">bad</a> <a href="https://htp.kg/?a=1&b=2" style="x">ok</a></p><img src=x onerror=alert(1)><ul><li><i>one</li></ul>',
      ),
    ).toBe('<p>Hi bad <a href="https://htp.kg/?a=1&amp;b=2" rel="nofollow noopener noreferrer">ok</a></p><ul><li><em>one</em></li></ul>');
    expect(sanitizeRichText("a < b & c\nnext")).toBe("<p>a &lt; b &amp; c<br>next</p>");
    expect(sanitizeRichText("<style>p{}</style><b>unclosed")).toBe("<p><strong>unclosed</strong></p>");
    // Saving the stored text again changes nothing.
    const once = sanitizeRichText('x & y\n\n<b>z</b> "q"');
    expect(sanitizeRichText(once)).toBe(once);
    // The form shows plain paragraphs as typed; saving them again gives the same text.
    for (const typed of ["One & two\nthree\n\nFour", "Use &lt;b&gt; for bold", "<b>bold</b> stays HTML"]) {
      const stored = sanitizeRichText(typed);
      expect(sanitizeRichText(richTextToEditable(stored))).toBe(stored);
    }
    expect(richTextToEditable(sanitizeRichText("One & two\nthree\n\nFour"))).toBe("One & two\nthree\n\nFour");
  });
});

describe("the lifecycle", () => {
  it("draft → submitted → approved is on the board; rejected with a reason → edited → resubmitted", async () => {
    const e = await employer();
    const staff = await signedIn(c, "staff");
    const created = await call(employerVacancy.action, post("/employer/vacancies/new", formFields({ intent: "submit" }), { cookie: e.cookie }), { id: "new" });
    const id = Number(created.location!.split("/").pop());
    expect((await statusOf(id)).status).toBe("submitted");
    expect(await boardIds("")).toEqual([]);

    // In the queue; staff reject with a reason (a reason is required).
    const queue = await call(moderation.loader, get("/staff/vacancies", { cookie: staff.cookie }));
    expect((queue.data as { queue: { id: number }[] }).queue.map((q) => q.id)).toEqual([id]);
    const noReason = await call(
      moderation.action,
      post("/staff/vacancies", { intent: "reject", vacancyId: String(id), reason: " " }, { cookie: staff.cookie }),
    );
    expect(noReason.status).toBe(400);
    const rej = await call(
      moderation.action,
      post("/staff/vacancies", { intent: "reject", vacancyId: String(id), reason: "Укажите зарплату" }, { cookie: staff.cookie }),
    );
    expect(rej.status).toBe(200);
    expect(await statusOf(id)).toEqual({ status: "rejected", reject_reason: "Укажите зарплату" });
    const note = await c.db.selectFrom("notifications").select(["kind", "payload_json"]).where("user_id", "=", e.id).executeTakeFirstOrThrow();
    expect(note.kind).toBe("vacancy-rejected");
    expect(JSON.parse(note.payload_json)).toEqual({ vacancy: "Junior Python developer", reason: "Укажите зарплату" });
    const audit = await c.db.selectFrom("audit_log").select(["action", "actor_user_id"]).where("entity", "=", "vacancy").execute();
    expect(audit).toEqual([{ action: "vacancy.reject", actor_user_id: staff.id }]);

    // The employer sees the reason, edits and sends again.
    const page = await call(employerVacancy.loader, get(`/employer/vacancies/${id}`, { cookie: e.cookie }), { id: String(id) });
    expect((page.data as { vacancy: { reject_reason: string } }).vacancy.reject_reason).toBe("Укажите зарплату");
    const resent = await call(
      employerVacancy.action,
      post(`/employer/vacancies/${id}`, formFields({ intent: "submit", title: "Junior Python developer (Bishkek)" }), { cookie: e.cookie }),
      { id: String(id) },
    );
    expect(resent.status).toBe(302);
    expect((await statusOf(id)).status).toBe("submitted");

    const ok = await call(moderation.action, post("/staff/vacancies", { intent: "approve", vacancyId: String(id) }, { cookie: staff.cookie }));
    expect(ok.status).toBe(200);
    expect(await statusOf(id)).toEqual({ status: "open", reject_reason: null });
    expect(await boardIds("")).toEqual([id]);
    expect((await call(vacancyPage.loader, get(`/vacancies/${id}`), { id: String(id) })).status).toBe(200);
    const kinds = await c.db.selectFrom("notifications").select("kind").where("user_id", "=", e.id).orderBy("id").execute();
    expect(kinds.map((k) => k.kind)).toEqual(["vacancy-rejected", "vacancy-approved"]);
    // Approving twice is a conflict, not a second publication.
    expect((await call(moderation.action, post("/staff/vacancies", { intent: "approve", vacancyId: String(id) }, { cookie: staff.cookie }))).status).toBe(409);

    // Closed and filled vacancies leave the board.
    const closed = await call(employerVacancy.action, post(`/employer/vacancies/${id}`, { intent: "close" }, { cookie: e.cookie }), { id: String(id) });
    expect(closed.status).toBe(302);
    expect(await boardIds("")).toEqual([]);
    expect((await call(vacancyPage.loader, get(`/vacancies/${id}`), { id: String(id) })).status).toBe(404);
    const filled = await call(employerVacancy.action, post(`/employer/vacancies/${id}`, { intent: "fill" }, { cookie: e.cookie }), { id: String(id) });
    expect(filled.status).toBe(302);
    expect((await statusOf(id)).status).toBe("filled");
    // An ended vacancy cannot be edited.
    const edit = await call(employerVacancy.action, post(`/employer/vacancies/${id}`, formFields(), { cookie: e.cookie }), { id: String(id) });
    expect(edit.status).toBe(409);
  });

  it("an edited open vacancy goes back to moderation unless the company is trusted", async () => {
    const e = await employer();
    const id = await addVacancy(e.companyId, { title: "Before" });
    const edited = await call(employerVacancy.action, post(`/employer/vacancies/${id}`, formFields({ title: "After" }), { cookie: e.cookie }), {
      id: String(id),
    });
    expect(edited.status).toBe(302);
    expect((await statusOf(id)).status).toBe("submitted");
    expect(await boardIds("")).toEqual([]);

    const t = await employer("verified", true);
    const tid = await addVacancy(t.companyId, { title: "Before" });
    await call(employerVacancy.action, post(`/employer/vacancies/${tid}`, formFields({ title: "Уникальный заголовок" }), { cookie: t.cookie }), {
      id: String(tid),
    });
    expect((await statusOf(tid)).status).toBe("open");
    // The search row follows the edit: the new words are found, the old ones are not.
    expect(await boardIds(`?q=${encodeURIComponent("уникальный")}`)).toEqual([tid]);
    expect(await boardIds("?q=Before")).toEqual([]);
  });

  it("a trusted verified company publishes at once; a pending one never is public", async () => {
    const trusted = await employer("verified", true);
    const res = await call(employerVacancy.action, post("/employer/vacancies/new", formFields({ intent: "submit" }), { cookie: trusted.cookie }), {
      id: "new",
    });
    const id = Number(res.location!.split("/").pop());
    expect((await statusOf(id)).status).toBe("open");
    expect(await boardIds("")).toEqual([id]);

    const pending = await employer("pending", true);
    const staff = await signedIn(c, "staff");
    const res2 = await call(
      employerVacancy.action,
      post("/employer/vacancies/new", formFields({ intent: "submit", title: "Pending job" }), { cookie: pending.cookie }),
      { id: "new" },
    );
    const pid = Number(res2.location!.split("/").pop());
    expect((await statusOf(pid)).status).toBe("submitted");
    const approve = await call(moderation.action, post("/staff/vacancies", { intent: "approve", vacancyId: String(pid) }, { cookie: staff.cookie }));
    expect(approve.status).toBe(409);
    expect((await statusOf(pid)).status).toBe("submitted");
    // Even forced open in the database, a pending company's vacancy stays off the board and its page.
    await c.db.updateTable("vacancies").set({ status: "open", published_at: new Date().toISOString() }).where("id", "=", pid).execute();
    expect(await boardIds("")).toEqual([id]);
    expect((await call(vacancyPage.loader, get(`/vacancies/${pid}`), { id: String(pid) })).status).toBe(404);
    const xml = (await (await call(feed.loader, get("/feed.xml"))).data) as string;
    expect(xml).not.toContain("Pending job");
  });

  it("an open vacancy closes itself after its deadline, at the board's next load", async () => {
    const e = await employer();
    const past = await addVacancy(e.companyId, { title: "Expired" });
    const today = await addVacancy(e.companyId, { title: "Last day", deadline: todayInBishkek() });
    await c.db
      .updateTable("vacancies")
      .set({ deadline: inDays(-1) })
      .where("id", "=", past)
      .execute();
    expect((await statusOf(past)).status).toBe("open");
    expect(await boardIds("?sort=newest")).toEqual([today]);
    expect((await statusOf(past)).status).toBe("closed");
    expect((await statusOf(today)).status).toBe("open");
    // Nothing else to close.
    expect(await closeExpiredVacancies(c.db)).toBe(0);
    // The vacancy page closes it too, before anyone reads it.
    const later = await addVacancy(e.companyId, { title: "Later" });
    await c.db
      .updateTable("vacancies")
      .set({ deadline: inDays(-2) })
      .where("id", "=", later)
      .execute();
    expect((await call(vacancyPage.loader, get(`/vacancies/${later}`), { id: String(later) })).status).toBe(404);
    expect((await statusOf(later)).status).toBe("closed");
  });
});

describe("the board", () => {
  it("finds vacancies by Russian, Kyrgyz and English words, aliases, and ё = е", async () => {
    const e = await employer();
    const python = await addVacancy(e.companyId, { title: "Backend developer", skills: ["python"] });
    const layout = await addVacancy(e.companyId, { title: "Frontend intern", skills: ["html-css-layout"] });
    const kyrgyz = await addVacancy(e.companyId, { title: "Маалымат базаларын башкаруучу", description: "Өнөктөштөр менен иштөө, SQL суроо-талаптары." });
    const russian = await addVacancy(e.companyId, { title: "Ведущий тестировщик", description: "Тестирование мобильных приложений, ещё и автотесты." });

    expect(await boardIds("?q=питон")).toEqual([python]);
    expect(await boardIds("?q=Python")).toEqual([python]);
    expect(await boardIds("?q=верстка")).toEqual([layout]);
    expect(await boardIds("?q=вёрстка")).toEqual([layout]);
    expect(await boardIds(`?q=${encodeURIComponent("базаларын")}`)).toEqual([kyrgyz]);
    expect(await boardIds(`?q=${encodeURIComponent("өнөктөштөр")}`)).toEqual([kyrgyz]);
    expect(await boardIds(`?q=${encodeURIComponent("еще автотесты")}`)).toEqual([russian]);
    expect(await boardIds(`?q=${encodeURIComponent("тестировщ")}`)).toEqual([russian]);
    // The company's name is searchable too; FTS syntax typed by a user is plain text.
    expect((await boardIds(`?q=${encodeURIComponent("Company")}`)).length).toBe(4);
    expect(await boardIds(`?q=${encodeURIComponent('"NEAR( OR *')}`)).toEqual([]);
    // The typed skill filter: any language or alias.
    expect(await boardIds(`?skill=${encodeURIComponent("вёрстка")}`)).toEqual([layout]);
    const unknown = await call(board.loader, get("/vacancies?skill=xyzzy"));
    expect((unknown.data as { result: { unknownSkill: boolean } }).result.unknownSkill).toBe(true);
  });

  it("filters and sorts deterministically", async () => {
    const a = await employer();
    const b = await employer();
    const region = await c.db.selectFrom("regions").select("id").orderBy("id").executeTakeFirstOrThrow();
    const v1 = await addVacancy(a.companyId, { title: "One", workMode: "remote", salaryMin: 30000, salaryMax: 50000, deadline: inDays(10), city: "Бишкек" });
    const v2 = await addVacancy(a.companyId, {
      title: "Two",
      workMode: "onsite",
      employmentType: "internship",
      salaryMax: 90000,
      salaryHidden: true,
      deadline: inDays(5),
      city: "Ош",
    });
    const v3 = await addVacancy(b.companyId, { title: "Three", workMode: "hybrid", salaryMin: 70000, regionId: region.id, city: "Бишкек" });
    const v4 = await addVacancy(b.companyId, { title: "Four", workMode: "remote", deadline: inDays(5) });

    expect(await boardIds("?sort=newest")).toEqual([v4, v3, v2, v1]);
    expect(await boardIds("?sort=deadline")).toEqual([v2, v4, v1, v3]);
    // Hidden salaries sort as unknown.
    expect(await boardIds("?sort=salary")).toEqual([v3, v1, v4, v2]);
    expect(await boardIds("?mode=remote&sort=newest")).toEqual([v4, v1]);
    expect(await boardIds("?type=internship")).toEqual([v2]);
    expect(await boardIds(`?company=${b.companyId}&sort=newest`)).toEqual([v4, v3]);
    expect(await boardIds("?salary=1&sort=newest")).toEqual([v3, v1]);
    expect(await boardIds(`?city=${encodeURIComponent("Бишкек")}&sort=newest`)).toEqual([v3, v1]);
    expect(await boardIds(`?region=${region.id}`)).toEqual([v3]);
    // A hand-edited address shows the board, never an error.
    expect(await boardIds("?sort=bogus&mode=moon&page=-4&company=abc")).toEqual([v4, v3, v2, v1]);
    // The board never shows a hidden salary.
    const res = await call(board.loader, get("/vacancies?type=internship"));
    expect((res.data as { result: { items: { salary_max: number | null }[] } }).result.items[0]!.salary_max).toBeNull();
  });

  it("pages by 20 with the state in the address", async () => {
    const e = await employer();
    for (let i = 0; i < 23; i++) await addVacancy(e.companyId, { title: `Job ${i}` });
    const page2 = await call(board.loader, get("/vacancies?sort=newest&page=2"));
    const result = (page2.data as { result: { items: { title: string }[]; total: number; pages: number; page: number } }).result;
    expect(result).toMatchObject({ total: 23, pages: 2, page: 2 });
    expect(result.items.map((i) => i.title)).toEqual(["Job 2", "Job 1", "Job 0"]);
  });
});

describe("the vacancy page and feeds", () => {
  it("carries schema.org JobPosting JSON-LD with the required fields", async () => {
    const e = await employer();
    await c.db.updateTable("companies").set({ website: "https://company.kg" }).where("id", "=", e.companyId).execute();
    const id = await addVacancy(e.companyId, {
      title: "Dev </script><b>",
      description: "Line",
      salaryMin: 50000,
      salaryMax: 80000,
      deadline: inDays(20),
      city: "Бишкек",
      employmentType: "internship",
    });
    const res = await call(vacancyPage.loader, get(`/vacancies/${id}`), { id: String(id) });
    const jsonLd = (res.data as { jsonLd: string }).jsonLd;
    expect(jsonLd).not.toContain("<");
    const posting = JSON.parse(jsonLd);
    expect(posting).toMatchObject({
      "@context": "https://schema.org",
      "@type": "JobPosting",
      title: "Dev </script><b>",
      description: "<p>Line</p>",
      employmentType: "INTERN",
      validThrough: `${inDays(20)}T23:59:59+06:00`,
      hiringOrganization: { "@type": "Organization", name: expect.any(String), sameAs: "https://company.kg" },
      jobLocation: { "@type": "Place", address: { "@type": "PostalAddress", addressLocality: "Бишкек", addressCountry: "KG" } },
      baseSalary: { "@type": "MonetaryAmount", currency: "KGS", value: { minValue: 50000, maxValue: 80000, unitText: "MONTH" } },
    });
    expect(posting.datePosted).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const remote = await addVacancy(e.companyId, { title: "Remote", workMode: "remote", salaryMin: 1000, salaryHidden: true });
    const r = JSON.parse(((await call(vacancyPage.loader, get(`/vacancies/${remote}`), { id: String(remote) })).data as { jsonLd: string }).jsonLd);
    expect(r.jobLocationType).toBe("TELECOMMUTE");
    expect(r.baseSalary).toBeUndefined();
    expect(r.validThrough).toBeUndefined();
  });

  it("/feed.xml is well-formed RSS of the open vacancies, text escaped", async () => {
    const e = await employer();
    const a = await addVacancy(e.companyId, { title: 'R&D <lab> "quotes"', description: "Tom & Jerry <script>x</script>" });
    const b = await addVacancy(e.companyId, { title: "Second" });
    const draft = await addVacancy(e.companyId, { title: "Draft only" }, false);
    const res = await call(feed.loader, get("/feed.xml"));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("application/rss+xml");
    const xml = res.data as string;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    assertWellFormed(xml);
    expect(xml.match(/<item>/g)?.length).toBe(2);
    expect(xml).toContain("R&amp;D &lt;lab&gt; &quot;quotes&quot;");
    const links = [...xml.matchAll(/<link>http:\/\/localhost\/vacancies\/(\d+)<\/link>/g)].map((m) => Number(m[1]));
    expect(links).toEqual([b, a]);
    expect(links).not.toContain(draft);
  });
});

/** A small XML well-formedness check: every "&" starts an entity, tags nest and close. */
function assertWellFormed(xml: string) {
  expect(xml.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, "")).not.toContain("&");
  const body = xml.replace(/^<\?xml[^>]*\?>/, "");
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|>/g)) {
    if (m[0] === "<") throw new Error(`stray < at ${m.index}`);
    if (m[0] === ">") throw new Error(`stray > at ${m.index}`);
    if (m[4] === "/") continue;
    if (m[1] === "/") expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
}

describe("saved searches", () => {
  it("saves the board query, notifies on new matches once, and serves a private feed", async () => {
    const e = await employer();
    const grad = await signedIn(c, "graduate");
    const old = await addVacancy(e.companyId, { title: "Old python job", skills: ["python"] });
    const save = await call(
      savedSearches.action,
      post("/me/saved-searches", { intent: "create", query: "q=%D0%BF%D0%B8%D1%82%D0%BE%D0%BD&page=3&mode=bogus", name: "" }, { cookie: grad.cookie }),
    );
    expect(save.status).toBe(302);
    const saved = await c.db.selectFrom("saved_searches").selectAll().where("user_id", "=", grad.id).executeTakeFirstOrThrow();
    expect(saved.query).toBe("q=%D0%BF%D0%B8%D1%82%D0%BE%D0%BD");
    expect(saved.name).toBe("питон");
    await sleep(5);

    // A matching vacancy is approved: one notification; a non-matching one: none.
    await addVacancy(e.companyId, { title: "Java job", skills: ["java"] });
    expect(await c.db.selectFrom("notifications").select("id").where("user_id", "=", grad.id).execute()).toEqual([]);
    const fresh = await addVacancy(e.companyId, { title: "New backend job", skills: ["python"] });
    const notes = await c.db.selectFrom("notifications").select(["kind", "payload_json", "link"]).where("user_id", "=", grad.id).execute();
    expect(notes).toHaveLength(1);
    expect(notes[0]!.kind).toBe("saved-search-hits");
    expect(JSON.parse(notes[0]!.payload_json)).toEqual({ n: 1, name: "питон" });
    // Checked again: nothing new, nothing sent.
    expect(await checkSavedSearches(c.db)).toBe(0);

    const list = await call(savedSearches.loader, get("/me/saved-searches", { cookie: grad.cookie }));
    const feedUrl = (list.data as { searches: { feedUrl: string }[] }).searches[0]!.feedUrl;
    expect(feedUrl).toBe(`http://localhost/saved/${saved.feed_token}/feed.xml`);
    const res = await call(savedFeed.loader, get(`/saved/${saved.feed_token}/feed.xml`), { token: saved.feed_token });
    expect(res.status).toBe(200);
    const xml = res.data as string;
    assertWellFormed(xml);
    const ids = [...xml.matchAll(/<guid isPermaLink="true">http:\/\/localhost\/vacancies\/(\d+)<\/guid>/g)].map((m) => Number(m[1]));
    expect(ids).toEqual([fresh, old]);
    expect((await call(savedFeed.loader, get("/saved/not-a-real-token-0000/feed.xml"), { token: "not-a-real-token-0000" })).status).toBe(404);

    // Another graduate cannot delete it; its owner can.
    const other = await signedIn(c, "graduate");
    expect((await call(savedSearches.action, post("/me/saved-searches", { intent: "delete", id: String(saved.id) }, { cookie: other.cookie }))).status).toBe(
      404,
    );
    expect((await call(savedSearches.action, post("/me/saved-searches", { intent: "delete", id: String(saved.id) }, { cookie: grad.cookie }))).status).toBe(
      302,
    );
    expect((await call(savedFeed.loader, get(`/saved/${saved.feed_token}/feed.xml`), { token: saved.feed_token })).status).toBe(404);
  });

  it("only graduates save searches", async () => {
    const e = await employer();
    const res = await call(savedSearches.action, post("/me/saved-searches", { intent: "create", query: "" }, { cookie: e.cookie }));
    expect(res.status).toBe(403);
    const visitor = await call(savedSearches.action, post("/me/saved-searches", { intent: "create", query: "" }));
    expect(visitor.status).toBe(302);
    expect(visitor.location).toMatch(/^\/login\?/);
  });
});

describe("denials", () => {
  it("another company's member cannot view, edit, submit or end company X's vacancy", async () => {
    const x = await employer();
    const y = await employer();
    const id = await addVacancy(x.companyId, { title: "X job" }, false);
    const before = snapshot(c);
    const p = { id: String(id) };
    expect((await call(employerVacancy.loader, get(`/employer/vacancies/${id}`, { cookie: y.cookie }), p)).status).toBe(404);
    for (const fields of [formFields(), formFields({ intent: "submit" }), { intent: "close" }, { intent: "fill" }, { intent: "resubmit" }]) {
      expect((await call(employerVacancy.action, post(`/employer/vacancies/${id}`, fields, { cookie: y.cookie }), p)).status).toBe(404);
    }
    // Not public (a draft): another company's member gets a 404 on its page too.
    expect((await call(vacancyPage.loader, get(`/vacancies/${id}`, { cookie: y.cookie }), p)).status).toBe(404);
    // The model refuses as well.
    expect(await submitVacancy(c.db, y.companyId, id)).toEqual({ ok: false, reason: "not-found" });
    expect(await endVacancy(c.db, y.companyId, id, "closed")).toEqual({ ok: false, reason: "not-found" });
    expect(snapshot(c)).toEqual(before);
    // Staff may look at it.
    const staff = await signedIn(c, "staff");
    expect((await call(vacancyPage.loader, get(`/vacancies/${id}`, { cookie: staff.cookie }), p)).status).toBe(200);
  });

  it("graduates and visitors cannot use /employer pages; employers cannot moderate", async () => {
    const x = await employer();
    const id = await addVacancy(x.companyId, {}, false);
    await submitVacancy(c.db, x.companyId, id);
    const grad = await signedIn(c, "graduate");
    expect((await call(employerHome.loader, get("/employer", { cookie: grad.cookie }))).status).toBe(403);
    expect((await call(employerVacancy.loader, get("/employer/vacancies/new", { cookie: grad.cookie }), { id: "new" })).status).toBe(403);
    expect((await call(employerVacancy.action, post("/employer/vacancies/new", formFields(), { cookie: grad.cookie }), { id: "new" })).status).toBe(403);
    const visitor = await call(employerHome.loader, get("/employer"));
    expect(visitor.status).toBe(302);
    expect(visitor.location).toBe("/login?redirectTo=%2Femployer");
    expect((await call(employerVacancy.action, post("/employer/vacancies/new", formFields()), { id: "new" })).status).toBe(302);

    const before = snapshot(c);
    expect((await call(moderation.loader, get("/staff/vacancies", { cookie: x.cookie }))).status).toBe(403);
    expect((await call(moderation.action, post("/staff/vacancies", { intent: "approve", vacancyId: String(id) }, { cookie: x.cookie }))).status).toBe(403);
    expect((await call(moderation.action, post("/staff/vacancies", { intent: "approve", vacancyId: String(id) }, { cookie: grad.cookie }))).status).toBe(403);
    expect(snapshot(c)).toEqual(before);
    // An employer without a company has no dashboard.
    const lone = await makeUser(c, "employer");
    expect((await call(employerHome.loader, get("/employer", { cookie: await sessionCookieFor(lone.id) }))).status).toBe(403);
    // Unknown and malformed ids are 404s.
    expect((await call(vacancyPage.loader, get("/vacancies/999999"), { id: "999999" })).status).toBe(404);
    expect((await call(vacancyPage.loader, get("/vacancies/abc"), { id: "abc" })).status).toBe(404);
  });

  it("model: a pending company's vacancy is never listed by searchVacancies", async () => {
    const p = await employer("pending", true);
    const id = await addVacancy(p.companyId, { title: "Hidden" }, false);
    expect(await submitVacancy(c.db, p.companyId, id)).toEqual({ ok: true, status: "submitted" });
    expect((await searchVacancies(c.db, {})).total).toBe(0);
  });
});
