// `npm test`: type-check, build (the server and browser tests use the real build), then
// every vitest suite — unit, integration, server over HTTP, browser — and a closing line
// "N passed, N failed, N skipped" that CI reads. Exits non-zero when anything fails.
// The type check runs beside the build and the tests (docs/decisions/035-test-suite-speed.md):
// its report is printed at the end and a failure counts as a failed test. The lint (ESLint and
// Prettier, `npm run lint`; docs/decisions/041-linter-and-formatter.md) runs beside them the same way.
import { spawn } from "node:child_process";
import fs from "node:fs";

const run = (cmd, args) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", shell: false });
    child.on("error", () => resolve(1));
    child.on("close", (code) => resolve(code ?? 1));
  });
const npx = (...args) => run("npx", args);
const started = Date.now();
const seconds = () => `${Math.round((Date.now() - started) / 1000)} s`;

console.log("\n== type check and lint (in the background) and build ==");
fs.mkdirSync("test-results", { recursive: true });
// To a file, so that its report comes after the tests' instead of in the middle of them.
const typecheckLog = "test-results/typecheck.log";
const typecheckOut = fs.openSync(typecheckLog, "w");
const tsc = spawn(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit"], { stdio: ["ignore", typecheckOut, typecheckOut], shell: false });
const typecheck = new Promise((resolve) => {
  tsc.on("error", (error) => resolve({ status: 1, error: String(error) }));
  tsc.on("exit", (code) => resolve({ status: code ?? 1, at: seconds() }));
});

const lintLog = "test-results/lint.log";
const lintOut = fs.openSync(lintLog, "w");
// `npm run lint`, run as its two commands (not through npm) so that a failed build can stop them.
let linter = null;
const lintStep = (args) =>
  new Promise((resolve) => {
    linter = spawn(process.execPath, args, { stdio: ["ignore", lintOut, lintOut], shell: false });
    linter.on("error", () => resolve(1));
    linter.on("exit", (code) => resolve(code ?? 1));
  });
const lint = (async () => {
  const eslintStatus = await lintStep(["node_modules/eslint/bin/eslint.js", ".", "--max-warnings", "0"]);
  const prettierStatus = await lintStep(["node_modules/prettier/bin/prettier.cjs", "--check", "."]);
  return { status: eslintStatus || prettierStatus, at: seconds() };
})();

if ((await run("npm", ["run", "build"])) !== 0) {
  tsc.kill();
  linter?.kill();
  console.log("\nbuild failed");
  console.log("0 passed, 1 failed");
  process.exit(1);
}
console.log(`build done at ${seconds()}`);

if (!fs.existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) {
  console.log("\n!!! Chromium is missing: the browser tests will be reported as SKIPPED, not passed. (apt-get install -y chromium)\n");
}

console.log("\n== tests ==");
const report = "test-results/vitest.json";
fs.rmSync(report, { force: true });
const status = await npx("vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`);
console.log(`tests done at ${seconds()}`);

const types = await typecheck;
fs.closeSync(typecheckOut);
console.log(`\n== type check (done at ${types.at ?? seconds()}) ==`);
process.stdout.write(fs.readFileSync(typecheckLog, "utf8") + (types.error ?? ""));
console.log(types.status === 0 ? "type check passed" : "type check failed");

const linted = await lint;
fs.closeSync(lintOut);
console.log(`\n== lint (done at ${linted.at ?? seconds()}) ==`);
process.stdout.write(fs.readFileSync(lintLog, "utf8"));
console.log(linted.status === 0 ? "lint passed" : "lint failed");

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(report)) {
  const result = JSON.parse(fs.readFileSync(report, "utf8"));
  passed = result.numPassedTests ?? 0;
  skipped = (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
  // A suite that failed to load has no failed tests of its own: count it, so it cannot hide.
  const brokenSuites = (result.testResults ?? []).filter((s) => s.status === "failed" && (s.assertionResults ?? []).every((a) => a.status !== "failed")).length;
  failed = (result.numFailedTests ?? 0) + brokenSuites;
} else {
  failed = 1;
}
if (status !== 0 && failed === 0) failed = 1;
if (types.status !== 0) failed += 1;
if (linted.status !== 0) failed += 1;
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || status !== 0 ? 1 : 0);
