// The stored job-word table (issue 16 item 3, docs/decisions/047-job-words-stored.md) on real
// SQLite files: the seed is there after the migration, every edit changes the table search gets at
// once, a word belongs to one class only, every edit is audited and makes the board's cache stale.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Migrator } from "kysely";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Connection, migrateToLatest, openDatabase } from "@db/connection";
import { migrations } from "@db/migrations/index";
import { seedReferenceData } from "@db/seed/reference";
import { JOB_WORDS_0014 } from "@db/migrations/0014_job_words";
import { JOB_WORD_CLASSES } from "~/domain/search/job-words";
import { createJobWordClass, deleteJobWordClass, getJobWordClass, jobWordTableFor, listJobWordClasses, replaceJobWords } from "~/models/job-words.server";
import { closeTestDatabases, createTestDatabase, snapshot } from "../support/db";
import { makeUser } from "../support/factories";

let c: Connection;
let adminId: number;
beforeEach(async () => {
  c = await createTestDatabase();
  adminId = (await makeUser(c, "admin")).id;
});
afterEach(closeTestDatabases);

/** The board page cache's version (app/server/main.ts): the match_changes counter. */
const boardVersion = () => Number(c.sqlite.prepare("select seq from sqlite_sequence where name = 'match_changes'").pluck().get() ?? 0);
const wordsOf = async (slug: string) => (await getJobWordClass(c.db, slug))?.words;

describe("the stored job-word table", () => {
  it("holds the shipped seed after the migration, in its order", async () => {
    const stored = (await listJobWordClasses(c.db)).map(({ slug, words }) => ({ slug, words }));
    expect(stored).toEqual(JOB_WORD_CLASSES.map(({ slug, words }) => ({ slug, words })));
    // The migration's frozen copy is the seed as it shipped.
    expect(JOB_WORDS_0014).toEqual(JOB_WORD_CLASSES);
    const table = await jobWordTableFor(c.db);
    expect(table.classOf("разработчиков")?.slug).toBe("developer");
    expect(table.equivalents("тестировщика")).toEqual(expect.arrayContaining(["qa", "тестирлөөчү"]));
  });

  it("reaches a portal that was running before: the upgrade fills the table, the reference seed is not needed again", async () => {
    const own = openDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), "portal-0014-")), "portal.sqlite"));
    try {
      const migrator = new Migrator({ db: own.db, provider: { getMigrations: async () => migrations } });
      expect((await migrator.migrateTo("0011_skill_evidence_levels")).error).toBeUndefined();
      await seedReferenceData(own.db);
      await migrateToLatest(own.db);
      expect((await listJobWordClasses(own.db)).map((cls) => cls.slug)).toEqual(JOB_WORD_CLASSES.map((cls) => cls.slug));
      expect((await jobWordTableFor(own.db)).classOf("фронтенда")?.slug).toBe("frontend");
    } finally {
      own.sqlite.close();
    }
  });

  it("builds the table once and keeps it until an edit", async () => {
    const first = await jobWordTableFor(c.db);
    expect(await jobWordTableFor(c.db)).toBe(first);
    // Written behind the model's back: the cached table does not see it…
    c.sqlite.prepare("insert into job_words (class_id, word, position) select id, 'кодер', 99 from job_word_classes where slug = 'programmer'").run();
    expect((await jobWordTableFor(c.db)).classOf("кодер")).toBeUndefined();
    // …an edit through the model rebuilds it.
    await replaceJobWords(c.db, "designer", ["дизайнер", "designer"], adminId);
    const after = await jobWordTableFor(c.db);
    expect(after).not.toBe(first);
    expect(after.classOf("кодер")?.slug).toBe("programmer");
  });

  it("changes what a query expands to at once when an admin adds words", async () => {
    expect((await jobWordTableFor(c.db)).equivalents("разработчик")).not.toContain("веб-разработчик");
    expect((await jobWordTableFor(c.db)).classOf("программачы")).toBeUndefined();

    const developer = (await wordsOf("developer"))!;
    expect(await replaceJobWords(c.db, "developer", [...developer, "веб-разработчик"], adminId)).toEqual({ ok: true, slug: "developer" });
    const programmer = (await wordsOf("programmer"))!;
    expect(await replaceJobWords(c.db, "programmer", [...programmer, "программачы"], adminId)).toEqual({ ok: true, slug: "programmer" });

    const table = await jobWordTableFor(c.db);
    expect(table.equivalents("разработчиков")).toContain("веб-разработчик");
    expect(table.equivalents("программистов")).toContain("программачы");
    expect(table.classOf("программачылар")?.slug).toBe("programmer");
    expect(await wordsOf("developer")).toEqual([...developer, "веб-разработчик"]);
  });

  it("removes words and classes from the table at once", async () => {
    await replaceJobWords(c.db, "tester", ["тестировщик", "tester"], adminId);
    let table = await jobWordTableFor(c.db);
    expect(table.classOf("qa")).toBeUndefined();
    expect(table.equivalents("тестировщика").sort()).toEqual(["tester", "тестировщик"]);

    expect(await deleteJobWordClass(c.db, "tester", adminId)).toBe(true);
    table = await jobWordTableFor(c.db);
    expect(table.classOf("тестировщик")).toBeUndefined();
    expect(table.classes.map((cls) => cls.slug)).not.toContain("tester");
    expect(c.sqlite.prepare("select count(*) from job_words where word = 'тестировщик'").pluck().get()).toBe(0);
    expect(await deleteJobWordClass(c.db, "tester", adminId)).toBe(false);
  });

  it("adds a class that search uses at once", async () => {
    const result = await createJobWordClass(c.db, { slug: "accountant", words: ["бухгалтер", "accountant", "эсепчи"] }, adminId);
    expect(result).toEqual({ ok: true, slug: "accountant" });
    const table = await jobWordTableFor(c.db);
    expect(table.classOf("бухгалтера")?.slug).toBe("accountant");
    expect(table.equivalents("бухгалтеров")).toEqual(expect.arrayContaining(["accountant", "эсепчи"]));
  });
});

