// Issue 14 item 24: every counted message rendered with 0, 1, 2, 5, 11 and 21, and every dated
// message with a date in each month, in each language, equals the reviewed text in
// tests/unit/i18n-expectations/expectations.json. A catalog edit that breaks a case ending or a
// plural shows here as a changed line; a new counted or dated message must be added and reviewed
// (regenerate with `npx tsx tests/unit/i18n-expectations/generate.ts` and read the diff).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COUNTS, countedKeys, datedKeys, MONTHS, renderAll } from "./i18n-expectations/render";

const reviewed = JSON.parse(readFileSync(new URL("./i18n-expectations/expectations.json", import.meta.url), "utf8")) as Record<string, string>;

describe("counted and dated messages match their reviewed renderings", () => {
  const actual = renderAll();

  it("cover the messages that count and the messages that carry a date", () => {
    expect(countedKeys()).toEqual(
      expect.arrayContaining(["notifications.navUnread", "notify.saved-search-hits", "match.reason.required", "outcomes.dashboard.summary", "home.numbers"]),
    );
    expect(datedKeys()).toEqual(expect.arrayContaining(["companies.invite.statusOpen", "public.available", "portfolio.card.since", "vacancies.deadlineOn"]));
    expect(Object.keys(actual).length).toBe((countedKeys().length * COUNTS.length + datedKeys().length * MONTHS.length) * 3);
  });

  it("every rendering is the reviewed one, and nothing reviewed has gone", () => {
    const changed = Object.keys(actual)
      .filter((k) => reviewed[k] !== actual[k])
      .map((k) => ({ key: k, reviewed: reviewed[k] ?? "(not reviewed yet)", now: actual[k] }));
    const gone = Object.keys(reviewed).filter((k) => !(k in actual));
    expect(changed).toEqual([]);
    expect(gone).toEqual([]);
  });

  it("spot checks a native reader made", () => {
    expect(reviewed["ky companies.invite.statusOpen month=03"]).toBe("2026-ж., 6-мартка чейин жарактуу");
    expect(reviewed["ky portfolio.card.since month=08"]).toBe("2026-ж., августтан тартып");
    expect(reviewed["ru portfolio.card.since month=03"]).toBe("с марта 2026 г.");
    expect(reviewed["ru notifications.navUnread count=21"]).toBe("Уведомления (21 новое)");
    expect(reviewed["ru outcomes.dashboard.summary count=2"]).toBe("В базе на эту точку 2 выпускника (2 вместе с исключёнными).");
    expect(reviewed["en notify.saved-search-hits count=1"]).toBe("1 new vacancy for your saved search “<name>”.");
  });
});
