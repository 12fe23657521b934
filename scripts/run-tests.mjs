// `npm test`: type-check, build (the server and browser tests use the real build), then
// every vitest suite — unit, integration, server over HTTP, browser — and a closing line
// "N passed, N failed, N skipped" that CI reads. Exits non-zero when anything fails.
// The type check and the lint (ESLint and Prettier; docs/decisions/041-linter-and-formatter.md) run
// beside the build and the tests in one process (docs/decisions/035-test-suite-speed.md): their report
// is printed at the end and each failure counts as a failed test. The unit files that never load
// better-sqlite3 run beside the build and its compile, in a vitest run of their own; every other file
// runs after them (Session 13 of the same decision).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const run = (cmd, args, env = process.env) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", shell: false, env });
    child.on("error", () => resolve(1));
    child.on("close", (code) => resolve(code ?? 1));
  });
const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;

console.log("\n== type check and lint (in the background) and build ==");
fs.mkdirSync("test-results", { recursive: true });
// To a file, so that its report comes after the tests' instead of in the middle of them. One process
// does both, on one TypeScript program (scripts/static-checks.mjs): exit status bit 1 = types, bit 2 = lint.
const staticLog = "test-results/static-checks.log";
const staticOut = fs.openSync(staticLog, "w");
const checker = spawn(process.execPath, ["scripts/static-checks.mjs"], { stdio: ["ignore", staticOut, staticOut], shell: false });
// At the lowest CPU priority (its Prettier child inherits it): nothing waits for its report until the
// end, while the tests wait for the build and better-sqlite3's compile. It takes the CPU they leave:
// on 2 cores that is the compile's spare core, then the half core the tests leave idle while they
// wait on servers, Chromium and timers (docs/decisions/035-test-suite-speed.md, session 11).
try {
  if (checker.pid !== undefined) os.setPriority(checker.pid, 19);
} catch {
  // Not allowed here (a platform without priorities): it runs as before, at the same priority.
}
const staticChecks = new Promise((resolve) => {
  checker.on("error", (error) => resolve({ status: 3, error: String(error) }));
  checker.on("exit", (code) => resolve({ status: code ?? 3, at: seconds() }));
});

// better-sqlite3 compiles from source on these machines (about a minute on one core). `.ci/run`
// installs with --ignore-scripts and starts that compile beside npm ci, in a folder of its own; it
// names in NATIVE_SQLITE_STATUS a file that holds the compile's exit status once the binary is in
// node_modules, and this waits for it. Without it (or if it failed) the compile runs here, beside
// the type check, the lint and the build, none of which loads it; the tests wait for it
// (docs/decisions/035-test-suite-speed.md, Sessions 9 and 13).
const NATIVE_SQLITE = "node_modules/better-sqlite3/build/Release/better_sqlite3.node";
const compileNative = () =>
  new Promise((resolve) => {
    console.log("better-sqlite3 is not compiled yet: compiling it beside the build");
    const child = spawn("npm", ["rebuild", "better-sqlite3"], { stdio: "inherit", env: { ...process.env, JOBS: process.env.JOBS ?? "max" } });
    child.on("error", () => resolve(1));
    child.on("close", (code) => resolve(code ?? 1));
  });
const builtBesideInstall = async (statusFile) => {
  while (!fs.existsSync(statusFile)) await new Promise((resolve) => setTimeout(resolve, 250));
  if (fs.readFileSync(statusFile, "utf8").trim() === "0" && fs.existsSync(NATIVE_SQLITE)) return 0;
  const log = path.join(path.dirname(statusFile), "log");
  console.log(
    `\nbetter-sqlite3's compile beside npm ci failed (its log below): compiling it here\n${fs.existsSync(log) ? fs.readFileSync(log, "utf8").slice(-4000) : ""}`,
  );
  return compileNative();
};
const nativeBuild = fs.existsSync(NATIVE_SQLITE)
  ? Promise.resolve(0)
  : process.env.NATIVE_SQLITE_STATUS
    ? builtBesideInstall(process.env.NATIVE_SQLITE_STATUS)
    : compileNative();

