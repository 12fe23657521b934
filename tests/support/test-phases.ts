// Which unit test files can run before better-sqlite3 is compiled (docs/decisions/035-test-suite-speed.md,
// Session 13). On a fresh clone `npm test` (scripts/run-tests.mjs) compiles SQLite for about a minute
// on one core before any test that opens a database can start; the unit files that never load
// better-sqlite3 run meanwhile, in a vitest run of their own (PORTAL_TEST_PHASE=early in
// vitest.config.ts), and the main run leaves them out (PORTAL_TEST_PHASE=rest).
//
// Decided by reading the files, so a new file lands in the right run without a list to keep: a test
// file is early when nothing it imports, followed through the repository's own modules ("~/", "@db/",
// relative paths; static and dynamic imports, re-exports, vi.mock targets), imports the
// better-sqlite3 package. Reading more than is loaded only keeps a file for the main run, which is
// always safe; a file that starts a process (a server, a CLI) or reads the build is kept there too.
import fs from "node:fs";
import path from "node:path";

const NATIVE = "better-sqlite3";
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*|\bvi\.(?:do)?mock\s*\(\s*)["']([^"']+)["']/g;
/** What a unit file may not do before the compile and the build are done. */
const NEEDS_MORE = /node:child_process|["'`]build\/|public\/build|startServer|chromium|playwright/;

function resolve(root: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("~/")) base = path.join(root, "app", specifier.slice(2));
  else if (specifier.startsWith("@db/")) base = path.join(root, "db", specifier.slice(4));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  const stem = base.replace(/\.(js|mjs|cjs)$/, "");
  for (const candidate of [
    base,
    `${stem}.ts`,
    `${stem}.tsx`,
    `${base}.js`,
    `${base}.mjs`,
    `${base}.cjs`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The unit test files under `folder` that can run before better-sqlite3 is compiled and the app is built, repository-relative. */
export function filesBeforeNative(root: string, folder = "tests/unit"): string[] {
  // Each module's own imports, read once: the packages it names and the repository files it reaches.
  const read = new Map<string, { native: boolean; files: string[] }>();
  const importsOf = (file: string) => {
    let known = read.get(file);
    if (!known) {
      const specifiers = [...fs.readFileSync(file, "utf8").matchAll(SPECIFIER)].map((m) => m[1]);
      known = {
        native: specifiers.some((s) => s === NATIVE || s.startsWith(`${NATIVE}/`)),
        files: specifiers.map((s) => resolve(root, file, s)).filter((f): f is string => f !== null && /\.(ts|tsx|js|mjs|cjs)$/.test(f)),
      };
      read.set(file, known);
    }
    return known;
  };
  // Every module the test file reaches, cycles included.
  const loadsNative = (testFile: string): boolean => {
    const seen = new Set([testFile]);
    const queue = [testFile];
    for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
      const { native, files } = importsOf(file);
      if (native) return true;
      for (const next of files) {
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    return false;
  };
  const early: string[] = [];
  for (const name of fs.readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })) {
    if (!name.endsWith(".test.ts")) continue;
    const file = path.join(root, folder, name);
    if (NEEDS_MORE.test(fs.readFileSync(file, "utf8")) || loadsNative(file)) continue;
    early.push(`${folder}/${name}`);
  }
  return early.sort();
}
