// The full-text query plan shared by the graduate directory and the job board (docs/decisions/036):
// the matches are computed once (FTS5 MATCH, plus the holders of a skill the text names) into
// `hits`, which drives the join, so the rows are then read by primary key. (Joined the other
// way, SQLite re-runs the MATCH for every row.) bm25 is only computed when the order needs it:
// for a common word it costs more than the match. The text rules are app/domain/search/full-text.ts.
import { type RawBuilder, sql } from "kysely";
import type { DB } from "@db/connection";
import { searchTextFts } from "~/domain/search/full-text";
import { resolveSkillText, type SkillRef } from "./skills.server";

export type FullTextIndex = {
  /** The FTS5 table; its rowid is the searched row's id. */
  table: "graduates_fts" | "vacancies_fts";
  /** bm25 weights of the table's columns, in order. */
  weights: RawBuilder<unknown>;
  /** A select of one column `id`: the rows that hold the skill. */
  holders: (skillId: number) => RawBuilder<unknown>;
};

export type TextSearch = {
  /** The search text as a whole names this skill: its holders are found and ranked first. */
  qSkill: SkillRef | null;
  /** Something searchable is left (text with only punctuation matches nothing). */
  searching: boolean;
  /**
   * `with hits(id, score, holder) as materialized (…) ` — empty when not searching. `score` is
   * bm25 (lower is better) when `relevance`, else null; `holder` is 1 for holders of qSkill.
   */
  withHits: (relevance: boolean) => RawBuilder<unknown>;
};

/** Plans the search of `q` (trimmed) over one index. */
export async function planTextSearch(db: DB, index: FullTextIndex, q: string): Promise<TextSearch> {
  const qSkill = q ? await resolveSkillText(db, q) : null;
  const fts = searchTextFts(q, qSkill !== null);
  const table = sql.raw(index.table);
  const withHits = (relevance: boolean) => {
    const score = relevance ? sql`bm25(${table}, ${index.weights})` : sql`null`;
    const ftsHits = fts ? sql`select rowid as id, ${score} as score, 0 as holder from ${table} where ${table} match ${fts}` : null;
    const skillHits = qSkill ? sql`select id, null as score, 1 as holder from (${index.holders(qSkill.id)})` : null;
    const hits =
      ftsHits && skillHits
        ? sql`select id, min(score) as score, max(holder) as holder from (${ftsHits} union all ${skillHits}) group by id`
        : (ftsHits ?? skillHits);
    return hits ? sql`with hits(id, score, holder) as materialized (${hits}) ` : sql``;
  };
  return { qSkill, searching: fts !== null || qSkill !== null, withHits };
}
