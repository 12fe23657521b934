// The order test files start in: longest first, by the durations of a past run kept in
// file-durations.json (refresh: `node scripts/file-durations.mjs` after `npm test`). Vitest orders
// by its own cache of durations, but a fresh clone (CI) has none and falls back to file size, which
// started a three-minute browser file last and left one worker idle for minutes
// (docs/decisions/035-test-suite-speed.md). A file not in the list counts as 5 s.
// The files of a project that shares its worker (isolate: false in vitest.config.ts) stay together,
// longest first within, placed by their sum: vitest keeps a shared worker only while the next file in
// its queue belongs to the same project, and loads the app anew in a new one.
import fs from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const UNKNOWN_SECONDS = 5;
const durations = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "file-durations.json"), "utf8")) as Record<string, number>;

export class LongestFirstSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = (spec: TestSpecification) => durations[path.relative(process.cwd(), spec.moduleId)] ?? UNKNOWN_SECONDS;
    const blocks = new Map<string, TestSpecification[]>();
    for (const spec of [...files].sort((a, b) => seconds(b) - seconds(a))) {
      // A file of an isolated project is a block of its own.
      const key = spec.project.config.isolate === false ? `project:${spec.project.name}` : `file:${spec.project.name}:${spec.moduleId}`;
      blocks.set(key, [...(blocks.get(key) ?? []), spec]);
    }
    const total = (block: TestSpecification[]) => block.reduce((sum, spec) => sum + seconds(spec), 0);
    return Promise.resolve([...blocks.values()].sort((a, b) => total(b) - total(a)).flat());
  }
}
