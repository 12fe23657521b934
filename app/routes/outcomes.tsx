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
import {
  type Base,
  baseOf,
  cellText,
  followUpOf,
  labelOf,
  payText,
  PUBLIC_COLUMNS,
  type PublicColumn,
  PublicOutcomeRow,
  PublicTableHead,
} from "~/components/public-outcome-row";
import { SubmitButton } from "~/components/form";
import { getConnection } from "~/db.server";
import { dependsOn, PIECES } from "~/utils/page-pieces.server";
import { CHECKPOINTS } from "~/domain/outcomes/codes";
import { publicCheckpointOf } from "~/domain/outcomes/display";
import type { PublicCell, PublicRow } from "~/domain/outcomes/public-figures";
import { formatNumber } from "~/i18n/format";
import type { Lang } from "~/i18n/negotiate";
import { pick } from "~/i18n/pick";
import type { T } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";
import { publicDefaultCheckpoint, publicOutcomes } from "~/models/outcome-dashboard.server";
import { outcomeFactsLoaded } from "~/models/outcome-facts.server";
import { titleMeta } from "~/utils/meta";

// Read, not worked in: plain HTML, no JavaScript (app/utils/hydration.ts).
export const handle = SERVER_RENDERED_ONLY;

/** `?school=ID` (the home page's school cards link here) narrows the page to that school; else all. */
function schoolParam(value: string | null): number | null {
  return value && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const connection = getConnection();
  // Replayed to visitors until an outcome fact changes (decision 069).
  dependsOn(context, [PIECES.outcomes]);
  const params = new URL(request.url).searchParams;
  // The facts load in the background at start (docs/decisions/070): wait for them rather than hold the event loop.
  await outcomeFactsLoaded(connection);
  // No (or an unknown) checkpoint: the latest one with enough knowledge (docs/product.md §6).
  const checkpoint = publicCheckpointOf(params.get("checkpoint"), CHECKPOINTS, () => publicDefaultCheckpoint(connection));
  const school = schoolParam(params.get("school"));
  const schools = await publicOutcomes(connection, checkpoint);
  return {
    checkpoint,
    school,
    schools: schools
      .filter((s) => school === null || s.id === school)
      .map((s) => ({
        id: s.id,
        name_ky: s.name_ky,
        name_ru: s.name_ru,
        name_en: s.name_en,
        city_ky: s.city_ky,
        city_ru: s.city_ru,
        city_en: s.city_en,
        years: s.table.years,
        total: s.table.total,
      })),
  };
}

export const meta = titleMeta("outcomes.public.title");

/** The chart's share (0..1) of a cell, or no bar. */
const share = (c: PublicCell) => (c.shown && c.percent !== null ? c.percent / 100 : null);

/** The columns in runs of one base, in page order: a card shows each run under its base. */
const BASE_RUNS = PUBLIC_COLUMNS.reduce<{ base: Base; columns: PublicColumn[] }[]>((runs, c) => {
  const last = runs.at(-1);
  if (last?.base === c.base) last.columns.push(c);
  else runs.push({ base: c.base, columns: [c] });
  return runs;
}, []);

/**
 * One school and year on a phone (issue 14 item 17): the same published row as the table's, its figures
 * stacked under their bases. CSS shows it instead of the table below 40rem, so JavaScript off works.
 */
