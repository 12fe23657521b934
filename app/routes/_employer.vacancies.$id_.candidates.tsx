// /vacancies/:id/candidates — the vacancy's graduates ranked by fit, each with a one-line
// reason and the full explanation (docs/product.md §5). For the owning company's members and staff;
// employers invite from here. Filters live in the query string (a plain GET form).
// The same list as JSON: /vacancies/:id/candidates.json (not linked from the page: issue 14, item 9).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Checkbox } from "~/components/checkbox";
import { FormErrorSummary, Select, SubmitButton, useFormFailure } from "~/components/form";
import { MatchDetails, MatchReason, ScoreBadge } from "~/components/match-explanation";
import { Pager } from "~/components/pager";
import { SectionErrorBoundary } from "~/components/section-error";
import { getConnection, getDb } from "~/db.server";
import { formatNumber } from "~/i18n/format";
import { langOf } from "~/i18n/negotiate";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { invite } from "~/models/applications.server";
import { candidateView, requireCandidateViewer } from "~/auth/guards.server";
import { candidateQueryFrom } from "~/domain/matching/queries";
import { candidatesFor } from "~/models/matching.server";
import { listRegions, listSchools } from "~/models/reference.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { badRequest, forbidden, idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";
import { sortOptions } from "~/domain/search/name-order";

// The invite button carries the graduate's id; a typed profile address is refused (issue 14 item 9).
const InviteSchema = z.object({
  intent: z.literal("invite"),
  graduateId: z
    .string("errors.required")
    .regex(/^\d{1,12}$/, "errors.required")
    .transform(Number),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const vacancyId = idParam(params.id);
  const viewer = await requireCandidateViewer(request, vacancyId);
  const db = getDb();
  const lang = langOf(request);
  const query = candidateQueryFrom(new URL(request.url));
  // The guard has read the vacancy; ranking and the heading use that one read.
  const vacancy = { id: viewer.vacancy.id, title: viewer.vacancy.title, status: viewer.vacancy.status };
  const [result, schools, regions] = await Promise.all([
    candidatesFor(getConnection(), viewer.vacancy, query, candidateView(viewer)),
    listSchools(db),
    listRegions(db),
  ]);
  if (!result) notFound();
  return {
    vacancy,
    query,
    result,
    canInvite: viewer.kind === "employer" && vacancy.status === "open",
    employer: viewer.kind === "employer",
    // In the Kyrgyz alphabet (docs/decisions/046-small-list-search-and-kyrgyz-order.md).
    schools: sortOptions(schools.map((s) => ({ value: s.id, label: pick(s, "name", lang) }))),
    regions: sortOptions(regions.map((r) => ({ value: r.id, label: pick(r, "name", lang) }))),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const vacancyId = idParam(params.id);
  const viewer = await requireCandidateViewer(request, vacancyId);
  if (viewer.kind !== "employer") forbidden();
  const form = await readForm(request);
  if (form.get("intent") !== "invite") badRequest();
  const parsed = parseForm(InviteSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const result = await invite(getDb(), viewer.companyId, vacancyId, { id: parsed.data.graduateId }, viewer.userId);
  if (!result.ok) {
    const key =
      result.reason === "not-open"
        ? "applications.invite.notOpen"
        : result.reason === "graduate"
          ? "applications.invite.unknown"
          : "applications.invite.already";
    return invalid({ _form: key }, form);
  }
  const back = new URL(request.url);
  return redirect(`/vacancies/${vacancyId}/candidates${back.search}`, { headers: cookieHeaders(setFlash("flash.invitationSent")) });
}

export const meta = titleMeta("match.candidates.nav", { private: true });

export default function CandidatesPage() {
  const { t, lang } = useT();
  const { vacancy, query, result, canInvite, employer, schools, regions } = useLoaderData<typeof loader>();
  const { errors } = useFormFailure();
  const base = `/vacancies/${vacancy.id}/candidates`;
  return (
    <section>
      <h1>{t("match.candidates.title", { vacancy: vacancy.title })}</h1>
      <p className="lead">{t("match.candidates.lead")}</p>
      <p className="small actions">
        <Link to={`/vacancies/${vacancy.id}`}>{vacancy.title}</Link>
        {employer ? <Link to={`/employer/vacancies/${vacancy.id}/applicants`}>{t("applications.applicants.all")}</Link> : null}
      </p>

      <Form key={JSON.stringify(query)} method="get" className="stack card" aria-label={t("match.filters")}>
        <div className="filters">
          <Select name="school" label={t("match.filter.school")} placeholder={t("match.filter.allSchools")} options={schools} defaultValue={query.school} />
          <Select name="region" label={t("match.filter.region")} placeholder={t("match.filter.allRegions")} options={regions} defaultValue={query.region} />
        </div>
        <div className="filters">
          <Checkbox name="meets" checked={query.meets}>
            {t("match.filter.meets")}
          </Checkbox>
          <Checkbox name="available" checked={query.available}>
            {t("match.filter.available")}
          </Checkbox>
          <Checkbox name="placed" checked={query.placed}>
            {t("match.filter.placed")}
          </Checkbox>
        </div>
        <div className="actions">
          <SubmitButton>{t("match.filter.submit")}</SubmitButton>
          <Link to={base}>{t("match.filter.reset")}</Link>
        </div>
      </Form>

      <FormErrorSummary errors={errors} />
      <p role="status">{t("match.found", { n: formatNumber(lang, result.count) })}</p>
      {!canInvite && employer ? <p className="small muted">{t("match.inviteClosed")}</p> : null}
      {result.items.length === 0 ? (
        <p className="card">{t("match.empty")}</p>
      ) : (
        <ol className="stack match-list" start={(result.page - 1) * 20 + 1}>
          {result.items.map(({ graduate: g, explanation, applicationStatus }) => {
            const name = `${g.first_name} ${g.last_name}`;
            return (
              <li key={g.id} className="card match-card">
                <div className="match-head">
                  <h2 className="h3">{g.slug && g.visibility !== "private" ? <Link to={`/g/${g.slug}`}>{name}</Link> : name}</h2>
                  <ScoreBadge score={explanation.score} />
                </div>
                <p className="small muted">
                  {pick(g.school, "name", lang)} · {g.graduation_date.slice(0, 4)}
                  {g.city ? ` · ${g.city}` : ""}
                  {g.visibility === "private" ? ` · ${t("match.private")}` : ""}
                </p>
                {g.headline ? <p>{g.headline}</p> : null}
                <MatchReason explanation={explanation} skills={result.skills} city={g.city} />
                <MatchDetails explanation={explanation} skills={result.skills} />
                {applicationStatus ? (
                  <p className="small">
                    <span className="pill">{t(`applications.status.${applicationStatus}`)}</span>
                  </p>
                ) : canInvite && g.slug ? (
                  <Form method="post" className="actions">
                    <input type="hidden" name="intent" value="invite" />
                    <input type="hidden" name="graduateId" value={g.id} />
                    <SubmitButton>
                      {t("match.invite")}
                      <span className="visually-hidden"> — {name}</span>
                    </SubmitButton>
                  </Form>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      <Pager page={result.page} pages={result.pages} />
    </section>
  );
}

export const ErrorBoundary = SectionErrorBoundary;
