// /vacancies/:id: a vacancy's page with schema.org JobPosting JSON-LD. Public when open and its
// company verified; the company's members and the whole-Agency staff also see it in other states
// (a school-scoped officer does not moderate vacancies: docs/decisions/063-staff-scope.md); else 404.
import { publicOrigin } from "~/config.server";
import { SERVER_RENDERED_ONLY } from "~/utils/hydration";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getUser } from "~/auth/require-user.server";
import { Notice } from "~/components/form";
import { useNonce } from "~/components/nonce";
import { salaryText } from "~/components/vacancy-salary";
import { getDb } from "~/db.server";
import { dependsOn, PIECES } from "~/utils/page-pieces.server";
import { sortByShownName } from "~/domain/search/name-order";
import { sanitizeRichText } from "~/domain/text/rich-text";
import { formatDate } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import { namesOf, placeText } from "~/domain/place";
import { useT } from "~/i18n/use-t";
import { companyOfUser } from "~/models/companies.server";
import { staffScopeOf } from "~/models/staff-scopes.server";
import { isAgencyWide } from "~/domain/staff/scope";
import { isPublic } from "~/domain/vacancies/status";
import { jobPostingJsonLd } from "~/domain/vacancies/json-ld";
import { closeExpiredVacancies, getVacancy } from "~/models/vacancies.server";
import { idParam, notFound } from "~/utils/http.server";

// Read, not worked in: plain HTML, no JavaScript (app/utils/hydration.ts).
export const handle = SERVER_RENDERED_ONLY;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  // Replayed to visitors until this vacancy, its skills or its company change (decision 069).
  dependsOn(context, [PIECES.vacancy(id)]);
  const db = getDb();
  await closeExpiredVacancies(db);
  const vacancy = await getVacancy(db, id);
  if (!vacancy) notFound();
  const user = await getUser(request);
  const staff = (user?.role === "staff" || user?.role === "admin") && isAgencyWide(await staffScopeOf(db, user));
  const owner = user?.role === "employer" && (await companyOfUser(db, user.id))?.id === vacancy.company_id;
  const listed = isPublic(vacancy);
  if (!listed && !staff && !owner) notFound();
  const origin = publicOrigin();
  // A named shape, not the row: a hidden salary and internal ids never leave the server (issue 13).
  const v = vacancy;
  return {
    vacancy: {
      id: v.id,
      title: v.title,
      description: sanitizeRichText(v.description),
      status: v.status,
      employment_type: v.employment_type,
      work_mode: v.work_mode,
      city: v.city,
      region_ky: v.region_ky,
      region_ru: v.region_ru,
      region_en: v.region_en,
      salary: v.salary_hidden ? null : { min: v.salary_min, max: v.salary_max },
      openings: v.openings,
      published_at: v.published_at,
      deadline: v.deadline,
      company_name: v.company_name,
      company_website: v.company_website,
      // The company's page link, only when it has one (a verified company).
      company_slug: v.company_status === "verified" ? v.company_slug : null,
      skills: v.skills.map((s) => ({ id: s.id, name_ky: s.name_ky, name_ru: s.name_ru, name_en: s.name_en, required: s.required, min_level: s.min_level })),
      languages: v.languages,
    },
    listed,
    owner,
    staff,
    // Graduates apply (visitors are asked to sign in first); employers and staff do not.
    canApply: listed && (!user || user.role === "graduate"),
    jsonLd: listed ? jobPostingJsonLd(vacancy, origin) : null,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { messages?: Record<string, string> } | undefined;
  const brand = root?.messages?.["brand.name"] ?? "";
  if (!data) return [{ title: brand }];
  const tags = [{ title: `${data.vacancy.title} · ${data.vacancy.company_name} · ${brand}` }];
  return data.listed ? tags : [...tags, { name: "robots", content: "noindex, nofollow" }];
};

