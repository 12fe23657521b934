// The tiered query builder (app/domain/search/full-text.ts, docs/decisions/045): typed text never
// becomes FTS5 syntax, and each tier's query is what the tiers promise.
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { buildTextQuery } from "~/domain/search/full-text";
import { searchIndexRow } from "~/domain/search/index-row";
import { SEED_JOB_WORDS } from "~/domain/search/job-words";

const COLUMNS = { exact: ["title", "body"], names: ["title"] } as const;

/** A real FTS5 table with the index layout, to run the built queries on. */
function index(rows: Record<number, { title: string; body: string }>) {
  const db = new Database(":memory:");
  db.exec(
    "create virtual table t using fts5(title, body, title_terms, body_terms, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2')",
  );
  const insert = db.prepare("insert into t (rowid, title, body, title_terms, body_terms) values (?, ?, ?, ?, ?)");
  for (const [id, fields] of Object.entries(rows)) {
    const r = searchIndexRow(fields);
    insert.run(Number(id), r.title, r.body, r.title_terms, r.body_terms);
  }
  return (query: string) => (db.prepare("select rowid as id from t where t match ? order by rowid").all(query) as { id: number }[]).map((r) => r.id);
}

describe("buildTextQuery", () => {
  const find = index({
    1: { title: "Ищем дизайнера", body: "" },
    2: { title: "Дизайнер", body: "" },
    3: { title: "Designer", body: "" },
    4: { title: "Токтогулов", body: "" },
    5: { title: "Мобилдик иштеп чыгуучу", body: "" },
    6: { title: "NEAR OR", body: 'a "quoted" word' },
  });

  it("tier 0 takes the typed form only; tier 1 adds stems and the other script; tier 2 adds the job-word class", () => {
    const q = buildTextQuery("дизайнера", COLUMNS, { jobWords: SEED_JOB_WORDS })!;
    expect(find(q.exact)).toEqual([1]);
    expect(find(q.own)).toEqual([1, 2]);
    expect(find(q.loose)).toEqual([1, 2, 3]);
    expect(q.alsoWords).toContain("designer");
    expect(find(buildTextQuery("Toktogulov", COLUMNS)!.own)).toEqual([4]);
    expect(find(buildTextQuery("Toktog", COLUMNS)!.own)).toEqual([4]); // the last word's key as a prefix
  });

  it("matches a phrase job word word by word, in any inflected form", () => {
    expect(find(buildTextQuery("иштеп чыгуучулар", COLUMNS, { jobWords: SEED_JOB_WORDS })!.loose)).toEqual([5]);
    expect(find(buildTextQuery("разработчиков", COLUMNS, { jobWords: SEED_JOB_WORDS })!.loose)).toEqual([5]);
  });

  it("keeps FTS5 syntax typed by users as plain words", () => {
    for (const text of ['NEAR(x) OR "y', "title: *", "a AND NOT b", "^start", '"quoted"', "OR"]) {
      const q = buildTextQuery(text, COLUMNS, { jobWords: SEED_JOB_WORDS });
      if (!q) continue;
      expect(() => find(q.loose)).not.toThrow();
      expect(() => find(q.exact)).not.toThrow();
    }
    expect(find(buildTextQuery("NEAR OR", COLUMNS)!.exact)).toEqual([6]);
    expect(buildTextQuery('*^"():-+', COLUMNS)).toBeNull();
  });

  it("matches only the given near spellings, in names, for a typo word", () => {
    const q = buildTextQuery("Токтогулв", COLUMNS, { near: new Map([[0, ["токтогулов"]]]) })!;
    expect(find(q.loose)).toEqual([4]);
    expect(q.alsoWords).toEqual(["токтогулов"]);
  });
});
