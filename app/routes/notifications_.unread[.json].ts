// /notifications/unread.json — the signed-in user's unread count and, for an employer, whether
// their company is verified (the header's "Graduates" link): the header re-reads both after each
// in-page navigation (the root loader, with the message catalog, is not reloaded for that;
// docs/decisions/026-application-page-state.md).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/require-user.server";
import { getDb } from "~/db.server";
import { companyOfUser } from "~/models/companies.server";
import { unreadCount } from "~/models/notifications.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // The same rule as the root loader's: the directory answers 403 until the company is verified.
  const verifiedEmployer = user.role === "employer" && (await companyOfUser(getDb(), user.id))?.status === "verified";
  return Response.json({ unread: await unreadCount(getDb(), user.id), verifiedEmployer }, { headers: { "Cache-Control": "private, no-store" } });
}
