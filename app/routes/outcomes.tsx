// /outcomes (DESIGN §6, §11): what each school's graduates do, per graduation year, for future
// students and their families. Public, light, no JavaScript needed. Only publicView figures leave
// the server: no numerators, and every figure with fewer than 10 graduates behind it is hidden.
import { SERVER_RENDERED_ONLY } from "~/utils/hydration";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CHART_COLORS, GroupBarChart } from "~/components/charts";
import { CheckpointField } from "~/components/checkpoint-field";
import { SubmitButton } from "~/components/form";
import { getConnection } from "~/db.server";
import { CHECKPOINTS } from "~/domain/outcomes/codes";
import { percent, publicCheckpointOf } from "~/domain/outcomes/display";
import { publicView, type PublicIndicators, type PublicRate } from "~/domain/outcomes/indicators";
import { formatKgs, formatNumber } from "~/i18n/format";
import type { MessageKey } from "~/i18n/messages/en";
import type { Lang } from "~/i18n/negotiate";
import { pick } from "~/i18n/pick";
import type { T } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";
import { publicOutcomes } from "~/models/outcome-dashboard.server";
import { titleMeta } from "~/utils/meta";

// Read, not worked in: plain HTML, no JavaScript (app/utils/hydration.ts).
export const handle = SERVER_RENDERED_ONLY;


/** `?school=ID` (the home page's school cards link here) narrows the page to that school; else all. */
function schoolParam(value: string | null): number | null {
  return value && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const checkpoint = publicCheckpointOf(params.get("checkpoint"), CHECKPOINTS);
  const school = schoolParam(params.get("school"));
  const { schools, bySchoolYear, bySchool } = await publicOutcomes(getConnection(), checkpoint);
  return {
    checkpoint,
    school,
    schools: schools
      .filter((s) => school === null || s.id === school)
      .map((s) => {
        const overall = bySchool.find((g) => g.key === s.id);
        const years = bySchoolYear
          .filter((g) => g.key.startsWith(`${s.id}:`))
          .map((g) => ({ year: Number(g.key.split(":")[1]), view: publicView(g.indicators) }))
          .sort((a, b) => b.year - a.year);
        return { id: s.id, name_ky: s.name_ky, name_ru: s.name_ru, name_en: s.name_en, city_ky: s.city_ky, city_ru: s.city_ru, city_en: s.city_en, overall: overall ? publicView(overall.indicators) : null, years };
      })
      .filter((s) => s.overall !== null),
  };
}

export const meta = titleMeta("outcomes.public.title");

function cell(r: PublicRate, t: T, lang: Lang) {
  if (r.hidden) return <span className="hidden-cell">{t("outcomes.public.hidden")}</span>;
  return r.value === null ? "—" : `${formatNumber(lang, percent(r.value)!)} %`;
}

const COLUMNS = [
  { label: "outcomes.ind.employment", of: (v: PublicIndicators) => v.employmentRate },
  { label: "outcomes.ind.career", of: (v: PublicIndicators) => v.careerOutcomesRate },
  { label: "outcomes.ind.htpPlacement", of: (v: PublicIndicators) => v.htpPlacementRate },
  { label: "outcomes.ind.related", of: (v: PublicIndicators) => v.relatedEmploymentRate },
  { label: "outcomes.measure.within6", of: (v: PublicIndicators) => v.timeToFirstJob.within[6] },
  { label: "outcomes.ind.knowledge", of: (v: PublicIndicators) => v.knowledgeRate },
] as const satisfies readonly { label: MessageKey; of: (v: PublicIndicators) => PublicRate }[];

function Row({ label, view, t, lang }: { label: string; view: PublicIndicators; t: T; lang: Lang }) {
  const pay = view.medianMonthlyPay;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{formatNumber(lang, view.n)}</td>
      {COLUMNS.map((c) => <td key={c.label}>{cell(c.of(view), t, lang)}</td>)}
      <td>{pay.hidden ? <span className="hidden-cell">{t("outcomes.public.hidden")}</span> : pay.value === null ? "—" : formatKgs(lang, pay.value)}</td>
    </tr>
  );
}

export default function PublicOutcomes() {
  const { t, lang } = useT();
  const { checkpoint, school, schools } = useLoaderData<typeof loader>();
  return (
    <section className="public-outcomes">
      <h1>{t("outcomes.public.title")}</h1>
      <p className="lead">{t("outcomes.public.lead")}</p>
      <Form method="get" className="filters">
        {school !== null ? <input type="hidden" name="school" value={school} /> : null}
        <CheckpointField id="public-checkpoint" label="outcomes.public.checkpoint" value={checkpoint} />
        <SubmitButton>{t("outcomes.public.show")}</SubmitButton>
      </Form>
      {school !== null ? <p className="small"><Link to={`/outcomes?checkpoint=${checkpoint}`}>← {t("outcomesSchool.allSchools")}</Link></p> : null}
      {schools.length === 0 ? (
        <p className="muted">{t(school !== null ? "outcomesSchool.none" : "outcomes.public.empty")}</p>
      ) : (
        <>
          <figure className="chart-figure">
            <GroupBarChart
              title={`${t("outcomes.public.chart")} — ${t(`outcomes.checkpoint.${checkpoint}` as MessageKey)}`}
              series={[{ name: t("outcomes.ind.employment"), color: CHART_COLORS[0] }, { name: t("outcomes.ind.htpPlacement"), color: CHART_COLORS[1] }]}
              groups={schools.map((s) => ({ label: pick(s, "name", lang), values: [s.overall!.employmentRate.value, s.overall!.htpPlacementRate.value] }))}
            />
            <figcaption className="small muted">{t("outcomes.public.chart")}</figcaption>
          </figure>
          <p className="small muted">{t("outcomes.public.hiddenNote")}</p>
          {schools.map((s) => (
            <section key={s.id} aria-labelledby={`school-${s.id}`}>
              <h2 id={`school-${s.id}`}>{pick(s, "name", lang)} <span className="small muted">{pick(s, "city", lang)}</span></h2>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t("outcomes.public.year")}</th>
                      <th scope="col">{t("outcomes.public.graduates")}</th>
                      {COLUMNS.map((c) => <th key={c.label} scope="col">{t(c.label)}</th>)}
                      <th scope="col">{t("outcomes.ind.medianPay")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {s.years.map((y) => <Row key={y.year} label={String(y.year)} view={y.view} t={t} lang={lang} />)}
                    <Row label={t("outcomes.public.allYears")} view={s.overall!} t={t} lang={lang} />
                  </tbody>
                </table>
              </div>
            </section>
          ))}
        </>
      )}
      <h2>{t("outcomes.public.explainTitle")}</h2>
      <dl className="explain">
        <dt>{t("outcomes.ind.employment")}</dt><dd>{t("outcomes.public.explain.employment")}</dd>
        <dt>{t("outcomes.ind.career")}</dt><dd>{t("outcomes.public.explain.career")}</dd>
        <dt>{t("outcomes.ind.htpPlacement")}</dt><dd>{t("outcomes.public.explain.htp")}</dd>
        <dt>{t("outcomes.ind.related")}</dt><dd>{t("outcomes.public.explain.related")}</dd>
        <dt>{t("outcomes.measure.within6")}</dt><dd>{t("outcomes.public.explain.within6")}</dd>
        <dt>{t("outcomes.ind.medianPay")}</dt><dd>{t("outcomes.public.explain.pay")}</dd>
        <dt>{t("outcomes.ind.knowledge")}</dt><dd>{t("outcomes.public.explain.knowledge")}</dd>
      </dl>
    </section>
  );
}
