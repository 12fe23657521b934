// Once per vitest run, in the main process: a folder for this run's shared templates (a migrated
// database, the demo data folder; tests/support/templates.ts). The test workers inherit its path
// and fill it on first use; it is removed when the run ends, so no template outlives the code it came from.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "portal-templates-"));
  process.env.PORTAL_TEST_TEMPLATES = root;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
