import { getDb } from "~/db.server";
import { databaseAnswers } from "~/models/health.server";

// For monitors and load balancers: JSON with the status and a real database round trip.
export async function loader() {
  try {
    const ok = await databaseAnswers(getDb());
    return Response.json({ status: ok ? "ok" : "error", database: ok ? "ok" : "error" }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json({ status: "error", database: "unreachable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
