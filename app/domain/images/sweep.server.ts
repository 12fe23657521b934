// Runs the sweep of unnamed upload files (db/uploads.ts) when the server starts and then once a
// day, so files left by a crash between storing an image and writing its row do not pile up.
import type { Connection } from "@db/connection";
import { sweepUploads } from "@db/uploads";

const DAY_MS = 24 * 60 * 60 * 1000;

async function sweepOnce(connection: Connection, uploadDir: string): Promise<void> {
  try {
    const { removed } = await sweepUploads(connection.sqlite, uploadDir);
    if (removed.length) console.log(`removed ${removed.length} unnamed upload files (left by interrupted uploads)`);
  } catch (error) {
    console.error("the sweep of unnamed upload files failed", error);
  }
}

/** Sweeps now (awaited, before the server listens) and schedules the daily sweep. */
export async function startUploadSweeps(connection: Connection, uploadDir: string): Promise<void> {
  await sweepOnce(connection, uploadDir);
  setInterval(() => void sweepOnce(connection, uploadDir), DAY_MS).unref();
}
