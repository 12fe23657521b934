// Writes tests/support/file-durations.json from the last `npm test` reports (test-results/vitest.json and vitest-early.json):
// each test file's seconds, which tests/support/sequencer.ts uses to start the longest files first
// on a fresh clone, where vitest has no durations of its own (docs/decisions/035-test-suite-speed.md).
import fs from "node:fs";
import path from "node:path";

// Both runs of `npm test`: the unit files run during better-sqlite3's compile, and the rest.
const reports = ["test-results/vitest-early.json", "test-results/vitest.json"]
  .filter((f) => fs.existsSync(f))
  .map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
const durations = Object.fromEntries(
  reports
    .flatMap((report) => report.testResults)
    .map((file) => [path.relative(process.cwd(), file.name), Math.round((file.endTime - file.startTime) / 1000)])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
);
fs.writeFileSync("tests/support/file-durations.json", JSON.stringify(durations, null, 2) + "\n");
console.log(`tests/support/file-durations.json: ${Object.keys(durations).length} files`);
