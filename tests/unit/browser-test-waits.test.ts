// Browser tests wait for a page's load event, never for its URL alone: the URL changes as soon as
// the response starts, so text read right after a URL poll can come from a half-parsed page. That
// race failed CI once on a busy machine (survey-campaigns, session 11); this check keeps the class out.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, sourceFiles } from "../support/source-files";

/** `expect.poll(() => … page.url() …)`: polling the URL instead of waiting for the navigation. */
const URL_POLL = /expect\.poll\(\s*\(\)\s*=>[^;]*\.url\(\)/;

function urlPolls(text: string): number[] {
  return text.split("\n").flatMap((line, i) => (URL_POLL.test(line) ? [i + 1] : []));
}

describe("browser tests wait for navigations (docs/decisions/035-test-suite-speed.md)", () => {
  it("no browser test polls page.url() where waitForURL (which waits for load) belongs", () => {
    const found = sourceFiles("tests/e2e").flatMap((file) => urlPolls(fs.readFileSync(path.join(ROOT, file), "utf8")).map((line) => `${file}:${line}`));
    expect(found).toEqual([]);
  });
  it("the check catches the pattern it is for", () => {
    expect(urlPolls('await expect.poll(() => new URL(s.page.url()).pathname).toBe("/x");')).toEqual([1]);
    expect(urlPolls("await Promise.all([page.waitForURL(/x/), link.click()]);")).toEqual([]);
  });
});
