// probe-ux: the demo's people write like people. A graduate's "about" drawn from two halves read
// «IT-кластерди бүтүрдүм… Looking for an internship…» (two languages in one paragraph), and the
// Russian texts said «Окончил(а)», «готов(а)» — a form letter's ending, on every portfolio and
// application a visitor opens first. Checked on the demo as seedDemoData writes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { closeTestDatabases, createDemoTestDatabase } from "../support/db";

let c: Connection;
beforeAll(async () => {
  c = await createDemoTestDatabase();
}, 180_000);
afterAll(closeTestDatabases);

const texts = (sql: string) => (c.sqlite.prepare(sql).all() as { id: number; text: string }[]).filter((r) => r.text);
const CYRILLIC = /\p{Script=Cyrillic}{3,}/u;
const LATIN = /\b[A-Za-z]{3,}\b/;

describe("the demo's own words", () => {
  it("every graduate's about is in one language", () => {
    const about = texts("select id, about as text from graduates where about is not null");
    expect(about.length).toBeGreaterThan(100);
    expect(about.filter((r) => CYRILLIC.test(r.text) && LATIN.test(r.text)).map((r) => `${r.id}: ${r.text}`)).toEqual([]);
  });

  it("no text a graduate wrote keeps a form letter's «(а)»", () => {
    const written = [
      ...texts("select id, about as text from graduates"),
      ...texts("select id, note as text from applications"),
      ...texts("select id, snapshot_json as text from applications"),
      ...texts("select id, note as text from application_events"),
    ];
    expect(written.length).toBeGreaterThan(100);
    expect(written.filter((r) => /\p{L}\(а\)/u.test(r.text)).map((r) => `${r.id}: ${r.text.slice(0, 120)}`)).toEqual([]);
  });
});
