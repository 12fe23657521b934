// The stored copy of an application is read through a versioned schema (docs/decisions/007):
// the current shape exactly, older shapes for what they hold, garbage as "unreadable" — never a throw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ApplicationSnapshot, ApplicationSnapshotSchema, parseSnapshot, serializeSnapshot, SNAPSHOT_VERSION } from "~/domain/applications/snapshot";

const school = { name_ky: "№87 кесиптик лицей", name_ru: "Профессиональный лицей №87", name_en: "Professional Lyceum No. 87" };
const current: ApplicationSnapshot = {
  version: SNAPSHOT_VERSION,
  takenAt: "2026-11-20T06:00:00.000Z",
  graduate: {
    name: "Айпери Жумабекова",
    slug: "ayperi-zhumabekova",
    headline: "Junior frontend",
    about: null,
    city: "Нарын",
    school,
    graduationDate: "2025-06-30",
    englishLevel: "B2",
    modulesCompleted: 12,
    modulesTotal: 12,
    certificate: { number: "ISDEL-KG-20417", date: "2025-06-10", verified: true },
    contacts: { email: "aiperi@mail.kg", phone: null, telegram: "@aiperi_dev" },
  },
  skills: [{ id: 3, name_ky: "JavaScript", name_ru: "JavaScript", name_en: "JavaScript", level: "intermediate", evidence: "module" }],
  languages: [{ language: "ky", level: "native" }],
  projects: [
    {
      id: 7,
      title: "Сайт гостевого дома",
      summary: null,
      description: null,
      role: null,
      repo_url: null,
      demo_url: null,
      started_on: "2025-01",
      finished_on: null,
      skills: [],
      images: [],
    },
  ],
};

describe("parseSnapshot", () => {
  it("reads the current shape exactly, as version 2", () => {
    expect(parseSnapshot(serializeSnapshot(current))).toEqual(current);
  });

  it("reads the apply form's shape from before versions (no version field, no contacts) as version 1 with what it has", () => {
    const {
      version: _,
      graduate: { contacts: __, ...graduate },
      ...rest
    } = current;
    const view = parseSnapshot(JSON.stringify({ ...rest, graduate }));
    expect(view).not.toBe("unreadable");
    if (!view || view === "unreadable") return;
    expect(view.version).toBe(1);
    expect(view.graduate.name).toBe("Айпери Жумабекова");
    expect(view.graduate.school).toEqual(school);
    expect(view.graduate.contacts).toBeNull();
    expect(view.skills).toEqual(current.skills);
    expect(view.projects).toEqual(current.projects);
    expect(view.takenAt).toBe(current.takenAt);
  });

  it("reads the first demo generator's shape { name, headline, sentAt }", () => {
    const view = parseSnapshot(JSON.stringify({ name: "Бакыт Токтогулов", headline: null, sentAt: "2025-03-01T09:00:00.000Z" }));
    expect(view).toEqual({
      version: 1,
      takenAt: "2025-03-01T09:00:00.000Z",
      graduate: {
        name: "Бакыт Токтогулов",
        slug: null,
        headline: null,
        about: null,
        city: null,
        school: null,
        graduationDate: null,
        englishLevel: null,
        modulesCompleted: null,
        modulesTotal: null,
        certificate: null,
        contacts: null,
      },
      skills: [],
      languages: [],
      projects: [],
    });
  });

  it("keeps the readable parts of a damaged copy and drops the rest", () => {
    const damaged = {
      ...current,
      version: 2,
      graduate: { ...current.graduate, school: "Лицей", modulesCompleted: "12" },
      skills: [current.skills[0], { id: "x" }, null],
      languages: "ky",
      takenAt: "yesterday",
    };
    const view = parseSnapshot(JSON.stringify(damaged));
    if (!view || view === "unreadable") throw new Error("expected a view");
    expect(view.version).toBe(1);
    expect(view.takenAt).toBeNull();
    expect(view.graduate.school).toBeNull();
    expect(view.graduate.modulesCompleted).toBeNull();
    expect(view.graduate.name).toBe("Айпери Жумабекова");
    expect(view.skills).toEqual(current.skills);
    expect(view.languages).toEqual([]);
  });

  it("says 'unreadable' for text that is no copy, and null for no copy", () => {
    expect(parseSnapshot(null)).toBeNull();
    for (const garbage of ["", "{", "null", "42", '"text"', "[1,2]", "true"]) expect(parseSnapshot(garbage), garbage).toBe("unreadable");
  });

  it("never throws, whatever the stored text", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ graduate: v, skills: v, projects: v, takenAt: v })),
        ),
        (text) => {
          const view = parseSnapshot(text);
          expect(view === "unreadable" || (view !== null && typeof view === "object")).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("refuses to store a copy that is not in the current shape", () => {
    expect(() => serializeSnapshot({ ...current, graduate: { ...current.graduate, name: "" } })).toThrow();
    expect(ApplicationSnapshotSchema.safeParse({ name: "x", sentAt: "2025-03-01T09:00:00.000Z" }).success).toBe(false);
  });
});
