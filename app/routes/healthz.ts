import { getConnection } from "~/db.server";
import { databaseAnswers, viewsWarming } from "~/models/health.server";

// For monitors and load balancers: JSON with the status and a real database round trip. While the
// in-memory views load after a start the status is "warming up" with 200: every page is answered
// (those that need the views wait for them), so a load balancer keeps sending traffic; 503 only
// when the database does not answer (docs/decisions/070-start-in-seconds.md).
export async function loader() {
  try {
    const connection = getConnection();
    const ok = await databaseAnswers(connection.db);
    const status = !ok ? "error" : viewsWarming(connection) ? "warming up" : "ok";
    return Response.json({ status, database: ok ? "ok" : "error" }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
