import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/guards.server";
import { schoolIdsOf } from "~/domain/staff/scope";
import { Field, SubmitButton } from "~/components/form";
import { Marked, SearchNotes } from "~/components/search-results";
import { correctedSearchHref } from "~/domain/search/full-text";
import { highlight, queryWordMatcher } from "~/domain/search/highlight";
import { formatNumber } from "~/i18n/format";
import { getDb } from "~/db.server";
import { cohortLabel } from "~/i18n/cohort-label";
import { useT } from "~/i18n/use-t";
import { findGraduatesForStaff } from "~/models/verification.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const found = await findGraduatesForStaff(getDb(), q, undefined, schoolIdsOf(scope));
  // What the search matched, marked in each name (docs/product.md §14).
  const matches = q.trim() ? queryWordMatcher(q, found.alsoWords) : () => false;
  return {
    q,
    total: found.total,
    near: found.near.length > 0,
    suggestion: found.suggestion,
    suggestionHref: correctedSearchHref("/staff/graduates", "", found.suggestion),
    graduates: found.graduates.map((g) => ({
      id: g.id,
      user_id: g.user_id,
      graduation_date: g.graduation_date,
      name_ky: g.name_ky,
      name_ru: g.name_ru,
      name_en: g.name_en,
      nameParts: highlight(`${g.first_name} ${g.last_name}`, matches),
    })),
  };
}

export const meta = titleMeta("verify.title", { private: true });

export default function StaffGraduatesPage() {
  const { t, lang } = useT();
  const { q, total, near, suggestion, suggestionHref, graduates } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("verify.title")}</h1>
      <Form method="get" className="filters" role="search">
        <Field name="q" type="search" label={t("verify.search")} hint={t("verify.searchHint")} defaultValue={q} />
        <SubmitButton>{t("admin.skills.searchSubmit")}</SubmitButton>
      </Form>
      <h2>{t("verify.results")}</h2>
      {q.trim() ? <p role="status">{t("directory.found", { n: formatNumber(lang, total) })}</p> : null}
      <SearchNotes suggestion={suggestion} suggestionHref={suggestionHref} near={near} />
      {graduates.length === 0 ? (
        <p className="muted">{t("verify.noResults")}</p>
      ) : (
        <ul className="tiles">
          {graduates.map((g) => (
            <li key={g.id}>
              <Link to={`/staff/graduates/${g.id}`}>
                <strong>
                  <Marked parts={g.nameParts} />
                </strong>
                <span className="small">{cohortLabel(t, lang, g, g.graduation_date)}</span>
                {!g.user_id ? <span className="small muted"> · {t("verify.enrolledNoAccount")}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
