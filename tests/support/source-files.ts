// The repository's TypeScript sources, for the tests that check the code itself (layering, message
// kinds): one walker, and each file parsed once per test worker (syntax only, no type checker).
// Files that share a worker (vitest.config.ts) reuse the parsed files (docs/decisions/035-test-suite-speed.md).
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every .ts/.tsx file under `dir` (relative to the repository, declaration files left out), as relative paths. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(rel);
  }
  return out;
}

const parsed = new Map<string, ts.SourceFile>();

/** The syntax tree of a file (relative to the repository), with parent links. */
export function parse(file: string): ts.SourceFile {
  let source = parsed.get(file);
  if (!source) {
    const text = fs.readFileSync(path.join(ROOT, file), "utf8");
    source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    parsed.set(file, source);
  }
  return source;
}
