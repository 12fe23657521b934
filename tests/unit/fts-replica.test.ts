// The FTS5 query subset the directory's ranking replica replays (docs/decisions/048, Session 11):
// the queries full-text.ts builds parse, with their phrases numbered as FTS5 numbers them; any other
// syntax is refused (the caller then ranks with SQLite). Equality with FTS5 itself, bm25 included, is
// proved on the demo data in tests/integration/text-hits-replica.test.ts.
import { describe, expect, it } from "vitest";
import { buildTextQuery } from "~/domain/search/full-text";
import { bm25, nearTrim, parseFtsQuery, phrasePositions, positionOf } from "~/domain/search/fts-replica";

const COLUMNS = ["name", "headline", "about", "projects", "skills", "name_terms", "headline_terms", "about_terms", "projects_terms", "skills_terms"];
const index = (name: string) => COLUMNS.indexOf(name);

describe("the replica's FTS5 parser", () => {
  it("parses the tier queries of typed text: phrases in written order, with their columns and prefixes", () => {
    const text = buildTextQuery("иштеп чыгуучу", { exact: COLUMNS.slice(0, 5), names: ["name", "skills"] })!;
    for (const query of [text.exact, text.tierOne, text.loose]) expect(parseFtsQuery(query, index), query).not.toBeNull();
    const parsed = parseFtsQuery('{name headline} : "react"* OR {skills_terms} : NEAR("иштеп" "чыгууч", 12)', index)!;
    expect(parsed.phrases.map((p) => [p.text, p.prefix, p.columns])).toEqual([
      ["react", true, [0, 1]],
      ["иштеп", false, [9]],
      ["чыгууч", false, [9]],
    ]);
    expect(parsed.root).toEqual({
      kind: "or",
      children: [
        { kind: "phrase", phrase: 0 },
        { kind: "near", phrases: [1, 2], distance: 12 },
      ],
    });
  });

  it("refuses what it does not replay: NOT, a bare word, an unknown column, an unclosed quote", () => {
    for (const query of ['"a" NOT "b"', "react", '{nosuch} : "a"', '"a', '"a" + "b"', '^"a"']) expect(parseFtsQuery(query, index), query).toBeNull();
  });
});

describe("the replica's match and score", () => {
  it("a phrase starts where each next token follows in the same column; NEAR keeps only the positions of a match", () => {
    expect(
      phrasePositions([
        [positionOf(1, 3), positionOf(2, 0)],
        [positionOf(1, 4), positionOf(2, 5)],
      ]),
    ).toEqual([positionOf(1, 3)]);
    // "a" at 0 and 40, "b" at 5: only a@0 is within 12 tokens of b.
    expect(nearTrim([[0, 40], [5]], [1, 1], 12)).toEqual([[0], [5]]);
    expect(nearTrim([[0], [50]], [1, 1], 12)).toBeNull();
  });

  it("bm25 adds nothing for a phrase the row does not hold and grows with the frequency", () => {
    const idf = Float64Array.from([1.5, 2]);
    const once = bm25(idf, Float64Array.from([1, 0]), 0, 10, 10);
    const twice = bm25(idf, Float64Array.from([2, 0]), 0, 10, 10);
    expect(once).toBeCloseTo(-1.5 * ((1 * 2.2) / (1 + 1.2)), 12);
    expect(twice).toBeLessThan(once);
    expect(bm25(idf, Float64Array.from([0, 0]), 0, 10, 10)).toBe(-0);
  });
});
