// /vacancies: the public job board (docs/product.md §3, §11). Search text, filters, order and page all
// live in the query string of a plain GET form, so it works without JavaScript and any
// result can be shared. Signed-in graduates can save the search.
import { Checkbox } from "~/components/checkbox";
import { SERVER_RENDERED_ONLY } from "~/utils/hydration";
import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { getUser } from "~/auth/require-user.server";
import { Field, Notice, Select, SubmitButton } from "~/components/form";
import { Marked, SearchNotes } from "~/components/search-results";
import { correctedSearchHref } from "~/domain/search/full-text";
import { searchPageResult } from "~/domain/search/page-result";
import { highlight, queryWordMatcher } from "~/domain/search/highlight";
import { snippetOf } from "~/domain/search/snippet";
import { richTextToPlain } from "~/domain/text/rich-text";
import { Pager } from "~/components/pager";
import { getDb } from "~/db.server";
import { dependsOn, PIECES } from "~/utils/page-pieces.server";
import { salaryText } from "~/components/vacancy-salary";
import { formatDate, formatNumber } from "~/i18n/format";
import { langOf, type Lang } from "~/i18n/negotiate";
import { pick } from "~/i18n/pick";
import { namesOf, placeText } from "~/domain/place";
import { useT } from "~/i18n/use-t";
import { listRegions } from "~/models/reference.server";
import { boardQueryString, parseBoardQuery } from "~/domain/vacancies/board-query";
import { boardFacets, searchVacancies } from "~/models/board.server";
import { closeExpiredVacancies } from "~/models/vacancies.server";
import { BOARD_SORTS, EMPLOYMENT_TYPES, WORK_MODES } from "~/domain/vacancies/options";
import { titleMeta } from "~/utils/meta";
import { sortOptions } from "~/domain/search/name-order";

// Read, not worked in: plain HTML, no JavaScript (app/utils/hydration.ts).
export const handle = SERVER_RENDERED_ONLY;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const db = getDb();
  // A signed-out page is replayed until a listing or a company changes (docs/decisions/069-public-page-cache.md).
  dependsOn(context, [PIECES.board, PIECES.companies]);
  // Vacancies past their deadline close here: one UPDATE, no scheduler.
  await closeExpiredVacancies(db);
  const user = await getUser(request);
  const lang = langOf(request);
  const query = parseBoardQuery(new URL(request.url).searchParams);
  const [result, facets, regions] = await Promise.all([searchVacancies(db, query), boardFacets(db), listRegions(db)]);
  // What the search matched, marked in each title and in a snippet of the description (docs/product.md §14).
  const matches = query.q ? queryWordMatcher(query.q, result.alsoWords) : null;
  const cards = result.items.map((v) => ({
    id: v.id,
    title: v.title,
    titleParts: matches ? highlight(v.title, matches) : [{ text: v.title, hit: false }],
    snippet: matches ? snippetOf(richTextToPlain(v.description), matches) : null,
    company_name: v.company_name,
    company_slug: v.company_slug,
    city: v.city,
    region_ky: v.region_ky,
    region_ru: v.region_ru,
    region_en: v.region_en,
    employment_type: v.employment_type,
    work_mode: v.work_mode,
    salary_min: v.salary_min,
    salary_max: v.salary_max,
    deadline: v.deadline,
    published_at: v.published_at,
    skills: v.skills,
  }));
  return {
    query,
    saveQuery: boardQueryString(query),
    result: searchPageResult(cards, result, lang),
    suggestionHref: correctedSearchHref("/vacancies", boardQueryString(query), result.suggestion),
    canSave: user?.role === "graduate",
    employer: user?.role === "employer",
    signedIn: Boolean(user),
    // Companies and regions in the Kyrgyz alphabet (docs/decisions/046-small-list-search-and-kyrgyz-order.md).
    companies: sortOptions(facets.companies.map((c) => ({ value: c.id, label: c.name }))),
    cities: facets.cities.map((c) => ({ value: c, label: c })),
    regions: sortOptions(regions.map((r) => ({ value: r.id, label: pick(r, "name", lang) }))),
  };
}

export const meta = titleMeta("vacancies.title");
export const links: LinksFunction = () => [{ rel: "alternate", type: "application/rss+xml", href: "/feed.xml", title: "RSS" }];

