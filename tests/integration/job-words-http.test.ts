// The admin's job-word pages over HTTP against the production build (issue 16 item 3), in the
// three UIs and with JavaScript off (plain form posts): the list, a group's words, a refused word
// kept in the form with the message in the admin's language, adding and deleting a group, and the
// board's signed-out page cache made stale by an edit. `npm run build` first.
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";
import { unloggedWrite } from "../support/unlogged";

let server: RunningServer;
let db: Database.Database;
let admin: string;
beforeAll(async () => {
  server = await startServer();
  db = new Database(path.join(server.dataDir, "portal.sqlite"));
  db.pragma("busy_timeout = 5000");
  admin = await signInOverHttp(server.url, "admin@demo.kg");
}, 180_000);
afterAll(async () => {
  db?.close();
  await server?.stop();
});

const LANGS = ["ky", "ru", "en"] as const;
type Lang = (typeof LANGS)[number];

async function page(pathname: string, cookie: string, lang: Lang): Promise<{ status: number; body: string }> {
  const res = await fetch(`${server.url}${pathname}`, { headers: { Cookie: `${cookie}; lng=${lang}` } });
  return { status: res.status, body: await res.text() };
}

async function post(pathname: string, cookie: string, lang: Lang, fields: Record<string, string>) {
  const res = await fetch(`${server.url}${pathname}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url, Cookie: `${cookie}; lng=${lang}` },
    body: new URLSearchParams(fields),
  });
  return { status: res.status, location: res.headers.get("location"), body: await res.text() };
}

const wordsOf = (slug: string) =>
  (
    db.prepare("select w.word from job_words w join job_word_classes c on c.id = w.class_id where c.slug = ? order by w.position").all(slug) as {
      word: string;
    }[]
  ).map((r) => r.word);

const TITLE: Record<Lang, string> = { ky: "Кесиптердин синонимдери", ru: "Синонимы профессий", en: "Job title synonyms" };
const TAKEN: Record<Lang, string> = {
  ky: "«разработчики» буга чейин эле «developer» тобунда бар",
  ru: "«разработчики» уже входит в группу «developer»",
  en: "«разработчики» already belongs to the group «developer»",
};

describe("the job-word pages (admin)", () => {
  it("list every group with its words and link each from the admin navigation, in each language", async () => {
    for (const lang of LANGS) {
      const list = await page("/admin/job-words", admin, lang);
      expect(list.status, lang).toBe(200);
      expect(list.body).toContain(`<html lang="${lang}"`);
      expect(list.body).toContain(TITLE[lang]);
      expect(list.body).toContain('href="/admin/job-words/developer"');
      expect(list.body).toContain("иштеп чыгуучу");
      // The admin navigation links the page from every admin page.
      expect((await page("/admin/skills", admin, lang)).body).toContain('href="/admin/job-words"');
      const group = await page("/admin/job-words/tester", admin, lang);
      expect(group.status).toBe(200);
      expect(group.body).toMatch(/<textarea[^>]*name="words"[^>]*>[^<]*тестировщик\nтестировщица/);
    }
  });

  it("refuses a word another group has with a 400 in the admin's language, keeps what was typed and writes nothing", async () => {
    const before = wordsOf("tester");
    for (const lang of LANGS) {
      const typed = "тестировщик\nQA\nразработчики\nновое слово";
      const res = await post("/admin/job-words/tester", admin, lang, { intent: "save", words: typed });
      expect(res.status, lang).toBe(400);
      expect(res.body).toContain(TAKEN[lang]);
      expect(res.body).toContain(`<html lang="${lang}"`);
      expect(res.body).toContain("тестировщик\nQA\nразработчики\nновое слово");
      expect(wordsOf("tester")).toEqual(before);
    }
    // A line longer than 60 characters: the same, in the field's own message.
    const long = await post("/admin/job-words/tester", admin, "ru", { intent: "save", words: `тестировщик\n${"я".repeat(61)}` });
    expect(long.status).toBe(400);
    expect(long.body).toContain("Каждое слово или фраза — не длиннее 60 символов.");
    expect(wordsOf("tester")).toEqual(before);
  });

  it("saves a group's words (empty lines dropped), adds a group and deletes one behind its confirmation", async () => {
    const saved = await post("/admin/job-words/developer", admin, "en", {
      intent: "save",
      words: "developer\n\n  разработчик \nразработчица\nиштеп чыгуучу\nдевелопер\nвеб-разработчик\n",
    });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/admin/job-words/developer");
    expect(wordsOf("developer")).toEqual(["developer", "разработчик", "разработчица", "иштеп чыгуучу", "девелопер", "веб-разработчик"]);

    const taken = await post("/admin/job-words", admin, "ky", { intent: "create", slug: "developer", words: "кодер" });
    expect(taken.status).toBe(400);
    const created = await post("/admin/job-words", admin, "ky", { intent: "create", slug: "accountant", words: "бухгалтер\naccountant\nэсепчи" });
    expect(created.status).toBe(302);
    expect(created.location).toBe("/admin/job-words/accountant");
    expect(wordsOf("accountant")).toEqual(["бухгалтер", "accountant", "эсепчи"]);

    // The confirmation is a disclosure with its own submit button: it works without JavaScript.
    const form = await page("/admin/job-words/accountant", admin, "ky");
    expect(form.body).toMatch(/<details class="danger-zone card"><summary>Бул топту өчүрүү<\/summary>/);
    expect(form.body).toContain('name="intent" value="delete"');
    const deleted = await post("/admin/job-words/accountant", admin, "ky", { intent: "delete" });
    expect(deleted.status).toBe(302);
    expect(deleted.location).toBe("/admin/job-words");
    expect(db.prepare("select count(*) from job_word_classes where slug = 'accountant'").pluck().get()).toBe(0);
    expect((await page("/admin/job-words/accountant", admin, "ky")).status).toBe(404);

    const actions = db.prepare("select action from audit_log where entity = 'job_word_class' order by id").pluck().all();
    expect(actions).toEqual(["job-words.update", "job-words.create", "job-words.delete"]);
  });

  it("is for admins only", async () => {
    const staff = await signInOverHttp(server.url, "staff@demo.kg");
    expect((await page("/admin/job-words", staff, "ru")).status).toBe(403);
    expect((await post("/admin/job-words/developer", staff, "ru", { intent: "delete" })).status).toBe(403);
    expect(wordsOf("developer").length).toBeGreaterThan(0);
  });

  it("makes the board's cached signed-out pages stale: an edit changes what a board search finds", async () => {
    const { id } = db.prepare("select m.company_id as id from company_members m join users u on u.id = m.user_id where u.email = 'employer@demo.kg'").get() as {
      id: number;
    };
    const url = `/vacancies?company=${id}&sort=newest`;
    const get = async () => (await fetch(`${server.url}${url}`)).text();
    await get();
    await get(); // cached now
    // Renamed behind the server's back (the page cache's triggers off for that write): only a fresh render shows it.
    unloggedWrite(db, "companies", "update companies set name = ? where id = ?", "Renamed Behind The Cache LLC", id);
    expect(await get()).not.toContain("Renamed Behind The Cache LLC");
    const res = await post("/admin/job-words/designer", admin, "ru", { intent: "save", words: "дизайнер\ndesigner\nдизайнерка\nui-дизайнер" });
    expect(res.status).toBe(302);
    expect(await get()).toContain("Renamed Behind The Cache LLC");
  });
});
