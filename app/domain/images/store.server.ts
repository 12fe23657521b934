// Uploaded images (portfolio pictures, profile photos): checked by content, never by name
// or by the type the browser claims, decoded and re-encoded by sharp (which drops EXIF,
// GPS and any payload hidden after the image data), resized to fit, and written under a
// random name in the upload folder. Nothing of the original file is ever served.
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { config } from "~/config.server";
import type { MessageKey } from "~/i18n/messages/en";
import { backupInProgress, STORED_NAME, tempNameFor } from "@db/uploads";

/** The largest upload accepted, in bytes (docs/product.md §8). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Decoded size limit: a small file may claim a huge canvas (a "decompression bomb"). */
const MAX_INPUT_PIXELS = 50_000_000;

/** Stored names: 32 random hex digits and the extension of the format we wrote. */
export { STORED_NAME };
const OUTPUT_EXTENSION = "webp";
export const STORED_CONTENT_TYPE = "image/webp";

export type StoreResult = { ok: true; fileName: string; width: number; height: number } | { ok: false; reason: MessageKey };

type Kind = "png" | "jpeg" | "webp";

/** The format named by the first bytes of the file, or null if it is none we accept. */
export function sniffImage(bytes: Uint8Array): Kind | null {
  const starts = (sig: number[], at = 0) => bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (starts([0xff, 0xd8, 0xff])) return "jpeg";
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return "webp"; // "RIFF" size "WEBP"
  return null;
}

export function uploadPath(fileName: string): string {
  if (!STORED_NAME.test(fileName)) throw new Error(`not a stored image name: ${JSON.stringify(fileName)}`);
  return path.join(config().uploadDir, fileName);
}

/**
 * Checks, re-encodes and stores one uploaded image. Refusals come back as a message key
 * (never thrown), so a route can show them next to the file field with a 4xx status.
 */
export async function storeUploadedImage(file: File, options: { maxWidth: number; maxHeight: number }): Promise<StoreResult> {
  if (!file || typeof file.arrayBuffer !== "function" || file.size === 0) return { ok: false, reason: "upload.empty" };
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, reason: "upload.tooLarge" };
  const input = Buffer.from(await file.arrayBuffer());
  if (input.length === 0) return { ok: false, reason: "upload.empty" };
  if (input.length > MAX_UPLOAD_BYTES) return { ok: false, reason: "upload.tooLarge" };

  const kind = sniffImage(input);
  if (!kind) return { ok: false, reason: "upload.notImage" };

  let output: { data: Buffer; info: sharp.OutputInfo };
  try {
    const image = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error", animated: false });
    const meta = await image.metadata();
    // The decoder must agree with the signature: a PNG header on a JPEG body is refused too.
    if (meta.format !== kind) return { ok: false, reason: "upload.notImage" };
    if (!meta.width || !meta.height) return { ok: false, reason: "upload.unreadable" };
    output = await image
      .rotate() // applies the EXIF orientation before the metadata is dropped
      .resize({ width: options.maxWidth, height: options.maxHeight, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 80, effort: 4 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    // Truncated or corrupt data, or a canvas over the pixel limit.
    return { ok: false, reason: "upload.unreadable" };
  }

  const fileName = `${crypto.randomBytes(16).toString("hex")}.${OUTPUT_EXTENSION}`;
  try {
    await writeWhole(fileName, output.data);
  } catch (error) {
    console.error("could not store an uploaded image", error);
    return { ok: false, reason: "upload.saveFailed" };
  }
  return { ok: true, fileName, width: output.info.width, height: output.info.height };
}

/**
 * Crash-safe write: the bytes go to a temporary name in the same folder, are flushed to disk,
 * and only then get the stored name (a link, which refuses an existing name), and the folder
 * entry is flushed too. A kill -9 at any moment leaves either nothing under the stored name or
 * the whole file; a temporary file left behind is removed by the sweep (db/uploads.ts).
 */
async function writeWhole(fileName: string, data: Buffer): Promise<void> {
  const target = uploadPath(fileName);
  const dir = path.dirname(target);
  const temp = path.join(dir, tempNameFor(fileName));
  await fs.mkdir(dir, { recursive: true });
  let linked = false;
  try {
    const handle = await fs.open(temp, "wx", 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.link(temp, target);
    linked = true;
    await fs.rm(temp, { force: true });
    const folder = await fs.open(dir, "r");
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    // No row names the file yet: a failed upload leaves nothing.
    if (linked) await fs.rm(target, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Removes a stored image; a name that is not ours, or a file already gone, is ignored. */
export async function deleteStoredImage(fileName: string): Promise<void> {
  if (!STORED_NAME.test(fileName)) return;
  // During a backup the file stays (unnamed, never served) and the sweep removes it later.
  if (backupInProgress(config().uploadDir)) return;
  try {
    await fs.rm(uploadPath(fileName), { force: true });
  } catch (error) {
    console.error(`could not delete stored image ${fileName}`, error);
  }
}

/** Reads a stored image for serving, or null when the name is not ours or the file is gone. */
export async function readStoredImage(fileName: string): Promise<Buffer | null> {
  if (!STORED_NAME.test(fileName)) return null;
  try {
    return await fs.readFile(uploadPath(fileName));
  } catch {
    return null;
  }
}
