// The digests' pure rules (app/domain/messages/digest.ts, docs/decisions/053-message-preferences-and-digests.md):
// DIGEST_HOUR, when a daily job is due in Bishkek time, a digest's lines in the reader's words, and
// a Telegram digest that would pass Telegram's 4096 characters.
import { describe, expect, it } from "vitest";
import { loadConfig } from "~/config.server";
import { dailyJobDue, decodeItems, digestLines, encodeItems, MAX_DIGEST_ITEMS } from "~/domain/messages/digest";
import { composeTelegram, TELEGRAM } from "~/domain/messages/telegram";
import { serverT } from "~/i18n/catalog.server";

const base = { DATA_DIR: "/tmp/portal-config-test", SESSION_SECRET: "x".repeat(40) };

describe("DIGEST_HOUR", () => {
  it("is 8 by default, an hour 0–23, or off; anything else stops the start naming the variable", () => {
    expect(loadConfig(base).digestHour).toBe(8);
    expect(loadConfig({ ...base, DIGEST_HOUR: "0" }).digestHour).toBe(0);
    expect(loadConfig({ ...base, DIGEST_HOUR: "23" }).digestHour).toBe(23);
    expect(loadConfig({ ...base, DIGEST_HOUR: "off" }).digestHour).toBeNull();
    for (const bad of ["24", "-1", "8.5", "eight", "08:00"]) expect(() => loadConfig({ ...base, DIGEST_HOUR: bad }), bad).toThrow(/DIGEST_HOUR/);
  });
});

describe("when a daily job is due", () => {
  it("from the set hour in Bishkek (UTC+6) to the end of the Bishkek day", () => {
    expect(dailyJobDue(new Date("2026-03-10T01:59:59Z"), 8)).toBe(false); // 07:59 in Bishkek
    expect(dailyJobDue(new Date("2026-03-10T02:00:00Z"), 8)).toBe(true); // 08:00
    expect(dailyJobDue(new Date("2026-03-10T17:59:59Z"), 8)).toBe(true); // 23:59
    expect(dailyJobDue(new Date("2026-03-10T18:00:00Z"), 8)).toBe(false); // 00:00 the next day
    expect(dailyJobDue(new Date("2026-03-10T18:00:00Z"), 0)).toBe(true);
  });
});

describe("a digest's lines", () => {
  it("are worded in the reader's language with absolute links; past the limit, one '… and N more' line", () => {
    const items = Array.from({ length: MAX_DIGEST_ITEMS + 3 }, (_, i) => ({
      key: "digest.applicationLine",
      vars: { graduate: `Айпери ${i}`, vacancy: "QA" },
      link: `/employer/applications/${i}`,
    }));
    const vars = { n: items.length, ...encodeItems(items) };
    const lines = digestLines(serverT("ru"), vars, "http://portal.test");
    expect(lines).toHaveLength(MAX_DIGEST_ITEMS + 1);
    expect(lines[0]).toEqual({ text: "Айпери 0 — «QA»", url: "http://portal.test/employer/applications/0" });
    expect(lines.at(-1)).toEqual({ text: "… и ещё 3 на портале", url: null });
  });

  it("a damaged or foreign value gives no lines, never an error; an unknown key is left out", () => {
    expect(decodeItems({ items: "not json" })).toEqual([]);
    expect(decodeItems({ items: '{"key":"x"}' })).toEqual([]);
    expect(decodeItems({ n: 3 })).toEqual([]);
    const vars = {
      items: JSON.stringify([
        { key: "no.such.key", vars: {}, link: null },
        { key: "digest.staff.vacancies", vars: { n: 2 }, link: null },
      ]),
    };
    expect(digestLines(serverT("en"), vars, "http://portal.test")).toEqual([{ text: "Vacancies to review: 2", url: null }]);
  });

  it("a Telegram digest longer than Telegram allows drops its last lines and keeps the link back", () => {
    const items = Array.from({ length: MAX_DIGEST_ITEMS }, (_, i) => ({
      key: "digest.vacancyLine",
      vars: { title: `${"Очень длинное название вакансии ".repeat(4)}${i}`, company: "Ала-Тоо Софт", search: "Всё" },
      link: `/vacancies/${i}`,
    }));
    const text = composeTelegram(serverT("ru"), {
      kind: "saved-search-digest",
      vars: { n: items.length, ...encodeItems(items) },
      link: "/me/saved-searches",
      publicUrl: "http://portal.test",
    });
    expect(text.length).toBeLessThanOrEqual(TELEGRAM.maxText);
    expect(text).toContain("Новых вакансий по вашим сохранённым поискам: 30.");
    expect(text).toContain("http://portal.test/vacancies/0");
    expect(text).not.toContain("http://portal.test/vacancies/29");
    expect(text.endsWith("http://portal.test/me/saved-searches")).toBe(true);
  });
});
