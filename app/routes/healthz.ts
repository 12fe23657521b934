import { sql } from "kysely";
import { getDb } from "~/db.server";

// For monitors and load balancers: JSON with the status and a real database round trip.
export async function loader() {
  try {
    const { rows } = await sql<{ ok: number }>`select 1 as ok`.execute(getDb());
    const ok = rows[0]?.ok === 1;
    return Response.json({ status: ok ? "ok" : "error", database: ok ? "ok" : "error" }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
