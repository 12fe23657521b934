// Comments point readers at docs/product.md §N and at docs/decisions/NNN (issue 15 item 6). This fails
// when a citation names a section docs/product.md does not have, or a decision record that does not
// exist — so a renumbered section or a renamed record cannot leave comments pointing nowhere.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE_DIRS = ["app", "db", "tests", "scripts"];
const SKIP_DIRS = new Set(["node_modules", "build", "public", "test-results"]);

function filesUnder(dir: string, extensions: RegExp): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(abs, { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) out.push(...filesUnder(rel, extensions));
    } else if (extensions.test(entry.name)) out.push(rel);
  }
  return out;
}

/** Every file whose text may cite the spec or a decision: the code, the tests, the scripts and the docs. */
function citingFiles(): string[] {
  return [...SOURCE_DIRS.flatMap((dir) => filesUnder(dir, /\.(ts|tsx|js|mjs|cjs)$/)), ...filesUnder("docs", /\.md$/), "README.md"];
}

/** Section numbers of docs/product.md: its "## N. Title" headings. */
function productSections(): Set<number> {
  const text = fs.readFileSync(path.join(ROOT, "docs/product.md"), "utf8");
  return new Set([...text.matchAll(/^## (\d+)\. /gm)].map((m) => Number(m[1])));
}

export type Citation = { file: string; line: number; cited: string };

/**
 * Sections a text cites as "product.md §N", with the ones listed after it ("product.md §3, §8",
 * "§3/§8", "§4 … and §9" within one parenthesis are not followed: only a list right after).
 */
export function sectionCitations(file: string, text: string): Citation[] {
  const out: Citation[] = [];
  text.split("\n").forEach((lineText, i) => {
    for (const m of lineText.matchAll(/product\.md\s+(§\d+(?:\s*(?:,|\/|and)\s*§\d+)*)/g)) {
      for (const n of m[1]!.matchAll(/§(\d+)/g)) out.push({ file, line: i + 1, cited: n[1]! });
    }
  });
  return out;
}

/** Decision records a text cites: "docs/decisions/NNN[-name][.md]", "decision NNN", "decisions 020 and 031". */
export function decisionCitations(file: string, text: string): Citation[] {
  const out: Citation[] = [];
  text.split("\n").forEach((lineText, i) => {
    for (const m of lineText.matchAll(/docs\/decisions\/(\d{3}(?:-[a-z0-9-]+\.md)?)/g)) out.push({ file, line: i + 1, cited: m[1]! });
    for (const m of lineText.matchAll(/\bdecisions?\s+(\d{3}(?:\s*(?:,|and|&)\s*\d{3})*)\b/gi)) {
      for (const n of m[1]!.matchAll(/\d{3}/g)) out.push({ file, line: i + 1, cited: n[0] });
    }
  });
  return out;
}

/** Whether a cited decision exists: a whole file name must exist as written; a bare number must start one file. */
export function decisionExists(cited: string, records: readonly string[]): boolean {
  return cited.endsWith(".md") ? records.includes(cited) : records.some((name) => name.startsWith(`${cited}-`));
}

describe("documentation links", () => {
  const files = citingFiles();
  const texts = files.map((file) => ({ file, text: fs.readFileSync(path.join(ROOT, file), "utf8") }));
  const records = fs.readdirSync(path.join(ROOT, "docs/decisions")).filter((name) => name.endsWith(".md"));

  it("docs/product.md numbers its sections 1, 2, 3 … in order, at least the 16 the code cites", () => {
    const sections = [...productSections()];
    expect(sections.length).toBeGreaterThanOrEqual(16);
    expect(sections).toEqual(Array.from({ length: sections.length }, (_, i) => i + 1));
  });

  it("every 'product.md §N' in the code, tests, scripts and docs names a section docs/product.md has", () => {
    const sections = productSections();
    const citations = texts.flatMap(({ file, text }) => sectionCitations(file, text));
    // The scan must find the comments it guards (over a hundred today), or it proves nothing.
    expect(citations.length).toBeGreaterThan(100);
    const broken = citations.filter((c) => !sections.has(Number(c.cited))).map((c) => `${c.file}:${c.line} cites §${c.cited}`);
    expect(broken).toEqual([]);
  });

  it("every bare §N inside docs/product.md names one of its own sections", () => {
    const sections = productSections();
    const text = fs.readFileSync(path.join(ROOT, "docs/product.md"), "utf8");
    const broken = [...text.matchAll(/§(\d+)/g)].map((m) => Number(m[1])).filter((n) => !sections.has(n));
    expect(broken).toEqual([]);
  });

  it("every cited decision record exists in docs/decisions/", () => {
    const citations = texts.flatMap(({ file, text }) => decisionCitations(file, text));
    expect(citations.length).toBeGreaterThan(50);
    const broken = citations.filter((c) => !decisionExists(c.cited, records)).map((c) => `${c.file}:${c.line} cites decision ${c.cited}`);
    expect(broken).toEqual([]);
  });

  it("every relative Markdown link in docs/ and the README names a file that exists", () => {
    const docs = texts.filter(({ file }) => file.endsWith(".md"));
    const links = docs.flatMap(({ file, text }) =>
      [...text.matchAll(/\]\(([^)\s]+)\)/g)]
        .map((m) => m[1]!.split("#")[0]!)
        .filter((target) => target !== "" && !/^[a-z]+:/i.test(target))
        .map((target) => ({ file, target })),
    );
    expect(links.length).toBeGreaterThan(30); // the decision index of docs/product.md alone has more
    const broken = links
      .filter(({ file, target }) => !fs.existsSync(path.resolve(ROOT, path.dirname(file), target)))
      .map(({ file, target }) => `${file} → ${target}`);
    expect(broken).toEqual([]);
  });

  it("the scanners catch what they must (so a broken pattern cannot pass silently)", () => {
    // Built from parts so this file does not cite a missing section or record itself.
    const spec = ["product", "md"].join(".");
    const [dec, decs] = ["decision", "decisions"];
    const sample = `// see docs/${spec} §3, §17 and docs/${spec} §5/§99\n// ${decs} 020 and 999; docs/${decs}/022-no-such-name.md; ${dec} 001`;
    expect(sectionCitations("x.ts", sample).map((c) => c.cited)).toEqual(["3", "17", "5", "99"]);
    const cited = decisionCitations("x.ts", sample).map((c) => c.cited);
    expect(cited).toEqual(["022-no-such-name.md", "020", "999", "001"]);
    expect(cited.filter((c) => !decisionExists(c, records))).toEqual(["022-no-such-name.md", "999"]);
  });
});