export default function JobBoard() {
  const { t, lang } = useT();
  const { query, saveQuery, result, suggestionHref, canSave, employer, signedIn, companies, cities, regions } = useLoaderData<typeof loader>();
  const location = useLocation();
  const moreFilters = Boolean(query.region || query.city || query.company || query.salary || query.type || query.mode);
  return (
    <section>
      <h1>{t("vacancies.title")}</h1>
      <p className="lead">{t("vacancies.lead")}</p>
      {employer ? (
        <p>
          <Link to="/employer">{t("vacancies.dashboard")} →</Link>
        </p>
      ) : null}

      <Form key={JSON.stringify(query)} method="get" className="stack" role="search" aria-label={t("vacancies.filters")}>
        <div className="filters">
          <Field name="q" type="search" label={t("vacancies.q")} hint={t("vacancies.qHint")} defaultValue={query.q} />
          <Field name="skill" label={t("vacancies.skill")} hint={t("vacancies.skillHint")} defaultValue={query.skill} />
          <Select
            name="sort"
            label={t("vacancies.sort")}
            options={BOARD_SORTS.map((s) => ({ value: s, label: t(`vacancies.sort.${s}`) }))}
            defaultValue={query.sort ?? "relevance"}
          />
        </div>
        <details open={moreFilters}>
          <summary>{t("vacancies.moreFilters")}</summary>
          <div className="filters">
            <Select
              name="mode"
              label={t("vacancies.field.workMode")}
              placeholder={t("vacancies.any")}
              options={WORK_MODES.map((m) => ({ value: m, label: t(`vacancies.mode.${m}`) }))}
              defaultValue={query.mode}
            />
            <Select
              name="type"
              label={t("vacancies.field.employmentType")}
              placeholder={t("vacancies.any")}
              options={EMPLOYMENT_TYPES.map((m) => ({ value: m, label: t(`vacancies.type.${m}`) }))}
              defaultValue={query.type}
            />
            <Select name="region" label={t("vacancies.field.region")} placeholder={t("vacancies.any")} options={regions} defaultValue={query.region} />
            <Select name="city" label={t("vacancies.field.city")} placeholder={t("vacancies.any")} options={cities} defaultValue={query.city} />
            <Select name="company" label={t("vacancies.company")} placeholder={t("vacancies.any")} options={companies} defaultValue={query.company} />
            <Checkbox name="salary" checked={query.salary}>
              {t("vacancies.salaryShown")}
            </Checkbox>
          </div>
        </details>
        <div className="actions">
          <SubmitButton>{t("vacancies.submit")}</SubmitButton>
          <Link to="/vacancies">{t("vacancies.reset")}</Link>
        </div>
      </Form>

      {result.unknownSkill ? <Notice kind="error">{t("vacancies.unknownSkill", { skill: query.skill })}</Notice> : null}
      {result.skill && result.skill.toLocaleLowerCase() !== query.skill.toLocaleLowerCase() ? (
        <Notice kind="info">{t("directory.skillResolved", { text: query.skill, skill: result.skill })}</Notice>
      ) : null}

      <h2 id="results">{t("vacancies.results")}</h2>
      <p role="status">{t("vacancies.found", { n: formatNumber(lang, result.total) })}</p>
      <SearchNotes suggestion={result.suggestion} suggestionHref={suggestionHref} near={result.near} />
      {result.items.length === 0 ? (
        <div className="card">
          <p>{t("vacancies.empty")}</p>
        </div>
      ) : (
        <ul className="vacancy-list">
          {result.items.map((v) => (
            <VacancyCard key={v.id} vacancy={v} lang={lang} />
          ))}
        </ul>
      )}
      <Pager page={result.page} pages={result.pages} />

      <div className="card stack save-search">
        {canSave ? (
          <Form method="post" action="/me/saved-searches" className="stack">
            <input type="hidden" name="intent" value="create" />
            <input type="hidden" name="query" value={saveQuery} />
            <Field name="name" label={t("vacancies.saveName")} hint={t("vacancies.saveHint")} optional defaultValue={query.q || query.skill || ""} />
            <SubmitButton>{t("vacancies.saveSearch")}</SubmitButton>
            <p className="small">
              <Link to="/me/saved-searches">{t("vacancies.savedTitle")}</Link>
            </p>
          </Form>
        ) : !signedIn ? (
          <p className="small">
            <Link to={`/login?${new URLSearchParams({ redirectTo: `${location.pathname}${location.search}` })}`}>{t("vacancies.signInToSave")}</Link>
          </p>
        ) : null}
        <p className="small">
          <a href="/feed.xml">{t("vacancies.feed")}</a>
        </p>
        <p className="small">
          <Link to="/companies">{t("companiesList.all")}</Link>
        </p>
      </div>
    </section>
  );
}

type Card = Awaited<ReturnType<typeof loader>>["result"]["items"][number];

function VacancyCard({ vacancy: v, lang }: { vacancy: Card; lang: Lang }) {
  const { t } = useT();
  const place = placeText(lang, v.city, namesOf(v, "region"));
  const salary = salaryText(t, lang, v.salary_min, v.salary_max);
  return (
    <li className="card vacancy-card">
      <h3>
        <Link to={`/vacancies/${v.id}`}>
          <Marked parts={v.titleParts} />
        </Link>
      </h3>
      {v.snippet ? (
        <p className="small snippet">
          <Marked parts={v.snippet} />
        </p>
      ) : null}
      <p className="small">
        <strong>
          <Link to={`/companies/${v.company_slug}`}>{v.company_name}</Link>
        </strong>
        {place ? ` · ${place}` : ""}
      </p>
      <p className="small">
        <span className="pill">{t(`vacancies.mode.${v.work_mode}`)}</span> <span className="pill">{t(`vacancies.type.${v.employment_type}`)}</span>
        {salary ? (
          <>
            {" "}
            <span className="pill pill--ok">{salary}</span>
          </>
        ) : null}
      </p>
      {v.skills.length ? (
        <ul className="skill-list" aria-label={t("vacancies.skills")}>
          {v.skills.map((s) => (
            <li key={s.id}>{pick(s, "name", lang)}</li>
          ))}
        </ul>
      ) : null}
      <p className="small muted">
        {t("vacancies.postedOn", { date: formatDate(lang, v.published_at) })}
        {v.deadline ? ` · ${t("vacancies.deadlineOn", { date: formatDate(lang, v.deadline) })}` : ""}
      </p>
    </li>
  );
}
