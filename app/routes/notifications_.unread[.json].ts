// /notifications/unread.json — the signed-in user's unread count, which the header re-reads after
// each in-page navigation (the root loader, with the message catalog, is not reloaded for that;
// docs/decisions/026-application-page-state.md).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/require-user.server";
import { getDb } from "~/db.server";
import { unreadCount } from "~/models/notifications.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return Response.json({ unread: await unreadCount(getDb(), user.id) }, { headers: { "Cache-Control": "private, no-store" } });
}
