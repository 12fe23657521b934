// Writes tests/support/file-durations.json from the last `npm test` report (test-results/vitest.json):
// each test file's seconds, which tests/support/sequencer.ts uses to start the longest files first
// on a fresh clone, where vitest has no durations of its own (docs/decisions/035-test-suite-speed.md).
import fs from "node:fs";
import path from "node:path";

const report = JSON.parse(fs.readFileSync("test-results/vitest.json", "utf8"));
const durations = Object.fromEntries(
  report.testResults
    .map((file) => [path.relative(process.cwd(), file.name), Math.round((file.endTime - file.startTime) / 1000)])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)),
);
fs.writeFileSync("tests/support/file-durations.json", JSON.stringify(durations, null, 2) + "\n");
console.log(`tests/support/file-durations.json: ${Object.keys(durations).length} files`);
