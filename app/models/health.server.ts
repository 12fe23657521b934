// The health check's database round trip (app/routes/healthz.ts).
import { sql } from "kysely";
import type { DB } from "@db/connection";

export async function databaseAnswers(db: DB): Promise<boolean> {
  const { rows } = await sql<{ ok: number }>`select 1 as ok`.execute(db);
  return rows[0]?.ok === 1;
}
