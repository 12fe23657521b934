// A test file's own upload folder for tests that store images through the real store: emptied
// before each test, removed after the file. UPLOAD_DIR is set when the file calls this, before any
// test runs; the app reads it lazily, once (config() in app/config.server.ts).
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeEach } from "vitest";

export function useUploadDir(name: string, options: { create?: boolean } = {}): string {
  const dir = path.join(process.env.TMPDIR ?? "/tmp", `portal-${name}-${process.pid}-${Date.now()}`);
  process.env.UPLOAD_DIR = dir;
  beforeEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (options.create) fs.mkdirSync(dir, { recursive: true });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
