// A second process replacing one company's logo as fast as it can through the real store
// (write whole, then the row, then delete the replaced file) until SIGTERM; prints "+" every
// 10 replacements. Used by integration/backup.test.ts. Run with tsx: DATABASE SLUG; UPLOAD_DIR
// in the environment.
import Database from "better-sqlite3";
import sharp from "sharp";
import { deleteStoredImage, storeUploadedImage } from "~/domain/images/store.server";

const [database, slug] = process.argv.slice(2);
const db = new Database(database!);
db.pragma("busy_timeout = 5000");
const set = db.prepare("update companies set logo = ? where slug = ?");
const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: "#123456" } })
  .png()
  .toBuffer();
const file = new File([new Uint8Array(png)], "logo.png", { type: "image/png" });
let stopping = false;
process.on("SIGTERM", () => (stopping = true));
let previous: string | null = null;
for (let n = 1; !stopping; n++) {
  const stored = await storeUploadedImage(file, { maxWidth: 16, maxHeight: 16 });
  if (!stored.ok) throw new Error(stored.reason);
  set.run(stored.fileName, slug);
  if (previous) await deleteStoredImage(previous);
  previous = stored.fileName;
  if (n % 10 === 0) process.stdout.write("+");
}
db.close();
