// Graduates' saved searches of the job board (docs/product.md §3): a name, the board's canonical
// query string, and a private feed token; checked for new hits whenever a vacancy opens.
import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import type { DB } from "@db/connection";
import { boardQueryString, type BoardQuery, parseBoardQuery } from "~/domain/vacancies/board-query";
import { searchVacancies } from "./board.server";
import { savedSearchRunKey } from "~/domain/messages/event-keys";
import { inTransaction, tell } from "./messages.server";

const nowIso = () => new Date().toISOString();

export async function createSavedSearch(db: DB, userId: number, query: BoardQuery, name: string | null): Promise<number> {
  const qs = boardQueryString(query);
  const fallback = [query.q, query.skill, query.city].filter(Boolean).join(" · ");
  const { id } = await db
    .insertInto("saved_searches")
    .values({
      user_id: userId,
      name: (name || fallback || "*").slice(0, 100),
      query: qs,
      feed_token: randomBytes(24).toString("base64url"),
      last_checked_at: nowIso(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function listSavedSearches(db: DB, userId: number) {
  return db
    .selectFrom("saved_searches")
    .select(["id", "name", "query", "feed_token", "created_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

export async function deleteSavedSearch(db: DB, userId: number, id: number): Promise<boolean> {
  const done = await db.deleteFrom("saved_searches").where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  return Number(done.numDeletedRows) > 0;
}

export async function savedSearchByToken(db: DB, token: string) {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  return (await db.selectFrom("saved_searches").select(["id", "name", "query"]).where("feed_token", "=", token).executeTakeFirst()) ?? null;
}

/**
 * For each saved search, the public vacancies published since it was last checked: one
 * "saved-search-hits" message per search that has any (in the portal, and by e-mail/Telegram, keyed
 * by the search and this run), and the searches marked checked — all in one transaction, the
 * caller's (a vacancy's publication) or its own, so a message and its mark commit together.
 */
export async function checkSavedSearches(db: DB): Promise<number> {
  return inTransaction(db, async (trx) => {
    const until = nowIso();
    const searches = await trx.selectFrom("saved_searches").select(["id", "user_id", "name", "query", "last_checked_at"]).execute();
    if (searches.length === 0) return 0;
    // Usually one vacancy has just opened: each search is then matched against those few only.
    const oldest = searches.reduce((min, s) => (s.last_checked_at < min ? s.last_checked_at : min), until);
    const { rows: fresh } = await sql<{ id: number; published_at: string }>`select v.id, v.published_at from vacancies v join companies c on c.id = v.company_id
    where v.status = 'open' and c.status = 'verified' and v.published_at > ${oldest} and v.published_at <= ${until}`.execute(trx);
    let sent = 0;
    for (const s of searches) {
      const candidates = fresh.filter((v) => v.published_at > s.last_checked_at).map((v) => v.id);
      if (candidates.length === 0) continue;
      const query = parseBoardQuery(s.query);
      const result = await searchVacancies(trx, { ...query, page: 1, pageSize: 1, sort: "newest", onlyIds: candidates });
      if (result.total > 0) {
        await tell(trx, {
          userId: s.user_id,
          kind: "saved-search-hits",
          eventKey: savedSearchRunKey(s.id, until),
          vars: { n: result.total, name: s.name },
          link: `/vacancies${s.query ? `?${s.query}` : ""}`,
        });
        sent += 1;
      }
    }
    await trx.updateTable("saved_searches").set({ last_checked_at: until, updated_at: until }).where("last_checked_at", "<", until).execute();
    return sent;
  });
}
