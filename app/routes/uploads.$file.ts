// Serves stored images by their random name. Only names the store itself makes are looked
// up (32 hex digits + .webp), so "../", encoded slashes and other files under the data
// folder cannot be reached. The bytes are always ones sharp wrote, and the headers forbid
// the browser from reading them as anything but an image.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readStoredImage, STORED_CONTENT_TYPE, STORED_NAME } from "~/domain/images/store.server";

function notFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
  });
}

export async function loader({ params }: LoaderFunctionArgs) {
  const name = params.file ?? "";
  if (!STORED_NAME.test(name)) return notFound();
  const bytes = await readStoredImage(name);
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      "Content-Type": STORED_CONTENT_TYPE,
      "Content-Length": String(bytes.length),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
      "Content-Disposition": "inline",
      "Cross-Origin-Resource-Policy": "same-origin",
      // Names are never reused: a changed image gets a new name, so browsers may keep it.
      "Cache-Control": "private, max-age=31536000, immutable",
    },
  });
}
