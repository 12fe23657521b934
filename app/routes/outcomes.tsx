// /outcomes (docs/product.md §6, §11): what each school's graduates do, per graduation year, for future
// students and their families. Public, light, no JavaScript needed. Only the published table leaves
// the server (app/domain/outcomes/public-figures.ts): whole percents, no numerators or denominators,
// small cells hidden along with whatever would let one work them out, and no rates for a year still
// being followed up. docs/decisions/020-secondary-suppression.md
import { SERVER_RENDERED_ONLY } from "~/utils/hydration";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { CHART_COLORS, GroupBarChart } from "~/components/charts";
import { CheckpointField } from "~/components/checkpoint-field";
import { SubmitButton } from "~/components/form";
import { getConnection } from "~/db.server";
import { CHECKPOINTS } from "~/domain/outcomes/codes";
import { publicCheckpointOf } from "~/domain/outcomes/display";
import type { PublicCell, PublicRateName, PublicRow } from "~/domain/outcomes/public-figures";
import { formatKgs, formatNumber } from "~/i18n/format";
import type { MessageKey } from "~/i18n/messages/en";
import type { Lang } from "~/i18n/negotiate";
import { pick } from "~/i18n/pick";
import type { T } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";
import { publicDefaultCheckpoint, publicOutcomes } from "~/models/outcome-dashboard.server";
import { titleMeta } from "~/utils/meta";

// Read, not worked in: plain HTML, no JavaScript (app/utils/hydration.ts).
export const handle = SERVER_RENDERED_ONLY;


/** `?school=ID` (the home page's school cards link here) narrows the page to that school; else all. */
function schoolParam(value: string | null): number | null {
  return value && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const connection = getConnection();
  const params = new URL(request.url).searchParams;
  // No (or an unknown) checkpoint: the latest one with enough knowledge (docs/product.md §6).
  const checkpoint = publicCheckpointOf(params.get("checkpoint"), CHECKPOINTS, () => publicDefaultCheckpoint(connection));
  const school = schoolParam(params.get("school"));
  const schools = await publicOutcomes(connection, checkpoint);
  return {
    checkpoint,
    school,
    schools: schools
      .filter((s) => school === null || s.id === school)
      .map((s) => ({ id: s.id, name_ky: s.name_ky, name_ru: s.name_ru, name_en: s.name_en, city_ky: s.city_ky, city_ru: s.city_ru, city_en: s.city_en, years: s.table.years, total: s.table.total })),
  };
}

export const meta = titleMeta("outcomes.public.title");

const hiddenMark = (t: T) => <span className="hidden-cell">{t("outcomes.public.hidden")}</span>;

function cell(c: PublicCell, t: T, lang: Lang) {
  if (!c.shown) return hiddenMark(t);
  return c.percent === null ? "—" : `${formatNumber(lang, c.percent)} %`;
}

/** The chart's share (0..1) of a cell, or no bar. */
const share = (c: PublicCell) => (c.shown && c.percent !== null ? c.percent / 100 : null);

const COLUMNS = [
  { label: "outcomes.ind.employment", of: "employmentRate" },
  { label: "outcomes.ind.career", of: "careerOutcomesRate" },
  { label: "outcomes.ind.htpPlacement", of: "htpPlacementRate" },
  { label: "outcomes.ind.related", of: "relatedEmploymentRate" },
  { label: "outcomes.measure.within6", of: "within6" },
  { label: "outcomes.ind.knowledge", of: "knowledgeRate" },
] as const satisfies readonly { label: MessageKey; of: PublicRateName }[];

function Row({ label, row, t, lang }: { label: string; row: PublicRow; t: T; lang: Lang }) {
  const pay = row.pay;
  const reached = row.cells.knowledgeRate;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{formatNumber(lang, row.n)}</td>
      {row.followUp && reached.shown ? (
        // The rates of a year still being followed up would mislead (docs/product.md §6): one cell says so.
        <td colSpan={COLUMNS.length + 1} className="follow-up">{t("outcomes.public.followUp", { percent: formatNumber(lang, reached.percent ?? 0) })}</td>
      ) : (
        <>
          {COLUMNS.map((c) => <td key={c.label}>{cell(row.cells[c.of], t, lang)}</td>)}
          <td>{!pay.shown ? hiddenMark(t) : pay.kgs === null ? "—" : formatKgs(lang, pay.kgs)}</td>
        </>
      )}
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
              groups={schools.map((s) => ({ label: pick(s, "name", lang), values: [share(s.total.cells.employmentRate), share(s.total.cells.htpPlacementRate)] }))}
            />
            <figcaption className="small muted">{t("outcomes.public.chart")}</figcaption>
          </figure>
          <p className="small muted">{t("outcomes.public.hiddenNote")}</p>
          <p className="small muted">{t("outcomes.public.followUpNote")}</p>
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
                    {s.years.map((y) => <Row key={y.year} label={String(y.year)} row={y} t={t} lang={lang} />)}
                    <Row label={t("outcomes.public.allYears")} row={s.total} t={t} lang={lang} />
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
