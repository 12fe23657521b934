// Issue 14, item 13: a profile with no start date reads "Available now" on its public page, so the
// completeness meter must not ask for a start date (the two would contradict each other).
import { describe, expect, it } from "vitest";
import { profileCompleteness, type ProfileFacts } from "~/domain/profile/completeness";

const full: ProfileFacts = {
  hasPhoto: true,
  headline: "Junior QA",
  about: "x".repeat(100),
  hasPlace: true,
  availableFrom: null,
  englishLevel: "B1",
  languageCount: 2,
  skillCount: 5,
  moduleCount: 3,
  hasCertificate: true,
  projectCount: 1,
  hasContact: true,
  visible: true,
};

describe("the completeness meter", () => {
  it("does not ask an 'Available now' profile for a start date", () => {
    expect(profileCompleteness(full)).toEqual({ percent: 100, missing: [] });
    expect(profileCompleteness({ ...full, availableFrom: "2026-09-01" })).toEqual({ percent: 100, missing: [] });
  });

  it("still lists what is really missing", () => {
    expect(profileCompleteness({ ...full, hasPhoto: false, skillCount: 2 }).missing).toEqual(["photo", "skills"]);
  });
});
