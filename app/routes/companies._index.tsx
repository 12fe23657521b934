// /companies: the verified companies that hire the cluster's graduates, each with its open vacancies
// count and a link to its page. Public, read rather than worked in: plain HTML, no JavaScript.
import { SERVER_RENDERED_ONLY } from "~/utils/hydration";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db.server";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listPublicCompanies } from "~/models/companies.server";
import { closeExpiredVacancies } from "~/models/vacancies.server";
import { titleMeta } from "~/utils/meta";

export const handle = SERVER_RENDERED_ONLY;

export async function loader() {
  const db = getDb();
  // Counts agree with the board and the company pages: vacancies past their deadline are closed first.
  await closeExpiredVacancies(db);
  const companies = await listPublicCompanies(db);
  return { companies: companies.map((c) => ({ slug: c.slug, name: c.name, city: c.city, open_vacancies: Number(c.open_vacancies ?? 0) })) };
}

export const meta = titleMeta("companiesList.title");

export default function CompaniesPage() {
  const { t, lang } = useT();
  const loaded = useLoaderData<typeof loader>().companies;
  // In the reader's alphabetical order (SQLite sorts by code point: every Latin name before Cyrillic).
  const companies = [...loaded].sort((a, b) => a.name.localeCompare(b.name, lang));
  return (
    <section>
      <h1>{t("companiesList.title")}</h1>
      <p className="lead">{t("companiesList.lead")}</p>
      {companies.length === 0 ? (
        <p className="muted">{t("companiesList.none")}</p>
      ) : (
        <ul className="tiles company-list">
          {companies.map((c) => (
            <li key={c.slug}>
              <Link to={`/companies/${c.slug}`}>
                <strong>{c.name}</strong>
                <span className="small">
                  {[c.city, c.open_vacancies > 0 ? t("companiesList.open", { n: formatNumber(lang, c.open_vacancies) }) : t("companiesList.noOpen")]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
