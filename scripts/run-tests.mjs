// `npm test`: type-check, build (the server and browser tests use the real build), then
// every vitest suite — unit, integration, server over HTTP, browser — and a closing line
// "N passed, N failed, N skipped" that CI reads. Exits non-zero when anything fails.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const run = (cmd, args) => spawnSync(cmd, args, { stdio: "inherit", shell: false }).status ?? 1;
const npx = (...args) => run("npx", args);

console.log("\n== type check ==");
if (npx("tsc", "--noEmit") !== 0) {
  console.log("\ntype check failed");
  console.log("0 passed, 1 failed");
  process.exit(1);
}

console.log("\n== build ==");
if (run("npm", ["run", "build"]) !== 0) {
  console.log("\nbuild failed");
  console.log("0 passed, 1 failed");
  process.exit(1);
}

if (!fs.existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")) {
  console.log("\n!!! Chromium is missing: the browser tests will be reported as SKIPPED, not passed. (apt-get install -y chromium)\n");
}

console.log("\n== tests ==");
fs.mkdirSync("test-results", { recursive: true });
const report = "test-results/vitest.json";
fs.rmSync(report, { force: true });
const status = npx("vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`);

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
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || status !== 0 ? 1 : 0);
