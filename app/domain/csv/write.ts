// CSV export (docs/product.md §6: every staff table exports). UTF-8 with a BOM and `;` between values:
// Excel in a Russian or Kyrgyz locale expects `;` (the comma is the decimal separator there) and
// needs the BOM to read Cyrillic as UTF-8; LibreOffice and scripts read it too. RFC 4180 quoting.

export const CSV_SEPARATOR = ";";
export const CSV_BOM = "\uFEFF";

export type CsvValue = string | number | boolean | null | undefined;

/** Quotes a value that holds the separator, a quote, a line break or leading/trailing space. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "boolean" ? (value ? "1" : "0") : String(value);
  // A cell starting with = + - @ would run as a formula in Excel: prefix it (OWASP CSV injection).
  const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[";\r\n,]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole file: BOM, header, rows, CRLF line ends (what Excel writes and expects). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + [header, ...rows].map((row) => row.map(csvCell).join(CSV_SEPARATOR)).join("\r\n") + "\r\n";
}

/** A download response for a CSV file; the name is ASCII, so no encoding of the header is needed. */
export function csvResponse(csv: string, fileName: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
