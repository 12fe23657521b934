import { describe, expect, it } from "vitest";
import { normalizeSkillText } from "~/domain/skills/normalize";
import { safeRedirect } from "~/auth/safe-redirect";
import { slugify } from "~/domain/text/slugify";
import { CODE_ALPHABET, INVITATION_CODE_GROUPS, invitationCode, isShortInvitationCode, normalizeInvitationCode } from "~/auth/tokens.server";

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
    expect(normalizeInvitationCode("kg 7f3k 92qd m4xp")).toBe("KG-7F3K-92QD-M4XP");
    expect(normalizeInvitationCode("7F3K92QDM4XP")).toBe("KG-7F3K-92QD-M4XP");
  });
  it("makes three-group codes (about 59 bits, decision 078); only two-group ones count against the shared throttle", () => {
    const codes = Array.from({ length: 2000 }, invitationCode);
    for (const code of codes.slice(0, 20)) expect(code).toMatch(/^KG-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(Math.log2(CODE_ALPHABET.length ** (4 * INVITATION_CODE_GROUPS))).toBeGreaterThan(59);
    expect(isShortInvitationCode(normalizeInvitationCode("kg-7f3k-92qd"))).toBe(true);
    expect(isShortInvitationCode(normalizeInvitationCode(codes[0]!))).toBe(false);
    expect(isShortInvitationCode(normalizeInvitationCode("WRONG1"))).toBe(false);
  });
});
