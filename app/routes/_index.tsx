import { SERVER_RENDERED_ONLY } from "~/utils/hydration";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getUser } from "~/auth/require-user.server";
import { getDb } from "~/db.server";
import { dependsOn, PIECES } from "~/utils/page-pieces.server";
import { formatNumber } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import { namesOf, placeText } from "~/domain/place";
import { useT } from "~/i18n/use-t";
import { recentPublicGraduates } from "~/models/graduates.server";
import { listSchools, portalCounts } from "~/models/reference.server";
import { recentOpenVacancies } from "~/models/board.server";
import { closeExpiredVacancies } from "~/models/vacancies.server";
import { titleMeta } from "~/utils/meta";

// Read, not worked in: plain HTML, no JavaScript (app/utils/hydration.ts).
export const handle = SERVER_RENDERED_ONLY;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const db = getDb();
  await closeExpiredVacancies(db);
  const [schools, counts, user, graduates, vacancies] = await Promise.all([
    listSchools(db),
    portalCounts(db),
    getUser(request),
    recentPublicGraduates(db, 6),
    recentOpenVacancies(db, 6),
  ]);
  // Replayed until the lists, the counts or one of the shown graduates or vacancies change (decision 069).
  const shown: string[] = [PIECES.graduates, PIECES.vacancies, PIECES.companies];
  dependsOn(
    context,
    shown.concat(
      graduates.flatMap((g) => (g.slug ? [PIECES.graduate(g.slug)] : [])),
      vacancies.map((v) => PIECES.vacancy(v.id)),
    ),
  );
  // Named shapes of what the page shows (issue 13: loaders send no whole rows).
  return {
    schools: schools.map((s) => ({
      id: s.id,
      name_ky: s.name_ky,
      name_ru: s.name_ru,
      name_en: s.name_en,
      city_ky: s.city_ky,
      city_ru: s.city_ru,
      city_en: s.city_en,
      region_ky: s.region_ky,
      region_ru: s.region_ru,
      region_en: s.region_en,
    })),
    counts,
    signedIn: Boolean(user),
    graduates,
    vacancies: vacancies.map((v) => ({ id: v.id, title: v.title, company_name: v.company_name, city: v.city })),
  };
}

export const meta = titleMeta("home.title");

export default function HomePage() {
  const { t, lang } = useT();
  const { schools, counts, signedIn, graduates, vacancies } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <p className="muted">
          {t("home.numbers", {
            schools: formatNumber(lang, counts.schools),
            graduates: formatNumber(lang, counts.graduates),
            companies: formatNumber(lang, counts.companies),
          })}
        </p>
      </section>
      {!signedIn ? (
        <div className="grid grid--2">
          <section className="card">
            <h2>{t("home.forGraduates")}</h2>
            <p>{t("home.forGraduatesText")}</p>
            <Link className="button" to="/join">
              {t("home.joinCta")}
            </Link>
          </section>
          <section className="card">
            <h2>{t("home.forEmployers")}</h2>
            <p>{t("home.forEmployersText")}</p>
            <Link className="button button--secondary" to="/signup">
              {t("home.employerCta")}
            </Link>
          </section>
        </div>
      ) : null}
      <div className="grid grid--2 home-recent">
        <section aria-labelledby="home-vacancies">
          <h2 id="home-vacancies">{t("vacancies.recent")}</h2>
          {vacancies.length === 0 ? (
            <p className="muted">{t("vacancies.noneOpen")}</p>
          ) : (
            <ul className="link-list">
              {vacancies.map((v) => (
                <li key={v.id}>
                  <Link to={`/vacancies/${v.id}`}>
                    <strong>{v.title}</strong>
                  </Link>
                  <span className="small muted">
                    {" "}
                    · {v.company_name}
                    {v.city ? ` · ${v.city}` : ""}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="small">
            <Link to="/vacancies">{t("vacancies.allVacancies")}</Link>
          </p>
        </section>
        <section>
          <h2>{t("home.recentGraduates")}</h2>
          {graduates.length === 0 ? (
            <p className="muted">{t("home.noGraduates")}</p>
          ) : (
            <ul className="tiles">
              {graduates.map((g) => (
                <li key={g.slug}>
                  <Link to={`/g/${g.slug}`}>
                    <strong>
                      {g.first_name} {g.last_name}
                    </strong>
                    {g.headline ? <span>{g.headline}</span> : null}
                    <span className="small muted"> · {pick(g, "name", lang)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <h2>{t("home.schoolsTitle")}</h2>
      {/* Each school card leads to what its graduates do (issue 14: the cards looked clickable and were not). */}
      <ul className="tiles">
        {schools.map((s) => (
          <li key={s.id}>
            <Link to={`/outcomes?school=${s.id}`}>
              <strong>{pick(s, "name", lang)}</strong>
              <span className="muted">
                {/* Bishkek and Osh are their own regions: «Бишкек шаары · Бишкек шаары» said it twice (probe-ux). */}
                {placeText(lang, namesOf(s, "city"), namesOf(s, "region"))}
              </span>
              <span className="small tile-more">{t("homeSchools.figures")} →</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="small">
        <Link to="/outcomes">{t("homeSchools.allFigures")}</Link>
      </p>
    </>
  );
}
