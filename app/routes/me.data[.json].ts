import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { recordAudit } from "~/models/audit.server";
import { requireGraduate } from "~/auth/guards.server";
import { exportGraduateData } from "~/models/personal-data.server";

// The graduate's own data as a download (docs/product.md §8). Every export of personal data is in the
// audit log, so staff can answer "who took a copy of this person's data, and when".
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, graduate } = await requireGraduate(request);
  const db = getDb();
  const data = await exportGraduateData(db, user.id, graduate.id);
  await recordAudit(db, { actorId: user.id, action: "personal-data.export", entity: "graduate", entityId: graduate.id, after: { format: "json" } });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="my-data-${graduate.id}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
