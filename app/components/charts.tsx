// Charts as pictures (docs/product.md §6): server-rendered SVG, no JavaScript, no library — a bar is a
// rectangle of width share × plot width. viewBox + width 100 % scale them to a 360 px phone.
// Each chart is one role="img" with a title; its numbers are also in the table beside it.
import { wholePercent } from "~/i18n/format";

export type ChartSeries = { name: string; color: string };

const WIDTH = 360;
export const CHART_COLORS = ["#0b5cad", "#c45d00", "#1d6b3a"] as const;

const pct = (v: number) => wholePercent(v * 100);

/** One legend entry per line: series names in Kyrgyz or Russian are too long to sit side by side. */
function Legend({ series, y, fontSize = 12 }: { series: readonly ChartSeries[]; y: number; fontSize?: number }) {
  const step = Math.max(16, fontSize + 4);
  return (
    <g aria-hidden="true">
      {series.map((s, i) => (
        <g key={s.name} transform={`translate(0,${y + i * step})`}>
          <rect width="12" height="12" y="-10" fill={s.color} rx="2" />
          <text x="17" fontSize={fontSize} fill="#1b2330">
            {s.name}
          </text>
        </g>
      ))}
    </g>
  );
}

/** A group's label in lines of at most `max` characters (words kept whole), at most two lines, the rest cut with "…". */
function labelLines(label: string, max: number, wrap: boolean): string[] {
  if (!wrap) return [label.length > 58 ? `${label.slice(0, 56)}…` : label];
  const lines: string[] = [];
  for (const word of label.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  const cut = (line: string) => (line.length > max ? `${line.slice(0, max - 1)}…` : line);
  return lines.length <= 2
    ? lines.map(cut)
    : [
        cut(lines[0]!),
        cut(
          `${lines
            .slice(1)
            .join(" ")
            .slice(0, max - 1)}…`,
        ),
      ];
}

/**
 * Horizontal bars per group, one bar per series; a group with small n is drawn pale.
 * `width` (the viewBox's, default 360) and `textSize` (the smallest text, in viewBox units) let a page
 * that must stay legible on a phone draw a narrower picture with larger words: at 360 px the chart box is
 * about 300 px wide, so 12 units in a 288-unit box are drawn at 12 px or more (docs/decisions/031).
 * With a textSize, long labels wrap onto a second line instead of being cut.
 */
export function GroupBarChart({
  title,
  series,
  groups,
  width = WIDTH,
  textSize,
}: {
  title: string;
  series: readonly ChartSeries[];
  groups: readonly { label: string; values: readonly (number | null)[]; faded?: boolean }[];
  width?: number;
  textSize?: number;
}) {
  const font = { legend: textSize ?? 12, label: textSize === undefined ? 12.5 : textSize + 1, value: textSize ?? 11 };
  const barH = Math.max(12, font.value + 1);
  const lineH = font.label + 3;
  const legendStep = Math.max(16, font.legend + 4);
  const maxChars = Math.floor(width / (font.label * 0.62));
  const labelled = groups.map((g) => ({ ...g, lines: labelLines(g.label, maxChars, textSize !== undefined) }));
  const barsH = series.length * (barH + 3);
  const rowH = (lines: number) => 18 + (lines - 1) * lineH + barsH + 6;
  const top = 10 + series.length * legendStep;
  const plot = width - 48;
  const offsets = labelled.reduce<number[]>((acc, g, i) => [...acc, acc[i]! + rowH(g.lines.length)], [top]);
  const height = offsets.at(-1)!;
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title} preserveAspectRatio="xMinYMin meet">
      <title>{title}</title>
      <Legend series={series} y={12} fontSize={font.legend} />
      {labelled.map((g, i) => {
        const y0 = offsets[i]!;
        const barsTop = 18 + (g.lines.length - 1) * lineH;
        return (
          <g key={`${g.label}-${i}`} transform={`translate(0,${y0})`} opacity={g.faded ? 0.45 : 1}>
            <text y="13" fontSize={font.label} fontWeight="600" fill="#1b2330">
              {g.lines.length === 1
                ? g.lines[0]
                : g.lines.map((line, k) => (
                    <tspan key={k} x="0" dy={k === 0 ? 0 : lineH}>
                      {line}
                    </tspan>
                  ))}
            </text>
            <line x1="0" x2="0" y1={barsTop - 1} y2={barsTop - 1 + barsH} stroke="#4f5b6b" />
            {series.map((s, j) => {
              const v = g.values[j] ?? null;
              const y = barsTop + j * (barH + 3);
              const w = v === null ? 0 : Math.max(1, v * plot);
              return (
                <g key={s.name}>
                  <rect x="0" y={y} width={w} height={barH} fill={s.color} rx="1.5" />
                  <text x={w + 4} y={y + barH - 1.5} fontSize={font.value} fill="#1b2330">
                    {v === null ? "—" : pct(v)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

/** Rates over graduation years: one line per series, gaps where a year has no value. */
export function TrendChart({
  title,
  series,
  years,
  values,
}: {
  title: string;
  series: readonly ChartSeries[];
  years: readonly number[];
  /** values[seriesIndex][yearIndex], shares 0..1 or null. */
  values: readonly (readonly (number | null)[])[];
}) {
  const left = 40;
  const right = 22;
  const top = 10;
  const plotH = 150;
  const height = top + plotH + 30 + series.length * 16 + 4;
  const plotW = WIDTH - left - right;
  const x = (i: number) => left + (years.length <= 1 ? plotW / 2 : (i * plotW) / (years.length - 1));
  const y = (v: number) => top + plotH - v * plotH;
  const labelEvery = Math.max(1, Math.ceil(years.length / 8));
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={title} preserveAspectRatio="xMinYMin meet">
      <title>{title}</title>
      {[0, 0.25, 0.5, 0.75, 1].map((t) => (
        <g key={t}>
          <line x1={left} x2={WIDTH - right} y1={y(t)} y2={y(t)} stroke={t === 0 ? "#4f5b6b" : "#d5dbe3"} />
          <text x={left - 4} y={y(t) + 4} fontSize="11" textAnchor="end" fill="#4f5b6b">
            {wholePercent(t * 100)}
          </text>
        </g>
      ))}
      {years.map((year, i) =>
        i % labelEvery === 0 || i === years.length - 1 ? (
          <text key={year} x={x(i)} y={top + plotH + 15} fontSize="11" textAnchor="middle" fill="#4f5b6b">
            {year}
          </text>
        ) : null,
      )}
      {series.map((s, j) => {
        const points = (values[j] ?? []).map((v, i) => (v === null ? null : { x: x(i), y: y(v) }));
        const segments: string[] = [];
        let current = "";
        for (const p of points) {
          if (p === null) {
            if (current) segments.push(current);
            current = "";
          } else current += `${current ? "L" : "M"}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
        }
        if (current) segments.push(current);
        return (
          <g key={s.name}>
            {segments.map((d) => (
              <path key={d} d={d} fill="none" stroke={s.color} strokeWidth="2.5" />
            ))}
            {points.map((p, i) => (p ? <circle key={i} cx={p.x} cy={p.y} r="3" fill={s.color} /> : null))}
          </g>
        );
      })}
      <Legend series={series} y={top + plotH + 36} />
    </svg>
  );
}
