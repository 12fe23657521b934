// A school's published outcome row (docs/product.md §6; decisions 020 and 031), as /outcomes and the
// yearly report (docs/decisions/065-annual-report.md) print it: whole percents of shown cells, one neutral
// mark for every hidden one, and one sentence instead of the rates of a year still being followed up.
import type { PublicCell, PublicRateName, PublicRow } from "~/domain/outcomes/public-figures";
import { formatKgs, formatNumber, formatPercent } from "~/i18n/format";
import type { Lang } from "~/i18n/negotiate";
import type { T } from "~/i18n/translate";

// The public page names each rate in plain words and says of whom it is a share (issue 14 items 15–16):
// rates of the same base sit side by side, the base under each name. The staff pages keep the
// standards' names (outcomes.ind.*); the public page names the standards once, in a note.
// docs/decisions/031-plain-public-outcomes.md
export type Base = "all" | "reachable" | "employed" | "jobBase";
export const PUBLIC_COLUMNS = [
  { key: "knowledge", of: "knowledgeRate", base: "all" },
  { key: "employment", of: "employmentRate", base: "all" },
  { key: "career", of: "careerOutcomesRate", base: "reachable" },
  { key: "htp", of: "htpPlacementRate", base: "reachable" },
  { key: "related", of: "relatedEmploymentRate", base: "employed" },
  { key: "within6", of: "within6", base: "jobBase" },
] as const satisfies readonly { key: string; of: PublicRateName; base: Base }[];
export type PublicColumn = (typeof PUBLIC_COLUMNS)[number];
export const labelOf = (c: PublicColumn) => `outcomes.public.label.${c.key}` as const;
export const baseOf = (b: Base) => `outcomes.public.base.${b}` as const;

const hiddenMark = (t: T) => <span className="hidden-cell">{t("outcomes.public.hidden")}</span>;

export function cellText(c: PublicCell, t: T, lang: Lang) {
  if (!c.shown) return hiddenMark(t);
  return c.percent === null ? "—" : formatPercent(lang, c.percent);
}

export function payText(row: PublicRow, t: T, lang: Lang) {
  const pay = row.pay;
  return !pay.shown ? hiddenMark(t) : pay.kgs === null ? "—" : formatKgs(lang, pay.kgs);
}

/** The reached share of a row still being followed up, or null when the row shows its rates. */
export function followUpOf(row: PublicRow): number | null {
  const reached = row.cells.knowledgeRate;
  return row.followUp && reached.shown ? (reached.percent ?? 0) : null;
}

/** The table's head: the first column's name, graduates, each rate with its base, the pay. */
export function PublicTableHead({ first, t }: { first: string; t: T }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{t("outcomes.public.graduates")}</th>
        {PUBLIC_COLUMNS.map((c) => (
          <th key={c.key} scope="col">
            {t(labelOf(c))} <span className="col-base">{t(baseOf(c.base))}</span>
          </th>
        ))}
        <th scope="col">{t("outcomes.public.label.pay")}</th>
      </tr>
    </thead>
  );
}

export function PublicOutcomeRow({ label, row, t, lang, className }: { label: string; row: PublicRow; t: T; lang: Lang; className?: string }) {
  const reached = followUpOf(row);
  return (
    <tr className={className}>
      <th scope="row">{label}</th>
      <td>{formatNumber(lang, row.n)}</td>
      {reached !== null ? (
        // The rates of a year still being followed up would mislead (docs/product.md §6): one cell says so.
        <td colSpan={PUBLIC_COLUMNS.length + 1} className="follow-up">
          {t("outcomes.public.followUp", { percent: formatNumber(lang, reached) })}
        </td>
      ) : (
        <>
          {PUBLIC_COLUMNS.map((c) => (
            <td key={c.key}>{cellText(row.cells[c.of], t, lang)}</td>
          ))}
          <td>{payText(row, t, lang)}</td>
        </>
      )}
    </tr>
  );
}
