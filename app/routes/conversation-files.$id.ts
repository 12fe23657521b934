// GET /conversation-files/:id: a PDF sent in an application's conversation. Served only to the two
// sides of that application (the graduate, members of the verified company) and to staff while a
// report of the conversation is open; anyone else gets the same 404 as for no such file. Always a
// download, as application/pdf, never sniffed (every answer carries nosniff: app/server/security.ts), never cached
// (docs/decisions/060-notes-and-conversations.md).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/require-user.server";
import { viewerOf } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { downloadDisposition } from "~/domain/conversations/rules";
import { attachmentFor, type AttachmentReader } from "~/models/conversations.server";
import { idParam, notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const id = idParam(params.id);
  const viewer = await viewerOf(request);
  let reader: AttachmentReader | null = null;
  if (viewer.kind === "staff") reader = { kind: "staff", schoolIds: viewer.schoolIds };
  else if (viewer.kind === "graduate" && viewer.graduateId !== null) reader = { kind: "graduate", graduateId: viewer.graduateId };
  else if (viewer.kind === "employer" && viewer.verified && viewer.companyId !== null) reader = { kind: "company", companyId: viewer.companyId };
  if (!reader) notFound();
  const file = await attachmentFor(getDb(), reader, id);
  if (!file) notFound();
  return new Response(new Uint8Array(file.data), {
    status: 200,
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(file.data.length),
      "Content-Disposition": downloadDisposition(file.fileName),
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
      "Cross-Origin-Resource-Policy": "same-origin",
    },
  });
}
