import { describe, expect, it } from "vitest";
import { normalizeSkillText } from "~/domain/skills/normalize";
import { safeRedirect } from "~/auth/safe-redirect";
import { slugify } from "~/domain/text/slugify";
import { normalizeInvitationCode } from "~/auth/tokens.server";

describe("normalizeSkillText", () => {
  it("ignores case, spacing and punctuation", () => {
    expect(normalizeSkillText("Node.js")).toBe(normalizeSkillText("NODE JS"));
    expect(normalizeSkillText("node-js")).toBe("nodejs");
  });
  it("treats ё as е and ignores accents, but keeps й", () => {
    expect(normalizeSkillText("Вёрстка")).toBe(normalizeSkillText("верстка"));
    expect(normalizeSkillText("Café")).toBe("cafe");
    expect(normalizeSkillText("Йод")).toBe("йод");
  });
  it("keeps C, C++ and C# apart", () => {
    const keys = ["C", "C++", "C#"].map(normalizeSkillText);
    expect(new Set(keys).size).toBe(3);
  });
  it("reads a Latin word typed with Cyrillic look-alike letters as Latin", () => {
    expect(normalizeSkillText("С++")).toBe("c++"); // Cyrillic С
    expect(normalizeSkillText("Рython")).toBe("python"); // Cyrillic Р
    expect(normalizeSkillText("Вёрстка HTML")).toBe("версткаhtml"); // a Cyrillic word stays Cyrillic
  });
  it("keeps Kyrgyz letters", () => {
    expect(normalizeSkillText("Командада иштөө")).toBe("командадаиштөө");
  });
});

describe("safeRedirect", () => {
  it("allows same-site paths only", () => {
    expect(safeRedirect("/account?tab=1")).toBe("/account?tab=1");
    for (const bad of ["//evil.example", "https://evil.example", "/\\evil.example", "javascript:alert(1)", "", null, "/ok\n"]) {
      expect(safeRedirect(bad, "/home")).toBe("/home");
    }
  });
});

describe("slugify and invitation codes", () => {
  it("transliterates Kyrgyz and Russian names", () => {
    expect(slugify("Ала-Тоо Софт")).toBe("ala-too-soft");
    expect(slugify("Өрнөк Үй Ңы")).toBe("ornok-uy-ngy");
    expect(slugify("!!!")).toBe("");
  });
  it("accepts codes typed in lower case, with spaces or without dashes", () => {
    expect(normalizeInvitationCode("kg 7f3k 92qd")).toBe("KG-7F3K-92QD");
    expect(normalizeInvitationCode("7F3K92QD")).toBe("KG-7F3K-92QD");
  });
});
