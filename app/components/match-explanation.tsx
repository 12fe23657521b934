// A match explained: the one-line reason ("5 of 6 required skills; React missing; English B2;
// same city") and the full breakdown in a <details> (opens without JavaScript). Used from the
// employer's side (candidates) and the graduate's side (jobs for you).
import type { Components, Explanation, RequirementResult } from "~/domain/matching/score";
import { nextSteps, PRECISION, requiredTally, WEIGHTS } from "~/domain/matching/score";
import { sortByKyrgyzName } from "~/domain/search/kyrgyz-order";
import { formatDate, formatNumber } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { CEFR_OF_RANK as CEFR, LEVEL_OF_RANK as LEVELS } from "~/domain/skills/levels";
import { evidenceText, fromRanks } from "./skill-evidence";

type SkillNames = Record<number, { name_ky: string; name_ru: string; name_en: string }>;

function useLabels(skills: SkillNames) {
  const { t, lang } = useT();
  const skill = (id: number) => (skills[id] ? pick(skills[id]!, "name", lang) : `#${id}`);
  const language = (code: string) => {
    const key = `language.${code}`;
    const label = t(key as never);
    return label === key ? code : label;
  };
  const cefr = (rank: keyof typeof CEFR) => (CEFR[rank] === "native" ? t("languages.native") : CEFR[rank]);
  return { t, lang, skill, language, cefr };
}

/** The one line under a name or a vacancy title. */
export function MatchReason({ explanation: e, skills, city }: { explanation: Explanation; skills: SkillNames; city?: string | null }) {
  const { t, lang, skill, language, cefr } = useLabels(skills);
  const parts: string[] = [];
  // A skill held below the asked level counts in part, as the score counts it (requiredTally, issue 14 item 7).
  const tally = requiredTally(e);
  // In the order of the names shown (docs/decisions/050-skill-chips-order.md).
  const names = (unordered: number[]) => {
    const ids = sortByKyrgyzName(unordered, skill);
    return ids.length > 2 ? `${ids.slice(0, 2).map(skill).join(", ")} …` : ids.map(skill).join(", ");
  };
  if (!tally.count) parts.push(t("match.reason.noRequired"));
  else if (tally.partly.length) parts.push(t("match.reason.requiredPartly", { met: tally.met, count: tally.count, partly: tally.partly.length }));
  else parts.push(t("match.reason.required", { met: tally.met, count: tally.count }));
  if (tally.partly.length) parts.push(t("match.reason.below", { skills: names(tally.partly) }));
  if (tally.missing.length) parts.push(t("match.reason.missing", { skills: names(tally.missing) }));
  for (const l of e.languages) {
    parts.push(
      // "Kyrgyz (native)", not "Kyrgyz Native": the level's label is a word there, not a CEFR code.
      l.have
        ? CEFR[l.have] === "native"
          ? t("match.reason.languageNative", { language: language(l.language) })
          : t("match.reason.language", { language: language(l.language), level: cefr(l.have) })
        : t("match.reason.languageMissing", { language: language(l.language) }),
    );
  }
  const place = t(`match.place.${e.place.kind}`);
  parts.push(e.place.kind === "same-city" && city ? city : place);
  if (e.place.prefersRemote) parts.push(t("match.place.prefersRemote"));
  parts.push(e.availability.kind === "now" ? t("match.availability.now") : t("match.availability.from", { date: formatDate(lang, e.availability.from!) }));
  return <p className="match-reason">{parts.join("; ")}</p>;
}

export function ScoreBadge({ score }: { score: number }) {
  const { t } = useT();
  const tone = score >= 75 ? "pill--ok" : score >= 50 ? "" : "pill--warn";
  return (
    <span className={`pill match-score ${tone}`} title={t("match.scoreLabel")}>
      <span className="visually-hidden">{t("match.scoreLabel")}: </span>
      {t("match.score", { score })}
    </span>
  );
}

const points = (lang: Parameters<typeof formatNumber>[0], exact: number) => formatNumber(lang, Math.round(exact / (PRECISION / 10)) / 10);

