// /graduates: the graduate directory for staff and verified employers (docs/product.md §3, §11).
// Every bit of state (search text, filters, order, page) lives in the query string, and the
// form is a plain GET form, so it works without JavaScript and any result can be linked.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Checkbox } from "~/components/checkbox";
import { filterId, flagParam, pageParam, searchText } from "~/utils/params";
import { requireUser } from "~/auth/require-user.server";
import { Field, Notice, Select, SubmitButton } from "~/components/form";
import { Marked, SearchNotes } from "~/components/search-results";
import { correctedSearchHref } from "~/domain/search/full-text";
import { searchPageResult } from "~/domain/search/page-result";
import { highlight, queryWordMatcher } from "~/domain/search/highlight";
import { Pager } from "~/components/pager";
import { fromSources, SkillEvidence } from "~/components/skill-evidence";
import { getDb } from "~/db.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { langOf } from "~/i18n/negotiate";
import { pick } from "~/i18n/pick";
import { namesOf, placeText } from "~/domain/place";
import { useT } from "~/i18n/use-t";
import { todayInBishkek } from "~/domain/calendar";
import { searchGraduates } from "~/models/directory.server";
import { DIRECTORY_SORTS } from "~/domain/directory/options";
import { listCohorts, listRegions, listSchools } from "~/models/reference.server";
import { viewerOf } from "~/auth/guards.server";
import { canUseDirectory } from "~/domain/visibility";
import { forbidden } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";
import { sortByShownName, sortOptions } from "~/domain/search/name-order";