export default function VacancyPage() {
  const { t, lang } = useT();
  const nonce = useNonce();
  const { vacancy: v, listed, owner, staff, canApply, jsonLd } = useLoaderData<typeof loader>();
  const place = placeText(lang, v.city, namesOf(v, "region"));
  const salary = v.salary ? salaryText(t, lang, v.salary.min, v.salary.max) : null;
  // Each group in the order of the names shown (docs/decisions/050-skill-chips-order.md).
  const skills = sortByShownName(v.skills, lang);
  const required = skills.filter((s) => s.required === 1);
  const nice = skills.filter((s) => s.required !== 1);
  return (
    <article className="vacancy">
      {jsonLd ? <script type="application/ld+json" nonce={nonce} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: jsonLd }} /> : null}
      <p className="small">
        <Link to="/vacancies">← {t("vacancies.back")}</Link>
      </p>
      <h1>{v.title}</h1>
      {/* Only a verified company has a public page (docs/decisions/015 lists it among the read pages). */}
      <p className="lead">{v.company_slug ? <Link to={`/companies/${v.company_slug}`}>{v.company_name}</Link> : v.company_name}</p>
      {!listed ? <Notice kind="info">{t("vacancies.notPublic", { status: t(`vacancies.status.${v.status}`) })}</Notice> : null}
      {owner ? (
        <p>
          <Link to={`/employer/vacancies/${v.id}`}>{t("vacancies.editLink")}</Link>
        </p>
      ) : null}
      {staff && v.status === "submitted" ? (
        <p>
          <Link to={`/staff/vacancies#vacancy-${v.id}`}>{t("vacancies.moderation")}</Link>
        </p>
      ) : null}
      <dl className="dl">
        <dt>{t("vacancies.field.employmentType")}</dt>
        <dd>{t(`vacancies.type.${v.employment_type}`)}</dd>
        <dt>{t("vacancies.field.workMode")}</dt>
        <dd>{t(`vacancies.mode.${v.work_mode}`)}</dd>
        {place ? (
          <>
            <dt>{t("vacancies.place")}</dt>
            <dd>{place}</dd>
          </>
        ) : null}
        {salary ? (
          <>
            <dt>{t("vacancies.field.salary")}</dt>
            <dd>{salary}</dd>
          </>
        ) : null}
        <dt>{t("vacancies.field.openings")}</dt>
        <dd>{v.openings}</dd>
        {v.published_at ? (
          <>
            <dt>{t("vacancies.posted")}</dt>
            <dd>{formatDate(lang, v.published_at)}</dd>
          </>
        ) : null}
        {v.deadline ? (
          <>
            <dt>{t("vacancies.field.deadline")}</dt>
            <dd>{formatDate(lang, v.deadline)}</dd>
          </>
        ) : null}
      </dl>
      {canApply ? (
        <p>
          <Link className="button" to={`/vacancies/${v.id}/apply`}>
            {t("vacancies.apply")}
          </Link>
        </p>
      ) : null}
      <div className="rich-text" dangerouslySetInnerHTML={{ __html: v.description }} />
      {required.length ? (
        <>
          <h2>{t("vacancies.requiredSkills")}</h2>
          <ul className="skill-list">
            {required.map((s) => (
              <li key={s.id}>
                {pick(s, "name", lang)} · {t(`skills.level.${s.min_level}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {nice.length ? (
        <>
          <h2>{t("vacancies.niceSkills")}</h2>
          <ul className="skill-list">
            {nice.map((s) => (
              <li key={s.id}>{pick(s, "name", lang)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {v.languages.length ? (
        <>
          <h2>{t("vacancies.field.languages")}</h2>
          <ul className="link-list">
            {v.languages.map((l) => (
              <li key={l.language}>
                {l.language === "ky" || l.language === "ru" || l.language === "en" ? t(`language.${l.language}`) : l.language}:{" "}
                {l.min_level === "native" ? t("languages.native") : t("vacancies.levelAtLeast", { level: l.min_level })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {v.company_website && /^https?:\/\//i.test(v.company_website) ? (
        <p className="small">
          <a href={v.company_website} rel="nofollow noopener noreferrer">
            {v.company_website}
          </a>
        </p>
      ) : null}
    </article>
  );
}
