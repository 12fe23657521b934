// The health check's database round trip, and whether the in-memory views are still loading (app/routes/healthz.ts).
import { sql } from "kysely";
import type { Connection, DB } from "@db/connection";
import { matchIndexWarming } from "./matching-index.server";
import { outcomeFactsWarming } from "./outcome-facts.server";

export async function databaseAnswers(db: DB): Promise<boolean> {
  const { rows } = await sql<{ ok: number }>`select 1 as ok`.execute(db);
  return rows[0]?.ok === 1;
}

/** True while the server's start-up load of the matching index or the outcome facts is under way (docs/decisions/070). */
export function viewsWarming(connection: Connection): boolean {
  return matchIndexWarming(connection) || outcomeFactsWarming(connection);
}
