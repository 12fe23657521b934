// CSV import of a cohort's graduates, without Remix or a database: bytes → text → records
// → checked lines → a plan. See README "CSV import of a cohort" for the file format.
import { type ColumnMap, mapHeader } from "./columns";
import { decodeCsvBytes } from "./decode";
import { MAX_DATA_ROWS } from "./limits";
import type { CsvFileProblem } from "./messages";
import { type Delimiter, detectDelimiter, excelSeparatorLine, parseCsv } from "./parse";
import { type CheckedLine, checkLine } from "./validate";

export { COLUMN_NAMES, fieldOfHeader, normaliseHeader } from "./columns";
export { decodeCsvBytes } from "./decode";
export { MAX_DATA_ROWS, MAX_FILE_BYTES, MAX_NAME_LENGTH } from "./limits";
export type { CsvFileProblem, CsvFileProblemKey, CsvLineReason, CsvLineReasonKey } from "./messages";
export { detectDelimiter, parseCsv, type CsvRecord, type Delimiter } from "./parse";
export { nameKey, planImport, type ExistingGraduates, type LineStatus, type Plan, type PlannedLine, type PlanSummary } from "./plan";
export { checkLine, cleanCell, parseEmail, parsePhone, parseSex, type CheckedLine, type LineValues, type Sex } from "./validate";

export type CheckedFile = { delimiter: Delimiter; columns: ColumnMap; lines: CheckedLine[] };
export type CsvCheck = { ok: true; file: CheckedFile } | { ok: false; problem: CsvFileProblem };

/** Checks decoded text: separator, header, every line. A whole-file problem stops here. */
export function checkCsvText(text: string): CsvCheck {
  const sep = excelSeparatorLine(text);
  const body = sep ? sep.rest : text;
  const delimiter = sep ? sep.delimiter : detectDelimiter(body);
  const parsed = parseCsv(body, delimiter, { firstLine: sep ? 2 : 1, maxRecords: MAX_DATA_ROWS + 1 });
  if (!parsed.ok) return parsed;
  const [header, ...rows] = parsed.records;
  if (!header) return { ok: false, problem: { key: "import.error.empty" } };
  const mapped = mapHeader(header.cells);
  if (!mapped.ok) return mapped;
  if (rows.length === 0) return { ok: false, problem: { key: "import.error.noRows" } };
  return { ok: true, file: { delimiter, columns: mapped.columns, lines: rows.map((r) => checkLine(r.line, r.cells, mapped.columns)) } };
}

/** Checks an uploaded file's bytes; on success also returns the text to stage. */
export function checkCsvBytes(bytes: Uint8Array): (CsvCheck & { ok: false }) | { ok: true; file: CheckedFile; text: string } {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return decoded;
  const checked = checkCsvText(decoded.text);
  return checked.ok ? { ...checked, text: decoded.text } : checked;
}
