// The search indexes follow the word rules of the running build (docs/decisions/045-search-index-and-tiers.md):
// a database records the fingerprint of the stemmers and script keys its indexes were built with, and a
// start with other rules (a stemmer fix, say) rebuilds them, so rows written by the old rules never
// sit beside queries built by the new ones. Before this check, the Kyrgyz stemmer's fix for «кардар»
// (which had been cut to «кар») reached only the rows edited after it.
import { afterAll, describe, expect, it } from "vitest";
import { looseTermsOf } from "~/domain/search/index-row";
import { currentSearchFingerprint, FINGERPRINT_WORDS, searchTermsFingerprint } from "~/domain/search/terms-fingerprint.server";
import { searchVacancies } from "~/models/board.server";
import { FINGERPRINT_KEY, rebuildSearchIndexesIfAsked } from "~/models/search-index.server";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeCompany, makeUser, makeVacancy } from "../support/factories";

afterAll(closeTestDatabases);

describe("the word rules' fingerprint", () => {
  it("changes when what one word becomes changes, and covers the words whose rules were fixed", () => {
    expect(FINGERPRINT_WORDS).toEqual(expect.arrayContaining(["кардар", "директор", "балдар", "разработчиков", "toktogulov"]));
    const changedForOneWord = (word: string) => (word === "кардар" ? "кар" : looseTermsOf(word));
    expect(searchTermsFingerprint(changedForOneWord)).not.toBe(searchTermsFingerprint());
    expect(searchTermsFingerprint()).toBe(currentSearchFingerprint());
  });
});

describe("a start with other word rules", () => {
  it("rebuilds both indexes when they were built by other rules, and only then", async () => {
    const c = await createTestDatabase();
    const owner = await makeUser(c, "employer");
    const companyId = await makeCompany(c, owner.id);
    const vacancy = { id: await makeVacancy(c, companyId, { title: "Кардарларды тейлөө боюнча адис" }) };
    await rebuildSearchIndexesIfAsked(c.db); // whatever the template asked for
    const found = async () => (await searchVacancies(c.db, { q: "кардар", pageSize: 50, sort: "relevance" })).items.map((v) => v.id);
    expect(await found()).toContain(vacancy.id);
    // Indexes up to date: nothing to do.
    expect(await rebuildSearchIndexesIfAsked(c.db)).toBeNull();

    // As an older build would have left it: its own fingerprint, and a row its rules wrote differently.
    await c.db.updateTable("settings").set({ value: "built-by-older-rules" }).where("key", "=", FINGERPRINT_KEY).execute();
    c.sqlite.prepare("delete from vacancies_fts where rowid = ?").run(vacancy.id);
    expect(await found()).not.toContain(vacancy.id);

    const rebuilt = await rebuildSearchIndexesIfAsked(c.db);
    expect(rebuilt?.vacancies).toBeGreaterThan(0);
    expect(await found()).toContain(vacancy.id);
    const stored = await c.db.selectFrom("settings").select("value").where("key", "=", FINGERPRINT_KEY).executeTakeFirstOrThrow();
    expect(stored.value).toBe(currentSearchFingerprint());

    // Indexes built before fingerprints were kept have none: they are rebuilt too.
    await c.db.deleteFrom("settings").where("key", "=", FINGERPRINT_KEY).execute();
    expect(await rebuildSearchIndexesIfAsked(c.db)).not.toBeNull();
  });
});
