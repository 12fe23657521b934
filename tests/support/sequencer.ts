// The order test files start in: longest first, by the durations of a past run kept in
// file-durations.json (refresh: `node scripts/file-durations.mjs` after `npm test`). Vitest orders
// by its own cache of durations, but a fresh clone (CI) has none and falls back to file size, which
// started a three-minute browser file last and left one worker idle for minutes
// (docs/decisions/035-test-suite-speed.md). A file not in the list counts as 5 s.
// The files of a project that shares a worker thread (pool "threads", isolate: false in
// vitest.config.ts) stay together, longest first within, placed by their sum: vitest keeps a shared
// worker only while the next file in its queue belongs to the same project, and loads the app anew in
// a new one. The files that share a worker process (the "served" project: servers and browsers, long
// files) keep their own longest-first places among the isolated files instead: a long isolated file
// (hostile-input) left behind the whole served block would run alone at the end on one worker; each
// isolated file between served ones costs the next served file a new process (Session 15).
import fs from "node:fs";
import path from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const UNKNOWN_SECONDS = 5;
const durations = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "file-durations.json"), "utf8")) as Record<string, number>;

export class LongestFirstSequencer extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const seconds = (spec: TestSpecification) => durations[path.relative(process.cwd(), spec.moduleId)] ?? UNKNOWN_SECONDS;
    const threadBlocks = new Map<string, TestSpecification[]>();
    const blocks: { specs: TestSpecification[]; seconds: number }[] = [];
    for (const spec of [...files].sort((a, b) => seconds(b) - seconds(a))) {
      const { isolate, pool } = spec.project.config;
      if (isolate === false && pool === "threads") {
        const key = spec.project.name;
        if (!threadBlocks.has(key)) threadBlocks.set(key, []);
        threadBlocks.get(key)!.push(spec);
        continue;
      }
      // An isolated file is a block of its own; consecutive files of a shared process project make one.
      const last = blocks.at(-1)?.specs.at(-1);
      if (isolate === false && last?.project.name === spec.project.name) blocks.at(-1)!.specs.push(spec);
      else blocks.push({ specs: [spec], seconds: seconds(spec) });
    }
    // A thread block runs as one unit: its place is its sum. A process block keeps its longest file's place.
    for (const specs of threadBlocks.values()) blocks.push({ specs, seconds: specs.reduce((sum, spec) => sum + seconds(spec), 0) });
    return Promise.resolve(blocks.sort((a, b) => b.seconds - a.seconds).flatMap((block) => block.specs));
  }
}