// The unit files that never load better-sqlite3 (tests/support/test-phases.ts) run now, beside the
// build and the compile, in a vitest run of their own, instead of after the compile in the main run
// (docs/decisions/035-test-suite-speed.md, Session 13). At normal priority: what is left of it when
// the main run starts shares the cores with it as a third worker would; at a lower one, its tests
// (30 s limits) would starve behind the main run's two busy workers. Its output is printed after
// the main run's.
const earlyReport = "test-results/vitest-early.json";
const earlyLog = "test-results/vitest-early.log";
fs.rmSync(earlyReport, { force: true });
const earlyOut = fs.openSync(earlyLog, "w");
const early = spawn("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${earlyReport}`], {
  stdio: ["ignore", earlyOut, earlyOut],
  env: { ...process.env, PORTAL_TEST_PHASE: "early" },
  shell: false,
});
const earlyTests = new Promise((resolve) => {
  early.on("error", (error) => resolve({ status: 1, error: String(error) }));
  early.on("close", (code) => resolve({ status: code ?? 1, at: seconds() }));
});

// Once more after a failure: esbuild's service process now and then dies at its exit with "all
// goroutines are asleep - deadlock!" after a build that succeeded (evanw/esbuild#3635, seen twice here
// under load in session 15), which stops `remix build && …` before the server bundle. A real build error
// fails the second time too.
const built = async () => (await run("npm", ["run", "build"])) === 0 || (console.log("\nbuild failed: once more"), (await run("npm", ["run", "build"])) === 0);
if (!(await built())) {
  checker.kill();
  early.kill();
  console.log("\nbuild failed");
  console.log("0 passed, 1 failed");
  process.exit(1);
}
console.log(`build done at ${seconds()}`);
if ((await nativeBuild) !== 0 || !fs.existsSync(NATIVE_SQLITE)) {
  checker.kill();
  early.kill();
  console.log("\ncompiling better-sqlite3 failed");
  console.log("0 passed, 1 failed");
  process.exit(1);
}
console.log(`better-sqlite3 ready at ${seconds()}`);

const browsers = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];
if (!browsers.some((file) => fs.existsSync(file))) {
  console.log("\n!!! Chromium is missing: the browser tests will be reported as SKIPPED, not passed. (apt-get install -y chromium-headless-shell)\n");
}

console.log("\n== tests ==");
const report = "test-results/vitest.json";
fs.rmSync(report, { force: true });
const main = await run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], {
  ...process.env,
  PORTAL_TEST_PHASE: "rest",
});
console.log(`tests done at ${seconds()}`);

const earlyDone = await earlyTests;
fs.closeSync(earlyOut);
console.log(`\n== unit tests run during the compile (done at ${earlyDone.at ?? seconds()}) ==`);
process.stdout.write(fs.readFileSync(earlyLog, "utf8") + (earlyDone.error ?? ""));
const status = main !== 0 ? main : earlyDone.status;

const checked = await staticChecks;
fs.closeSync(staticOut);
console.log(`\n== type check and lint (done at ${checked.at ?? seconds()}) ==`);
process.stdout.write(fs.readFileSync(staticLog, "utf8") + (checked.error ?? ""));

let passed = 0;
let failed = 0;
let skipped = 0;
// The two runs' reports, counted together (a missing one is a failure).
for (const file of [earlyReport, report]) {
  if (!fs.existsSync(file)) {
    failed += 1;
    continue;
  }
  const result = JSON.parse(fs.readFileSync(file, "utf8"));
  passed += result.numPassedTests ?? 0;
  skipped += (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
  // A suite that failed to load has no failed tests of its own: count it, so it cannot hide.
  const brokenSuites = (result.testResults ?? []).filter((s) => s.status === "failed" && (s.assertionResults ?? []).every((a) => a.status !== "failed")).length;
  failed += (result.numFailedTests ?? 0) + brokenSuites;
}
if (status !== 0 && failed === 0) failed = 1;
if (checked.status & 1) failed += 1; // the type check
if (checked.status & 2) failed += 1; // the lint
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || status !== 0 ? 1 : 0);
