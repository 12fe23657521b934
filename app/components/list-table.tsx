// The staff and employer lists (audit log, follow-up, drill-down, applicants) share one shape:
// a note when nothing is found, otherwise a table whose rows stack into cards on a phone (each
// value under its column's name, so actions and statuses stay on screen; docs/decisions/032-phone-navigation-and-tables.md),
// then the pager. Each page says only what its columns are.
import type { ReactNode } from "react";
import { Pager } from "./pager";

export type Column<Row> = {
  header: string;
  /** The cell of a row; `index` counts from 0 (a numbered list shows index + 1). */
  cell: (row: Row, index: number) => ReactNode;
  /** The column's cells; `headerClassName` for its heading (e.g. "no-print" on both). */
  className?: string;
  headerClassName?: string;
  /** The column names its row (its cells are <th scope="row">). */
  rowHeader?: boolean;
  /** Off for a column that a page shows only sometimes (the vacancy, when one vacancy is listed). */
  shown?: boolean;
};

export function ListTable<Row extends { id: number }>({
  rows,
  columns,
  empty,
  tableClass,
  wrapClass,
  page = 1,
  pages = 1,
  rowAttributes,
  stacked = true,
  caption,
}: {
  rows: readonly Row[];
  columns: Column<Row>[];
  /** The note shown instead of an empty table; without it an empty list is left to the page. */
  empty?: string;
  tableClass?: string;
  wrapClass?: string;
  /** The pager is shown when there is more than one page; lists on one page leave these out. */
  page?: number;
  pages?: number;
  /** Off for the few tables that stay a table on a phone (few narrow columns, no actions). */
  stacked?: boolean;
  /** A caption for screen readers (visually hidden). */
  caption?: string;
  /** Extra attributes of a row (tests and scripts find an audit entry by its id; an `id` is a link's #fragment). */
  rowAttributes?: (row: Row) => { [data: `data-${string}`]: string | number; id?: string };
}) {
  const visible = columns.filter((c) => c.shown !== false);
  return (
    <>
      {rows.length === 0 && empty !== undefined ? (
        <p className="muted">{empty}</p>
      ) : (
        <div className={wrapClass ? `table-wrap ${wrapClass}` : "table-wrap"}>
          <table className={[stacked ? "stacked" : "", tableClass ?? ""].filter(Boolean).join(" ") || undefined}>
            {caption ? <caption className="visually-hidden">{caption}</caption> : null}
            <thead>
              <tr>
                {visible.map((c) => (
                  <th key={c.header} scope="col" className={c.headerClassName}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, index) => (
                <tr key={r.id} {...rowAttributes?.(r)}>
                  {/* data-label: the column's name, shown beside the value where a narrow screen stacks the cells */}
                  {visible.map((c) =>
                    c.rowHeader ? (
                      <th key={c.header} scope="row" className={c.className} data-label={c.header}>
                        {c.cell(r, index)}
                      </th>
                    ) : (
                      <td key={c.header} className={c.className} data-label={c.header}>
                        {c.cell(r, index)}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? <Pager page={page} pages={pages} /> : null}
    </>
  );
}
