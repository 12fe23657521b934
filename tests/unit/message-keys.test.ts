// Message keys built from stored or typed values (docs/decisions/041-linter-and-formatter.md):
// the translator's run-time check, and the helpers that replaced the `as MessageKey` casts.
import { describe, expect, it } from "vitest";
import { isCodeMeasure, measureCode } from "~/domain/outcomes/dashboard";
import { languageName } from "~/domain/profile/options";
import { en } from "~/i18n/messages/en";
import { ru } from "~/i18n/messages/ru";
import { makeT } from "~/i18n/translate";

describe("message keys built at run time", () => {
  it("t.has knows the catalog's keys and nothing else", () => {
    const t = makeT(en, "en");
    expect(t.has("notify.application-received")).toBe(true);
    expect(t.has("notify.no-such-kind")).toBe(false);
    expect(t.has("toString")).toBe(false);
  });

  it("languageName names a known language in the reader's language and leaves an unknown code as it is", () => {
    expect(languageName(makeT(ru, "ru"), "ky")).toBe(ru["language.ky"]);
    expect(languageName(makeT(en, "en"), "en")).toBe("English");
    expect(languageName(makeT(en, "en"), "xx")).toBe("xx");
  });

  it("a code measure is labelled by its outcome code, the others by their own key", () => {
    expect(isCodeMeasure("code_not_seeking")).toBe(true);
    expect(measureCode("code_not_seeking")).toBe("not_seeking");
    expect(isCodeMeasure("employed")).toBe(false);
  });
});