function Card({ label, row, t, lang }: { label: string; row: PublicRow; t: T; lang: Lang }) {
  const reached = followUpOf(row);
  return (
    <li className="outcome-card">
      <h3>{label}</h3>
      <p className="outcome-card__n">
        {t("outcomes.public.graduates")}: <strong>{formatNumber(lang, row.n)}</strong>
      </p>
      {reached !== null ? (
        <p className="follow-up">{t("outcomes.public.followUp", { percent: formatNumber(lang, reached) })}</p>
      ) : (
        <>
          {BASE_RUNS.map((run) => (
            <div key={run.base} className="card-group">
              <p className="card-base">{t(baseOf(run.base))}</p>
              <dl>
                {run.columns.map((c) => (
                  <div key={c.key}>
                    <dt>{t(labelOf(c))}</dt>
                    <dd>{cellText(row.cells[c.of], t, lang)}</dd>
                  </div>
                ))}
              </dl>
            </div>
          ))}
          <dl className="card-group">
            <div>
              <dt>{t("outcomes.public.label.pay")}</dt>
              <dd>{payText(row, t, lang)}</dd>
            </div>
          </dl>
        </>
      )}
    </li>
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
      {school !== null ? (
        <p className="small">
          <Link to={`/outcomes?checkpoint=${checkpoint}`}>← {t("outcomesSchool.allSchools")}</Link>
        </p>
      ) : null}
      {schools.length === 0 ? (
        <p className="muted">{t(school !== null ? "outcomesSchool.none" : "outcomes.public.empty")}</p>
      ) : (
        <>
          {/* Two shares of the same graduates (all of them), so one can never read as contradicting the other. */}
          <figure className="chart-figure">
            <GroupBarChart
              title={`${t("outcomes.public.chart")} — ${t(`outcomes.checkpoint.${checkpoint}`)}`}
              series={[
                { name: t("outcomes.public.label.knowledge"), color: CHART_COLORS[0] },
                { name: t("outcomes.public.label.employment"), color: CHART_COLORS[1] },
              ]}
              groups={schools.map((s) => ({ label: pick(s, "name", lang), values: [share(s.total.cells.knowledgeRate), share(s.total.cells.employmentRate)] }))}
              width={288}
              textSize={12}
            />
            <figcaption className="small muted">
              {t("outcomes.public.chart")}. {t("outcomes.public.chartCaption")}
            </figcaption>
          </figure>
          <p className="small muted">{t("outcomes.public.hiddenNote")}</p>
          <p className="small muted">{t("outcomes.public.followUpNote")}</p>
          {schools.map((s) => (
            <section key={s.id} aria-labelledby={`school-${s.id}`}>
              <h2 id={`school-${s.id}`}>
                {pick(s, "name", lang)} <span className="small muted">{pick(s, "city", lang)}</span>
              </h2>
              <div className="table-wrap">
                <table>
                  <PublicTableHead first={t("outcomes.public.year")} t={t} />
                  <tbody>
                    {s.years.map((y) => (
                      <PublicOutcomeRow key={y.year} label={String(y.year)} row={y} t={t} lang={lang} />
                    ))}
                    <PublicOutcomeRow label={t("outcomes.public.allYears")} row={s.total} t={t} lang={lang} />
                  </tbody>
                </table>
              </div>
              <ul className="outcome-cards">
                {s.years.map((y) => (
                  <Card key={y.year} label={String(y.year)} row={y} t={t} lang={lang} />
                ))}
                <Card label={t("outcomes.public.allYears")} row={s.total} t={t} lang={lang} />
              </ul>
            </section>
          ))}
        </>
      )}
      <h2>{t("outcomes.public.explainTitle")}</h2>
      <dl className="explain">
        <dt>{t("outcomes.public.label.knowledge")}</dt>
        <dd>{t("outcomes.public.explain.knowledge")}</dd>
        <dt>{t("outcomes.public.label.employment")}</dt>
        <dd>{t("outcomes.public.explain.employment")}</dd>
        <dt>{t("outcomes.public.label.career")}</dt>
        <dd>{t("outcomes.public.explain.career")}</dd>
        <dt>{t("outcomes.public.label.htp")}</dt>
        <dd>{t("outcomes.public.explain.htp")}</dd>
        <dt>{t("outcomes.public.label.related")}</dt>
        <dd>{t("outcomes.public.explain.related")}</dd>
        <dt>{t("outcomes.public.label.within6")}</dt>
        <dd>{t("outcomes.public.explain.within6")}</dd>
        <dt>{t("outcomes.public.label.pay")}</dt>
        <dd>{t("outcomes.public.explain.pay")}</dd>
      </dl>
      <aside className="standards-note small muted" aria-labelledby="standards-note">
        <h3 id="standards-note">{t("outcomes.public.standardsTitle")}</h3>
        <p>{t("outcomes.public.standardsNote")}</p>
      </aside>
    </section>
  );
}
