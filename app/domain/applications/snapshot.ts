// The copy of what a graduate sent with an application (applications.snapshot_json), as a
// versioned zod schema: the apply action writes the current version through it, the demo
// generator too, and every reader parses stored text with parseSnapshot, which reads an older
// or damaged copy for what it holds instead of crashing the page (docs/decisions/007).
import { z } from "zod";
import type { CefrLevel, SkillLevel, SkillSource } from "@db/schema";
import { LANGUAGE_CODES } from "~/domain/profile/options";

export const SNAPSHOT_VERSION = 2;

const LEVELS = ["basic", "intermediate", "advanced"] as const satisfies readonly SkillLevel[];
const SOURCES = ["self", "portfolio", "module", "staff"] as const satisfies readonly SkillSource[];
const CEFR = ["A1", "A2", "B1", "B2", "C1", "C2", "native"] as const satisfies readonly CefrLevel[];

const text = z.string().nullable();
const named = { name_ky: z.string(), name_ru: z.string(), name_en: z.string() };

const EvidencePairSchema = z.object({ level: z.enum(LEVELS), evidence: z.enum(SOURCES) });
/** `pairs`: every (level, evidence) pair (docs/decisions/022); copies taken before it lack them. */
const SnapshotSkill = z.object({
  id: z.number().int(),
  ...named,
  level: z.enum(LEVELS),
  evidence: z.enum(SOURCES),
  pairs: z.array(EvidencePairSchema).optional(),
});
const SnapshotLanguage = z.object({ language: z.enum(LANGUAGE_CODES), level: z.enum(CEFR) });
const SnapshotProject = z.object({
  id: z.number().int(),
  title: z.string().min(1),
  summary: text,
  description: text,
  role: text,
  repo_url: text,
  demo_url: text,
  started_on: text,
  finished_on: text,
  skills: z.array(z.object({ id: z.number().int(), ...named })),
  images: z.array(z.object({ file_name: z.string().min(1), alt: z.string(), width: z.number().positive(), height: z.number().positive() })),
});

/** The shape written since version 2 (every field present; what the apply action stores). */
export const ApplicationSnapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  takenAt: z.iso.datetime(),
  graduate: z.object({
    name: z.string().min(1),
    slug: text,
    headline: text,
    about: text,
    city: text,
    school: z.object(named),
    graduationDate: z.iso.date(),
    englishLevel: z.enum(CEFR).nullable(),
    modulesCompleted: z.number().int().min(0),
    modulesTotal: z.number().int().min(0),
    certificate: z.object({ number: z.string().min(1), date: text, verified: z.boolean() }).nullable(),
    /** Applying shares the contact details with that company (they are never public). */
    contacts: z.object({ email: text, phone: text, telegram: text }),
  }),
  skills: z.array(SnapshotSkill),
  languages: z.array(SnapshotLanguage),
  projects: z.array(SnapshotProject),
});

export type ApplicationSnapshot = z.infer<typeof ApplicationSnapshotSchema>;

/** What a page can show of a stored copy: any part an older or damaged copy lacks is null or empty. */
export type SnapshotView = {
  /** 2 for a copy in the current shape, 1 for a copy from before versions (or one read field by field). */
  version: 1 | 2;
  takenAt: string | null;
  graduate: {
    name: string | null;
    slug: string | null;
    headline: string | null;
    about: string | null;
    city: string | null;
    school: { name_ky: string; name_ru: string; name_en: string } | null;
    graduationDate: string | null;
    englishLevel: CefrLevel | null;
    modulesCompleted: number | null;
    modulesTotal: number | null;
    certificate: { number: string; date: string | null; verified: boolean } | null;
    contacts: { email: string | null; phone: string | null; telegram: string | null } | null;
  };
  skills: ApplicationSnapshot["skills"];
  languages: ApplicationSnapshot["languages"];
  projects: ApplicationSnapshot["projects"];
};

// Version 1: no `version` field. Two shapes were written: the apply form's (graduate, takenAt,
// skills, languages, projects) and the first demo generator's ({ name, headline, sentAt }).
// Every field is optional and a field of the wrong type reads as missing.
const maybe = <T extends z.ZodType>(schema: T) => schema.nullable().optional().catch(null);
const maybeText = maybe(z.string());
const someOf = <T extends z.ZodType>(item: T) =>
  z
    .array(z.unknown())
    .catch([])
    .transform((items) =>
      items.flatMap((i) => {
        const r = item.safeParse(i);
        return r.success ? [r.data as z.infer<T>] : [];
      }),
    );
const LenientSnapshot = z.object({
  takenAt: maybeText,
  sentAt: maybeText,
  name: maybeText,
  headline: maybeText,
  graduate: maybe(
    z.object({
      name: maybeText,
      slug: maybeText,
      headline: maybeText,
      about: maybeText,
      city: maybeText,
      school: maybe(z.object(named)),
      graduationDate: maybeText,
      englishLevel: maybe(z.enum(CEFR)),
      modulesCompleted: maybe(z.number().int().min(0)),
      modulesTotal: maybe(z.number().int().min(0)),
      certificate: maybe(z.object({ number: z.string().min(1), date: maybeText, verified: z.boolean().catch(false) })),
      contacts: maybe(z.object({ email: maybeText, phone: maybeText, telegram: maybeText })),
    }),
  ),
  skills: someOf(SnapshotSkill),
  languages: someOf(SnapshotLanguage),
  projects: someOf(SnapshotProject),
});

const nul = <T>(v: T | null | undefined): T | null => v ?? null;
const validTime = (v: string | null | undefined) => (v && !Number.isNaN(Date.parse(v)) ? v : null);

/**
 * Reads a stored copy. null = nothing was sent (an invitation, or a copy forgotten with the
 * account); "unreadable" = text that is no copy at all. Never throws.
 */
export function parseSnapshot(json: string | null): SnapshotView | "unreadable" | null {
  if (json === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return "unreadable";
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return "unreadable";
  const current = ApplicationSnapshotSchema.safeParse(raw);
  if (current.success) return { ...current.data, version: SNAPSHOT_VERSION };
  const old = LenientSnapshot.safeParse(raw);
  if (!old.success) return "unreadable";
  const o = old.data;
  const g = o.graduate ?? {};
  return {
    version: 1,
    takenAt: validTime(o.takenAt) ?? validTime(o.sentAt),
    graduate: {
      name: nul(g.name) ?? nul(o.name),
      slug: nul(g.slug),
      headline: nul(g.headline) ?? nul(o.headline),
      about: nul(g.about),
      city: nul(g.city),
      school: nul(g.school),
      graduationDate: validTime(g.graduationDate),
      englishLevel: nul(g.englishLevel),
      modulesCompleted: nul(g.modulesCompleted),
      modulesTotal: nul(g.modulesTotal),
      certificate: g.certificate ? { number: g.certificate.number, date: nul(g.certificate.date), verified: g.certificate.verified } : null,
      contacts: g.contacts ? { email: nul(g.contacts.email), phone: nul(g.contacts.phone), telegram: nul(g.contacts.telegram) } : null,
    },
    skills: o.skills,
    languages: o.languages,
    projects: o.projects,
  };
}

/** The text to store: the copy checked against the current schema (a writer's bug fails loudly, before it is stored). */
export function serializeSnapshot(snapshot: ApplicationSnapshot): string {
  return JSON.stringify(ApplicationSnapshotSchema.parse(snapshot));
}
