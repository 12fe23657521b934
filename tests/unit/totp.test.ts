// Two-step codes (docs/decisions/066-two-step-sign-in.md): the library against RFC 6238's own test
// vectors (Appendix B, SHA-1), then the portal's 6-digit settings, its ±1-step window and the grace rule.
import { HOTP, Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { graceDeadline, normalizeRecoveryCode, twoStepRequirement } from "~/domain/two-step/policy";
import { codeAt, groupedSecret, matchingStep, newTotpSecret, stepAt, totpUri } from "~/domain/two-step/totp";

// RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const RFC_SECRET = Secret.fromLatin1("12345678901234567890");
const RFC_SHA1 = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
] as const;

describe("RFC 6238 test vectors (SHA-1, 8 digits)", () => {
  it("otpauth reproduces every row of the RFC's table", () => {
    for (const [seconds, code] of RFC_SHA1) {
      expect(TOTP.generate({ secret: RFC_SECRET, algorithm: "SHA1", digits: 8, period: 30, timestamp: seconds * 1000 }), `T=${seconds}`).toBe(code);
    }
  });

  it("and with 6 digits gives the last six of the same code (RFC 4226 truncation), as the portal uses", () => {
    const base32 = RFC_SECRET.base32;
    for (const [seconds, code] of RFC_SHA1) expect(codeAt(base32, new Date(seconds * 1000))).toBe(code.slice(-6));
    // The HOTP of the counter T/30 is the same number: the code is a function of the time step only.
    expect(HOTP.generate({ secret: RFC_SECRET, digits: 8, counter: Math.floor(59 / 30) })).toBe("94287082");
  });
});

describe("the portal's codes", () => {
  const secret = Secret.fromLatin1("12345678901234567890").base32;
  const now = new Date(1111111111 * 1000);

  it("accept the current step and one step either side, and say which step matched", () => {
    const step = stepAt(now);
    expect(matchingStep(secret, codeAt(secret, now), now)).toBe(step);
    expect(matchingStep(secret, codeAt(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(matchingStep(secret, codeAt(secret, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
    expect(matchingStep(secret, codeAt(secret, new Date(now.getTime() - 60_000)), now)).toBeNull();
    expect(matchingStep(secret, codeAt(secret, new Date(now.getTime() + 90_000)), now)).toBeNull();
  });

  it("read a code typed with spaces or a dash, and refuse anything that is not six digits", () => {
    const code = codeAt(secret, now);
    expect(matchingStep(secret, `${code.slice(0, 3)} ${code.slice(3)}`, now)).toBe(stepAt(now));
    expect(matchingStep(secret, `${code.slice(0, 3)}-${code.slice(3)}`, now)).toBe(stepAt(now));
    for (const wrong of ["", "12345", "1234567", "abcdef", `${code}0`]) expect(matchingStep(secret, wrong, now)).toBeNull();
  });

  it("make 160-bit secrets, shown in groups of four, in an otpauth address with the portal's issuer", () => {
    const fresh = newTotpSecret();
    expect(fresh).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(fresh);
    expect(groupedSecret("ABCDEFGHIJKLMNOP")).toBe("ABCD EFGH IJKL MNOP");
    const uri = new URL(totpUri(fresh, "officer@school.kg"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("issuer")).toBe("IT Cluster Careers");
    expect(uri.searchParams.get("secret")).toBe(fresh);
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
    expect(uri.searchParams.get("algorithm")).toBe("SHA1");
  });
});

describe("who must use it, and from when", () => {
  const policy = { graceDays: 14, since: "2026-11-01T00:00:00.000Z" };
  const staff = { role: "staff" as const, createdAt: "2026-10-01T00:00:00.000Z", enabled: false, demo: false };

  it("counts the grace period from the later of the account's creation and the rule's start", () => {
    expect(graceDeadline(staff.createdAt, policy).toISOString()).toBe("2026-11-15T00:00:00.000Z");
    expect(graceDeadline("2026-11-20T08:00:00.000Z", policy).toISOString()).toBe("2026-12-04T08:00:00.000Z");
  });

  it("reminds with the days left, then requires; on, optional and demo accounts are never required", () => {
    expect(twoStepRequirement(staff, policy, new Date("2026-11-04T12:00:00Z"))).toEqual({ kind: "grace", daysLeft: 11, deadline: "2026-11-15T00:00:00.000Z" });
    expect(twoStepRequirement(staff, policy, new Date("2026-11-14T23:59:00Z"))).toMatchObject({ kind: "grace", daysLeft: 1 });
    expect(twoStepRequirement(staff, policy, new Date("2026-11-15T00:00:00Z"))).toEqual({ kind: "required" });
    expect(twoStepRequirement({ ...staff, role: "admin" }, policy, new Date("2026-12-01T00:00:00Z"))).toEqual({ kind: "required" });
    expect(twoStepRequirement({ ...staff, enabled: true }, policy, new Date("2026-12-01T00:00:00Z"))).toEqual({ kind: "on" });
    expect(twoStepRequirement({ ...staff, demo: true }, policy, new Date("2026-12-01T00:00:00Z"))).toEqual({ kind: "demo" });
    for (const role of ["graduate", "employer"] as const) {
      expect(twoStepRequirement({ ...staff, role }, policy, new Date("2026-12-01T00:00:00Z"))).toEqual({ kind: "optional" });
    }
    expect(twoStepRequirement(staff, { ...policy, graceDays: 0 }, new Date("2026-11-01T00:00:01Z"))).toEqual({ kind: "required" });
  });

  it("reads recovery codes however they are typed", () => {
    expect(normalizeRecoveryCode(" abcd-efgh jkmn ")).toBe("ABCDEFGHJKMN");
  });
});
