// The order test files start in: longest first, by the durations of a past run kept in
// file-durations.json (refresh: `node scripts/file-durations.mjs` after `npm test`). Vitest orders
// by its own cache of durations, but a fresh clone (CI) has none and falls back to file size, which
// started a three-minute browser file last and left one worker idle for minutes
// (docs/decisions/035-test-suite-speed.md). A file not in the list counts as 5 s.
import fs from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const UNKNOWN_SECONDS = 5;
const durations = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "file-durations.json"), "utf8")) as Record<string, number>;

export class LongestFirstSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = (spec: TestSpecification) => durations[path.relative(process.cwd(), spec.moduleId)] ?? UNKNOWN_SECONDS;
    return Promise.resolve([...files].sort((a, b) => seconds(b) - seconds(a)));
  }
}
