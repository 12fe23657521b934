// Serves stored images by their random name. Only names the store itself makes are looked
// up (32 hex digits + .webp), so "../", encoded slashes and other files under the data
// folder cannot be reached. The bytes are always ones sharp wrote, and the headers forbid
// the browser from reading them as anything but an image.
//
// A name is not a key: the row naming the file decides who may fetch it (docs/product.md §8). Company
// logos are public; a graduate's photo and project pictures follow the profile's visibility,
// and are never kept by a shared cache, so a profile that turns private stops being served at
// once. A file no row names (left by a crash) is a 404. See docs/decisions/023-uploads-access-backup-and-sweep.md.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readStoredImage, STORED_CONTENT_TYPE, STORED_NAME } from "~/domain/images/store.server";
import { getDb } from "~/db.server";
import { canSeeImage, imageOwner } from "~/models/image-access.server";
import { viewerOf } from "~/auth/guards.server";

function notFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
  });
}

// Logos: names are never reused (a changed image gets a new name), so any cache may keep them.
const PUBLIC_CACHE = "public, max-age=31536000, immutable";
// Profile images: only the viewer's own browser may store them, and it asks again every time
// (answered by a 304 after the access check), even while the profile is public: a copy in a
// shared cache or a long max-age would outlive a change to private.
const PROFILE_CACHE = "private, no-cache";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const name = params.file ?? "";
  if (!STORED_NAME.test(name)) return notFound();
  const db = getDb();
  const owner = await imageOwner(db, name);
  if (!owner) return notFound();
  if (!(await canSeeImage(db, await viewerOf(request), owner, name))) return notFound();
  const cacheControl = owner.kind === "logo" ? PUBLIC_CACHE : PROFILE_CACHE;
  // The content behind a name never changes, so the name is a strong validator.
  const etag = `"${name.slice(0, 32)}"`;
  const headers: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": cacheControl,
    ETag: etag,
    "Cross-Origin-Resource-Policy": "same-origin",
  };
  if (owner.kind === "profile") headers.Vary = "Cookie";
  const asked = request.headers.get("If-None-Match");
  if (asked && asked.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag)) {
    return new Response(null, { status: 304, headers });
  }
  const bytes = await readStoredImage(name);
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      ...headers,
      "Content-Type": STORED_CONTENT_TYPE,
      "Content-Length": String(bytes.length),
      "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
      "Content-Disposition": "inline",
    },
  });
}
