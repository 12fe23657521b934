// /companies: the verified companies that hire the cluster's graduates, each with its open vacancies
// count and a link to its page, in Kyrgyz alphabetical order; a search box finds a name in either
// script, by its beginning or with one typo (docs/product.md §14). Public, read rather than worked
// in: plain HTML, no JavaScript (the search is a GET form).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { SERVER_RENDERED_ONLY } from "~/utils/hydration";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Field, SubmitButton } from "~/components/form";
import { MarkedText } from "~/components/marked-text";
import { SearchNotes } from "~/components/search-results";
import { getDb } from "~/db.server";
import { dependsOn, PIECES } from "~/utils/page-pieces.server";
import { correctedSearchHref } from "~/domain/search/full-text";
import { markMatches, MAX_QUERY_LENGTH, rankByQuery } from "~/domain/search/rank";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listPublicCompanies } from "~/models/companies.server";
import { closeExpiredVacancies } from "~/models/vacancies.server";
import { titleMeta } from "~/utils/meta";
import { searchText } from "~/utils/params";

export const handle = SERVER_RENDERED_ONLY;

const ListQuery = z.object({ q: searchText(MAX_QUERY_LENGTH) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const db = getDb();
  // Replayed to visitors until a company or which vacancies are open changes (decision 069).
  dependsOn(context, [PIECES.companies, PIECES.vacancies]);
  const { q } = ListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  // Counts agree with the board and the company pages: vacancies past their deadline are closed first.
  await closeExpiredVacancies(db);
  // Hundreds of rows: ranked in memory (docs/decisions/046-small-list-search-and-kyrgyz-order.md).
  const ranked = rankByQuery(await listPublicCompanies(db), q, (c) => [c.name]);
  return {
    q,
    searched: ranked.searched,
    suggestion: ranked.suggestion,
    suggestionHref: correctedSearchHref("/companies", "", ranked.suggestion),
    companies: ranked.hits.map(({ item: c, tier }) => ({
      slug: c.slug,
      name: markMatches(c.name, q),
      city: c.city,
      open_vacancies: Number(c.open_vacancies ?? 0),
      typo: tier === "typo",
    })),
  };
}

export const meta = titleMeta("companiesList.title");

type Row = ReturnType<typeof useLoaderData<typeof loader>>["companies"][number];

export default function CompaniesPage() {
  const { t, lang } = useT();
  const { q, searched, suggestion, suggestionHref, companies } = useLoaderData<typeof loader>();
  const close = companies.filter((c) => !c.typo);
  const typos = companies.filter((c) => c.typo);
  const tiles = (rows: Row[]) => (
    <ul className="tiles company-list">
      {rows.map((c) => (
        <li key={c.slug}>
          <Link to={`/companies/${c.slug}`}>
            <strong>
              <MarkedText segments={c.name} />
            </strong>
            <span className="small">
              {[c.city, c.open_vacancies > 0 ? t("companiesList.open", { n: formatNumber(lang, c.open_vacancies) }) : t("companiesList.noOpen")]
                .filter(Boolean)
                .join(" · ")}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
  return (
    <section>
      <h1>{t("companiesList.title")}</h1>
      <p className="lead">{t("companiesList.lead")}</p>
      <Form method="get" className="filters" role="search">
        <Field name="q" type="search" label={t("listSearch.companies.label")} hint={t("listSearch.companies.hint")} defaultValue={q} />
        <SubmitButton>{t("listSearch.submit")}</SubmitButton>
      </Form>
      {searched ? (
        <p role="status">
          {companies.length > 0 ? t("listSearch.companies.found", { n: companies.length }) : t("listSearch.companies.none", { q })}{" "}
          <Link to="/companies">{t("listSearch.showAll")}</Link>
        </p>
      ) : null}
      <SearchNotes suggestion={suggestion} suggestionHref={suggestionHref} />
      {!searched && companies.length === 0 ? <p className="muted">{t("companiesList.none")}</p> : null}
      {close.length > 0 ? tiles(close) : null}
      {typos.length > 0 ? (
        <>
          <h2>{t("listSearch.typoTier")}</h2>
          {tiles(typos)}
        </>
      ) : null}
    </section>
  );
}