/** The full explanation: every component's points and every requirement's status. */
export function MatchDetails({ explanation: e, skills }: { explanation: Explanation; skills: SkillNames }) {
  const { t, lang, skill, language, cefr } = useLabels(skills);
  const row = (part: keyof Components, label: string) => (
    <tr key={part}>
      <th scope="row">{label}</th>
      <td>{t("match.points", { points: points(lang, e.components[part]), max: WEIGHTS[part] })}</td>
    </tr>
  );
  // Requirements in the order of the names shown (docs/decisions/050-skill-chips-order.md).
  const byName = (list: RequirementResult[]) => sortByKyrgyzName(list, (r) => skill(r.skillId));
  const requirement = (r: RequirementResult) => {
    let detail: string;
    // Every (level, evidence) pair the graduate has: "basic ✓ verified; intermediate, self-declared".
    if (r.status === "met") detail = evidenceText(t, fromRanks(r.claims));
    else if (r.status === "below-level")
      detail = t("match.req.below-level", { level: evidenceText(t, fromRanks(r.claims)), min: t(`skills.level.${LEVELS[r.minLevel]}`) });
    else if (r.status === "related") detail = t("match.req.related", { skill: skill(r.viaSkillId!) });
    else detail = t("match.req.missing");
    return (
      <li key={r.skillId} className={`req req--${r.status}`}>
        <span className="req-mark" aria-hidden="true">
          {r.status === "met" ? "✓" : r.status === "missing" ? "✗" : "~"}
        </span>{" "}
        <strong>{skill(r.skillId)}</strong> <span className="visually-hidden">({t(`match.status.${r.status}`)})</span>— {detail}
      </li>
    );
  };
  return (
    <details className="match-details">
      <summary>{t("match.why")}</summary>
      <div className="match-grid">
        <section>
          <h4>{t("match.part.required")}</h4>
          {e.required.length ? <ul className="req-list">{byName(e.required).map(requirement)}</ul> : <p className="small muted">{t("match.noSkills")}</p>}
          {e.niceToHave.length ? (
            <>
              <h4>{t("match.part.niceToHave")}</h4>
              <ul className="req-list">{byName(e.niceToHave).map(requirement)}</ul>
            </>
          ) : null}
          <h4>{t("match.part.languages")}</h4>
          {e.languages.length ? (
            <ul className="req-list">
              {e.languages.map((l) => (
                <li key={l.language} className={`req req--${l.status === "met" ? "met" : l.status === "below" ? "below-level" : "missing"}`}>
                  <strong>{language(l.language)}</strong> — {t(`match.lang.${l.status}`, { have: l.have ? cefr(l.have) : "", min: cefr(l.minLevel) })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="small muted">{t("match.noLanguages")}</p>
          )}
          <p className="small">
            {t(`match.place.${e.place.kind}`)}
            {e.place.prefersRemote ? `; ${t("match.place.prefersRemote")}` : ""} ·{" "}
            {e.availability.kind === "now" ? t("match.availability.now") : t("match.availability.from", { date: formatDate(lang, e.availability.from!) })} ·{" "}
            {t("match.modulesEvidence", { n: e.modulesCompleted, verified: e.modulesVerified, self: e.modulesCompleted - e.modulesVerified })} ·{" "}
            {t(`match.certificate.${e.certificate}`)}
          </p>
        </section>
        <table className="match-parts">
          <caption>{t("match.parts")}</caption>
          <tbody>
            {row("required", t("match.part.required"))}
            {row("niceToHave", t("match.part.niceToHave"))}
            {row("languages", t("match.part.languages"))}
            {row("place", t("match.part.place"))}
            {row("availability", t("match.part.availability"))}
            {row("modules", t("match.part.modules"))}
            {row("certificate", t("match.part.certificate"))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("match.part.total")}</th>
              <td>{t("match.points", { points: points(lang, e.total), max: 100 })}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </details>
  );
}

/** "Learn next" for the graduate: the skills that raise this score most; one held below its level is to be raised (nextSteps). */
export function LearnNext({ explanation: e, skills }: { explanation: Explanation; skills: SkillNames }) {
  const { t, skill } = useLabels(skills);
  const steps = nextSteps(e).slice(0, 3);
  if (!steps.length) return null;
  const what = (s: (typeof steps)[number]) => (s.kind === "raise" ? t(`match.learn.raise.${LEVELS[s.level]}`, { skill: skill(s.skillId) }) : skill(s.skillId));
  return (
    <p className="small learn-next">
      <strong>{t("match.learn")}:</strong> {steps.map((s) => t("match.learnItem", { skill: what(s), score: s.scoreAfter })).join(" · ")}
    </p>
  );
}
