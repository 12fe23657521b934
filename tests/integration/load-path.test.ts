// What the load budget's changes rest on (docs/decisions/073-load-budget.md): the profile save commits
// with its disk sync off the event loop and still lands whole; on a document request the root loader's
// catalog is rendered but not serialized into Remix's data stream, and a client-side navigation's
// `.data` still carries it.
import { sql } from "kysely";
import { encode } from "turbo-stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Connection } from "@db/connection";
import { durableOffTheLoop, walFileOf } from "@db/durable-commit";
import { pageCatalog } from "~/i18n/catalog.server";
import type { Messages } from "~/i18n/messages/en";
import { catalogJson, catalogOf } from "~/i18n/page-catalog";
import { saveBasics } from "~/models/profile.server";
import { closeTestDatabases, createTestDatabase } from "../support/db";
import { makeGraduate } from "../support/factories";
import { get } from "../support/remix";

const root = await import("~/root");

let c: Connection;
beforeEach(async () => {
  c = await createTestDatabase();
});
afterEach(() => closeTestDatabases());

async function streamText(value: unknown): Promise<string> {
  const reader = encode(value).getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { done, value: chunk } = await reader.read();
    if (done) return text + decoder.decode();
    text += decoder.decode(chunk, { stream: true });
  }
}

async function rootData(documentRequest: boolean | undefined) {
  const result = (await root.loader({
    request: get("/vacancies?lng=en"),
    params: {},
    context: { clientAddress: "127.0.0.1", cspNonce: "", documentRequest },
  })) as unknown as { data: { lang: string; messages?: Messages } };
  return result.data;
}

describe("the page catalog on a document request", () => {
  it("is rendered (readable) but not in the data stream; a .data request and a direct call carry it", async () => {
    const catalog = pageCatalog("en", null);
    const document = await rootData(true);
    expect(document.messages).toBe(catalog); // the server's render reads it
    expect(catalogOf(document)).toBe(catalog);
    expect(Object.keys(document)).not.toContain("messages");
    const streamed = await streamText(document);
    expect(streamed).toContain('"lang"');
    expect(streamed).not.toContain("brand.name");
    for (const asked of [false, undefined]) {
      const data = await rootData(asked);
      expect(Object.keys(data)).toContain("messages");
      expect(await streamText(data)).toContain("brand.name");
    }
  });

  it("inline JSON: the same catalog back, no '<' that could end the script, made once", () => {
    const catalog = pageCatalog("ky", null);
    const text = catalogJson(catalog);
    expect(text).not.toContain("<");
    expect(JSON.parse(text)).toEqual(catalog);
    expect(catalogJson(catalog)).toBe(text);
  });
});

describe("the profile save's commit off the event loop", () => {
  it("saves every field in one transaction, answers after the log's fsync, and leaves the connection at synchronous = FULL", async () => {
    const g = await makeGraduate(c, { account: true });
    const wal = walFileOf(c);
    expect(wal).toMatch(/-wal$/);
    const commit = durableOffTheLoop(c.db, wal);
    const input = {
      headline: "Load test 1",
      about: "Written by the test.",
      region_id: null,
      city: "Бишкек",
      willing_to_relocate: 0,
      remote_preference: null,
      available_from: null,
      contact_email: null,
      contact_phone: null,
      contact_telegram: null,
      visibility: "employers" as const,
    };
    await Promise.all([saveBasics(c.db, g.graduateId, input, commit), saveBasics(c.db, g.graduateId, { ...input, headline: "Load test 2" }, commit)]);
    const row = await c.db
      .selectFrom("graduates")
      .select(["headline", "city", "slug", "published_at"])
      .where("id", "=", g.graduateId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ headline: "Load test 2", city: "Бишкек" });
    expect(row.slug).toBeTruthy();
    expect(row.published_at).toBeTruthy();
    // The search row follows (reindexed inside the same transaction).
    const hits = await sql<{ rowid: number }>`select rowid from graduates_fts where graduates_fts match 'headline : "Load test 2"'`.execute(c.db);
    expect(hits.rows.map((r) => r.rowid)).toContain(g.graduateId);
    expect((await sql<{ synchronous: number }>`pragma synchronous`.execute(c.db)).rows).toEqual([{ synchronous: 2 }]);
    // A failing write commits nothing and still leaves FULL.
    await expect(
      commit(async (trx) => {
        await trx.updateTable("graduates").set({ headline: "half" }).where("id", "=", g.graduateId).execute();
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    expect((await c.db.selectFrom("graduates").select("headline").where("id", "=", g.graduateId).executeTakeFirstOrThrow()).headline).toBe("Load test 2");
    expect((await sql<{ synchronous: number }>`pragma synchronous`.execute(c.db)).rows).toEqual([{ synchronous: 2 }]);
  });
});
