// polish: a module's score read «Балл: 96» on /me/modules and on the staff's verification page, which
// does not say out of what. Every score the portal shows is out of 100 (the match score: docs/product.md
// §5 "100 points from seven parts"; a module's: 0–100, app/utils/fields.ts moduleScore), so every shown
// score goes through a message that says "/100": no page prints a score's number bare.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "~/i18n/messages/en";
import { ky } from "~/i18n/messages/ky";
import { ru } from "~/i18n/messages/ru";
import { ROOT, sourceFiles } from "../support/source-files";

describe("a score says out of what", () => {
  for (const [lang, catalog] of Object.entries({ ky, ru, en })) {
    it(`every ${lang} message that shows a {score} shows it out of 100`, () => {
      const withScore = Object.entries(catalog).filter(([, text]) => String(text).includes("{score}"));
      expect(withScore.map(([key]) => key)).toEqual(expect.arrayContaining(["match.score", "modules.scoreShown"]));
      expect(withScore.filter(([, text]) => !String(text).includes("{score}/100"))).toEqual([]);
    });
  }

  it("no page or component prints a score's number outside such a message", () => {
    const bare = /\$\{[\w.?!]*\bscore\}|>\s*\{[\w.?!]*\bscore\}\s*</;
    const found = [...sourceFiles("app/routes"), ...sourceFiles("app/components")]
      .filter((f) => f.endsWith(".tsx"))
      .flatMap((f) =>
        fs
          .readFileSync(path.join(ROOT, f), "utf8")
          .split("\n")
          .map((line, i) => ({ where: `${f}:${i + 1}`, line: line.trim() }))
          .filter(({ line }) => bare.test(line)),
      );
    expect(found).toEqual([]);
  });
});
