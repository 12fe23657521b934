import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { requireGraduate } from "~/models/graduates.server";
import { exportGraduateData } from "~/models/personal-data.server";

// The graduate's own data as a download (DESIGN §8).
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, graduate } = await requireGraduate(request);
  const data = await exportGraduateData(getDb(), user.id, graduate.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="my-data-${graduate.id}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
