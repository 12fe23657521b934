// Things many test files need and that are slow to make — a migrated database, a data folder with
// the demo data the real server seeded — are made once per test run and then copied
// (docs/decisions/035-test-suite-speed.md). Copying a file takes milliseconds; migrating with
// synchronous=FULL or seeding 900 graduates with their images takes seconds to a minute on a busy machine.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * The folder this run's templates live in: made by tests/support/global-setup.ts and removed after
 * the run. Outside a vitest run (the bench scripts) there is one per process.
 */
function templatesRoot(): string {
  let root = process.env.PORTAL_TEST_TEMPLATES;
  if (!root || !fs.existsSync(root)) {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "portal-templates-"));
    process.env.PORTAL_TEST_TEMPLATES = root;
  }
  return root;
}

const made = new Map<string, Promise<string>>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A builder that has held the lock this long died mid-way (a killed worker): its lock is taken over. */
const STALE_LOCK_MS = 240_000;

/**
 * The folder `name` in this run's templates, filled by `build` the first time any test worker asks.
 * Workers in parallel wait for the one that builds it (a lock folder), so it is built once per run.
 * `build` fills an empty folder; the template is only visible once complete (renamed into place).
 */
export function sharedTemplate(name: string, build: (dir: string) => Promise<void>): Promise<string> {
  let pending = made.get(name);
  if (!pending) {
    pending = makeOnce(name, build);
    made.set(name, pending);
    pending.catch(() => made.delete(name));
  }
  return pending;
}

async function makeOnce(name: string, build: (dir: string) => Promise<void>): Promise<string> {
  const root = templatesRoot();
  const final = path.join(root, name);
  const lock = `${final}.lock`;
  for (;;) {
    if (fs.existsSync(final)) return final;
    try {
      fs.mkdirSync(lock);
    } catch {
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > STALE_LOCK_MS) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        // The lock went away between the two calls: try again.
      }
      await sleep(100);
      continue;
    }
    const work = `${final}.building-${process.pid}`;
    try {
      fs.rmSync(work, { recursive: true, force: true });
      fs.mkdirSync(work, { recursive: true });
      await build(work);
      try {
        fs.renameSync(work, final);
      } catch (error) {
        // Only when a builder whose lock was taken for stale finished first: its copy is as good.
        if (!fs.existsSync(final)) throw error;
      }
      return final;
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}
