// probe-ux: the one-line reason under a name or a job (/me/jobs, the employer's dashboard and
// candidates) read «Кыргызский Родной», «Кыргыз тили Эне тили», "Kyrgyz Native": a CEFR code
// follows a language's name bare ("English B2"), but the native level is a word and needs its own
// phrasing. Rendered with the real component, the real matcher and the real catalogs.
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { explainMatch, prepareVacancy, rankingDay, type CandidateFacts } from "~/domain/matching/score";
import { LANGS } from "~/i18n/negotiate";
import { renderPage } from "../support/remix-react-stub";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));

const { MatchReason } = await import("~/components/match-explanation");

const graduate: CandidateFacts = {
  id: 1,
  skills: new Map(),
  languages: new Map([
    ["ky", 7],
    ["en", 4],
  ]),
  place: { regionId: 1, city: "бишкек" },
  willingToRelocate: false,
  remotePreference: null,
  availableFrom: null,
  modulesCompleted: 0,
  modulesVerified: 0,
  certificate: "none",
};
const explanation = explainMatch(
  graduate,
  prepareVacancy(
    {
      id: 2,
      skills: [],
      languages: [
        { language: "ky", minLevel: 4 },
        { language: "en", minLevel: 3 },
      ],
      workMode: "remote",
      place: { regionId: 1, city: "бишкек" },
    },
    () => [],
  ),
  rankingDay("2026-11-30"),
);
const text = (html: string) => html.replace(/<!-- -->/g, "").replace(/<[^>]+>/g, "");

const EXPECTED = {
  en: ["English B2", "Kyrgyz (native)"],
  ru: ["Английский B2", "Кыргызский (родной)"],
  ky: ["Англис тили B2", "Кыргыз тили (эне тили)"],
} as const;

describe("the match's one-line reason names a native language in words that read", () => {
  for (const lang of LANGS) {
    it(lang, () => {
      const line = text(renderPage(lang, () => createElement(MatchReason, { explanation, skills: {} }), { loader: null }, /\bmatch\.[a-zA-Z-]+/));
      for (const part of EXPECTED[lang]) expect(line).toContain(part);
      // The native level's label never follows a language's name with no mark between them.
      expect(line).not.toMatch(/(Kyrgyz|Кыргызский|Кыргыз тили) (Native|Родной|Эне тили)/);
    });
  }
});