describe("one class per word", () => {
  it("refuses a word another class has, in any inflected form, naming that class; nothing written", async () => {
    const before = snapshot(c);
    const table = await jobWordTableFor(c.db);
    const result = await replaceJobWords(c.db, "tester", ["тестировщик", "разработчики"], adminId);
    expect(result).toEqual({ ok: false, field: "words", key: "jobWords.wordTaken", vars: { word: "разработчики", cls: "developer" } });
    expect(snapshot(c)).toEqual(before);
    // Refused edits leave the table as it was (a new build of the same rows answers the same).
    expect((await jobWordTableFor(c.db)).classOf("qa")?.slug).toBe(table.classOf("qa")?.slug);
  });

  it("compares folded: case and ё do not make another word", async () => {
    for (const word of ["СТАЖЁРЫ", "Frontend", "QA"]) {
      const result = await createJobWordClass(c.db, { slug: "other", words: ["другое", word] }, adminId);
      expect(result.ok, word).toBe(false);
    }
    expect(await getJobWordClass(c.db, "other")).toBeNull();
  });

  it("refuses a phrase another class has as a whole, and accepts one that only contains it", async () => {
    const taken = await createJobWordClass(c.db, { slug: "web", words: ["иштеп чыгуучулар"] }, adminId);
    expect(taken).toEqual({ ok: false, field: "words", key: "jobWords.wordTaken", vars: { word: "иштеп чыгуучулар", cls: "developer" } });
    expect(await createJobWordClass(c.db, { slug: "web", words: ["веб иштеп чыгуучу"] }, adminId)).toEqual({ ok: true, slug: "web" });
  });

  it("lets a class keep its own words when they are saved again", async () => {
    for (const cls of JOB_WORD_CLASSES) {
      expect(await replaceJobWords(c.db, cls.slug, cls.words, adminId), cls.slug).toEqual({ ok: true, slug: cls.slug });
    }
  });

  it("refuses a slug that is taken, writing nothing", async () => {
    const before = snapshot(c);
    expect(await createJobWordClass(c.db, { slug: "developer", words: ["кодер"] }, adminId)).toEqual({ ok: false, field: "slug", key: "errors.slugTaken" });
    expect(snapshot(c)).toEqual(before);
  });
});

describe("every edit is audited and makes the board's cached pages stale", () => {
  it("writes one audit row per edit with the words before and after", async () => {
    const v0 = boardVersion();
    await createJobWordClass(c.db, { slug: "accountant", words: ["бухгалтер"] }, adminId);
    const v1 = boardVersion();
    await replaceJobWords(c.db, "accountant", ["бухгалтер", "accountant"], adminId);
    const v2 = boardVersion();
    await deleteJobWordClass(c.db, "accountant", adminId);
    const v3 = boardVersion();
    expect(v1).toBeGreaterThan(v0);
    expect(v2).toBeGreaterThan(v1);
    expect(v3).toBeGreaterThan(v2);

    const rows = c.sqlite
      .prepare("select actor_user_id, action, entity, before_json, after_json from audit_log where entity = 'job_word_class' order by id")
      .all() as { actor_user_id: number; action: string; entity: string; before_json: string | null; after_json: string | null }[];
    expect(rows.map((r) => [r.actor_user_id, r.action])).toEqual([
      [adminId, "job-words.create"],
      [adminId, "job-words.update"],
      [adminId, "job-words.delete"],
    ]);
    expect(JSON.parse(rows[1]!.before_json!)).toEqual({ slug: "accountant", words: ["бухгалтер"] });
    expect(JSON.parse(rows[1]!.after_json!)).toEqual({ slug: "accountant", words: ["бухгалтер", "accountant"] });
    expect(JSON.parse(rows[2]!.before_json!)).toEqual({ slug: "accountant", words: ["бухгалтер", "accountant"] });
  });

  it("logs job-word changes as vacancy changes with no vacancy, so the matching index reloads nothing", async () => {
    const top = boardVersion();
    await replaceJobWords(c.db, "designer", ["дизайнер"], adminId);
    const logged = c.sqlite.prepare("select kind, entity_id from match_changes where seq > ?").all(top) as { kind: string; entity_id: number | null }[];
    expect(logged.length).toBeGreaterThan(0);
    expect(new Set(logged.map((r) => `${r.kind}:${r.entity_id}`))).toEqual(new Set(["vacancy:null"]));
  });
});