/** Tolerant: a hand-edited or stale address shows the directory, never an error. */
const DirectoryParams = z.object({
  q: searchText(200),
  skill: searchText(100),
  school: filterId,
  region: filterId,
  cohort: filterId,
  available: flagParam,
  relocate: flagParam,
  sort: z.enum(DIRECTORY_SORTS).optional().catch(undefined),
  page: pageParam,
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const viewer = await viewerOf(request);
  if (!canUseDirectory(viewer)) forbidden();
  const db = getDb();
  const lang = langOf(request);
  const query = DirectoryParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [result, schools, regions, cohorts] = await Promise.all([
    searchGraduates(db, viewer, {
      q: query.q,
      skill: query.skill,
      schoolId: query.school,
      regionId: query.region,
      cohortId: query.cohort,
      availableNow: query.available,
      relocate: query.relocate,
      sort: query.sort,
      page: query.page,
    }),
    listSchools(db),
    listRegions(db),
    listCohorts(db),
  ]);
  // The selects are labelled here, in the reader's language only (a lighter page), in the Kyrgyz
  // alphabet, numbers by value: "лицей №6" before "лицей №14" (docs/decisions/046-small-list-search-and-kyrgyz-order.md).
  const year = (date: string) => date.slice(0, 4);
  // Schools in name order, each school's classes newest first (as listCohorts gives them).
  const cohortLabels = sortByShownName(
    [...cohorts].sort((a, b) => a.school_id - b.school_id || b.graduation_date.localeCompare(a.graduation_date)),
    lang,
  ).map((c) => {
    const sameYear = cohorts.filter((o) => o.school_id === c.school_id && year(o.graduation_date) === year(c.graduation_date)).length > 1;
    return { value: c.id, label: `${pick(c, "name", lang)} · ${sameYear ? formatDate(lang, c.graduation_date) : year(c.graduation_date)}` };
  });
  // What the search matched, marked in each name and headline (docs/product.md §14).
  const matches = query.q ? queryWordMatcher(query.q, result.alsoWords) : () => false;
  const cards = result.items.map((g) => ({
    id: g.id,
    slug: g.slug,
    nameParts: highlight(`${g.first_name} ${g.last_name}`, matches),
    headlineParts: g.headline ? highlight(g.headline, matches) : null,
    school_ky: g.school_ky,
    school_ru: g.school_ru,
    school_en: g.school_en,
    graduation_date: g.graduation_date,
    region_ky: g.region_ky,
    region_ru: g.region_ru,
    region_en: g.region_en,
    city: g.city,
    available_from: g.available_from,
    willing_to_relocate: g.willing_to_relocate,
    visibility: g.visibility,
    skills: g.skills,
    skill_count: g.skill_count,
  }));
  return {
    query,
    // The skill a text search named (the directory's own line).
    result: searchPageResult(cards, result, lang, { qSkill: result.qSkill ? pick(result.qSkill, "name", lang) : null }),
    suggestionHref: correctedSearchHref("/graduates", new URL(request.url).searchParams, result.suggestion),
    staff: viewer.kind === "staff",
    today: todayInBishkek(),
    schools: sortOptions(schools.map((s) => ({ value: s.id, label: pick(s, "name", lang) }))),
    regions: sortOptions(regions.map((r) => ({ value: r.id, label: pick(r, "name", lang) }))),
    cohorts: cohortLabels,
  };
}

const sameText = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

export const meta = titleMeta("directory.title", { private: true });

export default function GraduateDirectory() {
  const { t, lang } = useT();
  const { query, result, suggestionHref, staff, schools, regions, cohorts, today } = useLoaderData<typeof loader>();
  const moreFilters = Boolean(query.school || query.region || query.cohort || query.available || query.relocate);
  // "Best match" is always offered and is the default, so typing a search after browsing
  // still ranks by relevance; without search text it lists the most recent first.
  const sortOptions = DIRECTORY_SORTS.map((s) => ({ value: s, label: t(`directory.sort.${s}`) }));
  return (
    <section>
      <h1>{t("directory.title")}</h1>
      <p className="lead">{t(staff ? "directory.leadStaff" : "directory.lead")}</p>

      {/* Keyed by the address, so a client-side navigation (Clear filters, Back) resets the fields. */}
      <Form key={JSON.stringify(query)} method="get" className="stack" role="search" aria-label={t("directory.filters")}>
        <div className="filters">
          <Field name="q" type="search" label={t("directory.q")} hint={t("directory.qHint")} defaultValue={query.q} />
          <Field name="skill" label={t("directory.skill")} hint={t("directory.skillHint")} defaultValue={query.skill} />
          <Select name="sort" label={t("directory.sort")} options={sortOptions} defaultValue={query.sort ?? "relevance"} />
        </div>
        {/* Folded on a phone until used; open whenever one of them is set. */}
        <details open={moreFilters}>
          <summary>{t("directory.moreFilters")}</summary>
          <div className="filters">
            <Select name="school" label={t("directory.school")} placeholder={t("directory.allSchools")} options={schools} defaultValue={query.school} />
            <Select
              name="region"
              label={t("directory.region")}
              hint={t("directory.regionHint")}
              placeholder={t("directory.allRegions")}
              options={regions}
              defaultValue={query.region}
            />
            <Select name="cohort" label={t("directory.cohort")} placeholder={t("directory.allCohorts")} options={cohorts} defaultValue={query.cohort} />
            <div className="stack">
              <Checkbox name="available" checked={query.available}>
                {t("directory.availableNow")}
              </Checkbox>
              <Checkbox name="relocate" checked={query.relocate}>
                {t("directory.relocate")}
              </Checkbox>
            </div>
          </div>
        </details>
        <div className="actions">
          <SubmitButton>{t("directory.submit")}</SubmitButton>
          <Link to="/graduates">{t("directory.reset")}</Link>
        </div>
      </Form>

      {result.unknownSkill ? <Notice kind="error">{t("directory.unknownSkill", { skill: query.skill })}</Notice> : null}
      {result.skill && !sameText(query.skill, result.skill) ? (
        <Notice kind="info">{t("directory.skillResolved", { text: query.skill, skill: result.skill })}</Notice>
      ) : null}
      {result.qSkill && !sameText(query.q, result.qSkill) ? (
        <Notice kind="info">{t("directory.skillResolved", { text: query.q, skill: result.qSkill })}</Notice>
      ) : null}

      <h2 id="results">{t("directory.results")}</h2>
      <p role="status">{t("directory.found", { n: formatNumber(lang, result.total) })}</p>
      <SearchNotes suggestion={result.suggestion} suggestionHref={suggestionHref} near={result.near} />
      {result.items.length === 0 ? (
        <div className="card">
          <p>{t("directory.empty")}</p>
          <p className="small muted">{t("directory.emptyHint")}</p>
        </div>
      ) : (
        <>
          <div className="stack">
            {result.items.map((g) => (
              <GraduateCard key={g.id} graduate={g} today={today} staff={staff} />
            ))}
          </div>
          <p className="small muted">{t("directory.verifiedLegend")}</p>
        </>
      )}
      <Pager page={result.page} pages={result.pages} />
    </section>
  );
}

type Card = Awaited<ReturnType<typeof loader>>["result"]["items"][number];

function GraduateCard({ graduate: g, today, staff }: { graduate: Card; today: string; staff: boolean }) {
  const { t, lang } = useT();
  const name = <Marked parts={g.nameParts} />;
  const place = placeText(lang, g.city, namesOf(g, "region"));
  const availableNow = !g.available_from || g.available_from <= today;
  const more = g.skill_count - g.skills.length;
  return (
    <article className="card">
      <h3>{g.slug ? <Link to={`/g/${g.slug}`}>{name}</Link> : name}</h3>
      {g.headlineParts ? (
        <p>
          <Marked parts={g.headlineParts} />
        </p>
      ) : null}
      <p className="small">
        {pick({ school_ky: g.school_ky, school_ru: g.school_ru, school_en: g.school_en }, "school", lang)} ·{" "}
        {t("directory.cohortOf", { year: g.graduation_date.slice(0, 4) })}
        {place ? (
          <>
            <br />
            {place}
          </>
        ) : null}
      </p>
      <p className="small">
        <span className={availableNow ? "pill pill--ok" : "pill"}>
          {availableNow ? t("directory.availableNowBadge") : t("directory.availableFrom", { date: formatDate(lang, g.available_from ?? today) })}
        </span>
        {g.willing_to_relocate ? (
          <>
            {" "}
            <span className="pill">{t("directory.relocates")}</span>
          </>
        ) : null}
        {staff ? (
          <>
            {" "}
            <span className={g.visibility === "private" ? "pill pill--warn" : "pill"}>{t(`directory.visibility.${g.visibility}`)}</span>
          </>
        ) : null}
      </p>
      {g.skills.length ? (
        <ul className="skill-list" aria-label={t("directory.skills")}>
          {g.skills.map((s) => {
            const verified = s.source === "staff" || s.source === "module";
            return (
              <li key={s.id} className={verified ? "is-verified" : undefined}>
                {pick(s, "name", lang)} · <SkillEvidence pairs={fromSources(s.pairs)} />
              </li>
            );
          })}
          {more > 0 ? <li>{t("directory.moreSkills", { n: more })}</li> : null}
        </ul>
      ) : null}
    </article>
  );
}
