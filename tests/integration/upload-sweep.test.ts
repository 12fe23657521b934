// Uploads and crashes (issue 13 item 20): an image is written under a temporary name, flushed to
// disk and only then given its stored name, so a crash never leaves a partial file under a name a
// row could use; files no row names (older than an hour) and stray temporary files are removed at
// start and daily. See docs/decisions/023-uploads-access-backup-and-sweep.md.
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Connection } from "@db/connection";
import { BACKUP_MARKER, STORED_NAME, sweepUploads, TEMP_NAME } from "@db/uploads";
import { storeUploadedImage } from "~/domain/images/store.server";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCohort, makeCompany, makeUser } from "../support/factories";
import { startServer } from "../support/server";
import { useUploadDir } from "../support/upload-dir";

const UPLOAD_DIR = useUploadDir("sweep", { create: true });

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(() => {
  vi.restoreAllMocks();
  closeTestDatabases();
});

const HOUR = 3_600_000;
const name = (ch: string) => `${ch.repeat(32)}.webp`;

/** Writes a file into `dir` and dates it `ageMs` ago. */
function leave(dir: string, file: string, ageMs: number, bytes: Buffer | string = "x"): void {
  const at = path.join(dir, file);
  fs.writeFileSync(at, bytes);
  const when = new Date(Date.now() - ageMs);
  fs.utimesSync(at, when, when);
}

async function png(): Promise<File> {
  const bytes = await sharp({ create: { width: 64, height: 48, channels: 3, background: "#c8102e" } })
    .png()
    .toBuffer();
  return new File([new Uint8Array(bytes)], "a.png", { type: "image/png" });
}

describe("storing an upload", () => {
  it("writes under a temporary name, flushes it, and gives it the stored name only when it is whole", async () => {
    const seen: { from: string; to: string; size: number; targetExisted: boolean; decodes: boolean }[] = [];
    const link = fsp.link.bind(fsp);
    const rename = fsp.rename.bind(fsp);
    const record = async (from: string, to: string) => {
      const bytes = fs.readFileSync(from);
      const decodes = await sharp(bytes)
        .metadata()
        .then(
          (m) => m.format === "webp",
          () => false,
        );
      seen.push({ from: path.basename(from), to: path.basename(to), size: bytes.length, targetExisted: fs.existsSync(to), decodes });
    };
    vi.spyOn(fsp, "link").mockImplementation(async (from, to) => {
      await record(String(from), String(to));
      return link(from, to);
    });
    vi.spyOn(fsp, "rename").mockImplementation(async (from, to) => {
      await record(String(from), String(to));
      return rename(from, to);
    });
    const stored = await storeUploadedImage(await png(), { maxWidth: 100, maxHeight: 100 });
    expect(stored.ok).toBe(true);
    if (!stored.ok) return;
    // Exactly one step gave the file its stored name, from a temporary name in the same folder,
    // with the whole image already in it.
    expect(seen).toHaveLength(1);
    expect(seen[0]!.to).toBe(stored.fileName);
    expect(seen[0]!.from).toMatch(TEMP_NAME);
    expect(seen[0]!.from).not.toMatch(STORED_NAME);
    expect(seen[0]!.targetExisted).toBe(false);
    expect(seen[0]!.decodes).toBe(true);
    // Nothing but the stored file is left.
    expect(fs.readdirSync(UPLOAD_DIR)).toEqual([stored.fileName]);
  });
});

describe("the sweep of unnamed files", () => {
  it("removes files no row names and stray temporary files older than an hour, and nothing else", async () => {
    const user = await makeUser(c, "graduate");
    const { id: graduateId } = await c.db
      .insertInto("graduates")
      .values({ user_id: user.id, cohort_id: await makeCohort(c), first_name: "Айпери", last_name: "Ж", photo: name("1") })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { id: projectId } = await c.db.insertInto("projects").values({ graduate_id: graduateId, title: "Shop" }).returning("id").executeTakeFirstOrThrow();
    await c.db
      .insertInto("project_images")
      .values({ project_id: projectId, file_name: name("2"), alt: "x", width: 1, height: 1 })
      .execute();
    const companyId = await makeCompany(c, (await makeUser(c, "employer")).id);
    await c.db
      .updateTable("companies")
      .set({ logo: name("3") })
      .where("id", "=", companyId)
      .execute();

    for (const named of [name("1"), name("2"), name("3")]) leave(UPLOAD_DIR, named, 30 * 24 * HOUR);
    leave(UPLOAD_DIR, name("4"), 2 * HOUR); // a crash between the file and its row
    leave(UPLOAD_DIR, name("5"), 2 * HOUR, ""); // the same, 0 bytes
    leave(UPLOAD_DIR, name("6"), 10 * 60_000); // an upload whose row may be written right now
    leave(UPLOAD_DIR, `.${name("7")}.tmp`, 2 * HOUR); // a write cut off before its rename
    leave(UPLOAD_DIR, `.${name("8")}.tmp`, 60_000); // a write in progress
    leave(UPLOAD_DIR, "README.txt", 48 * HOUR); // not ours: never touched

    // While a backup runs (its marker is fresh) nothing is swept: it may still copy those files.
    leave(UPLOAD_DIR, BACKUP_MARKER, 0);
    expect((await sweepUploads(c.sqlite, UPLOAD_DIR)).removed).toEqual([]);
    fs.rmSync(path.join(UPLOAD_DIR, BACKUP_MARKER));

    const result = await sweepUploads(c.sqlite, UPLOAD_DIR);
    expect(result.removed.sort()).toEqual([`.${name("7")}.tmp`, name("4"), name("5")].sort());
    expect(fs.readdirSync(UPLOAD_DIR).sort()).toEqual([`.${name("8")}.tmp`, "README.txt", name("1"), name("2"), name("3"), name("6")].sort());

    // An hour later, the young orphan and the old temporary file go too; named files never do.
    const later = await sweepUploads(c.sqlite, UPLOAD_DIR, { now: Date.now() + 2 * HOUR });
    expect(later.removed.sort()).toEqual([`.${name("8")}.tmp`, name("6")].sort());
    expect(fs.readdirSync(UPLOAD_DIR).sort()).toEqual(["README.txt", name("1"), name("2"), name("3")].sort());
    // A folder that does not exist yet is nothing to sweep.
    expect((await sweepUploads(c.sqlite, path.join(UPLOAD_DIR, "missing"))).removed).toEqual([]);
  });

  it("runs when the server starts", async () => {
    const dataDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? "/tmp", "portal-sweep-start-"));
    const uploads = path.join(dataDir, "uploads");
    fs.mkdirSync(uploads, { recursive: true });
    leave(uploads, name("d"), 3 * HOUR, "");
    leave(uploads, `.${name("e")}.tmp`, 3 * HOUR);
    leave(uploads, name("f"), 60_000);
    // This file points UPLOAD_DIR elsewhere for its other tests: the server gets its own.
    const server = await startServer({ UPLOAD_DIR: uploads }, dataDir);
    try {
      const left = fs.readdirSync(uploads);
      expect(left).not.toContain(name("d"));
      expect(left).not.toContain(`.${name("e")}.tmp`);
      expect(left).toContain(name("f"));
      // The demo images the seed drew are named by rows and stay.
      expect(left.filter((f) => STORED_NAME.test(f)).length).toBeGreaterThan(10);
      expect(server.output()).toMatch(/removed 2 unnamed upload files/);
    } finally {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
