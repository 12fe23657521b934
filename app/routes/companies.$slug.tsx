import { SERVER_RENDERED_ONLY } from "~/utils/hydration";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db.server";
import { dependsOn, PIECES } from "~/utils/page-pieces.server";
import { formatDate } from "~/i18n/format";
import type { Messages } from "~/i18n/messages/en";
import { interpolate } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";
import { publicCompany } from "~/models/companies.server";
import { notFound } from "~/utils/http.server";

// Read, not worked in: plain HTML, no JavaScript (app/utils/hydration.ts).
export const handle = SERVER_RENDERED_ONLY;

export async function loader({ params, context }: LoaderFunctionArgs) {
  // Replayed to visitors until the company or one of its vacancies changes (decision 069).
  dependsOn(context, [PIECES.company(params.slug ?? "")]);
  // Only verified companies have a public page; pending and rejected ones are a 404.
  return (await publicCompany(getDb(), params.slug ?? "")) ?? notFound();
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [{ title: "404" }];
  const messages = (matches.find((m) => m.id === "root")?.data as { messages?: Messages } | undefined)?.messages;
  const brand = messages?.["brand.name"];
  const about = data.company.about?.replace(/\s+/g, " ").trim();
  const description = about
    ? about.length > 160
      ? `${about.slice(0, 157)}…`
      : about
    : messages
      ? interpolate(messages["companies.public.description"], { company: data.company.name })
      : data.company.name;
  return [
    { title: brand ? `${data.company.name} · ${brand}` : data.company.name },
    { name: "description", content: description },
    { property: "og:title", content: data.company.name },
    { property: "og:description", content: description },
  ];
};

export default function CompanyPublicPage() {
  const { t, lang } = useT();
  const { company: c, vacancies } = useLoaderData<typeof loader>();
  return (
    <article className="company-page">
      <p className="small">
        <Link to="/companies">← {t("companiesList.all")}</Link>
      </p>
      <header className="company-head">
        {c.logo ? <img className="company-logo" src={`/uploads/${c.logo}`} alt={t("companies.logoAlt", { company: c.name })} width={96} height={96} /> : null}
        <div>
          <h1>{c.name}</h1>
          <p>
            <span className="badge-verified">
              {c.htp_number ? t("companies.public.htpNumber", { number: c.htp_number }) : t("companies.public.htpResident")}
            </span>
            {c.city ? <> · {c.city}</> : null}
          </p>
          {c.website ? (
            <p>
              <a href={c.website} rel="noopener nofollow">
                {c.website.replace(/^https?:\/\//, "").replace(/\/$/, "")}
              </a>
            </p>
          ) : null}
        </div>
      </header>
      {c.about ? <p className="about">{c.about}</p> : null}
      <section aria-labelledby="vacancies-title">
        <h2 id="vacancies-title">{t("companies.public.vacancies")}</h2>
        {vacancies.length === 0 ? (
          <p className="muted">{t("companies.public.noVacancies")}</p>
        ) : (
          <ul className="tiles">
            {vacancies.map((v) => (
              <li key={v.id}>
                <Link to={`/vacancies/${v.id}`}>
                  <strong>{v.title}</strong>
                  <span className="small">{[v.city, t(`companies.workMode.${v.work_mode}`)].filter(Boolean).join(" · ")}</span>
                  {v.deadline ? <span className="small muted"> · {t("companies.public.deadline", { date: formatDate(lang, v.deadline) })}</span> : null}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
