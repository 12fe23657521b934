// RFC 4180 records: quoted fields, doubled quotes, separators and line breaks inside quotes,
// CRLF / LF / CR line ends. Each record keeps the physical line it starts on, so a report
// can say "line 7" and mean what a text editor shows.
import { MAX_DATA_ROWS } from "./limits";
import type { CsvFileProblem } from "./messages";

export type Delimiter = "," | ";";
export type CsvRecord = { line: number; cells: string[] };
export type Parsed = { ok: true; records: CsvRecord[] } | { ok: false; problem: CsvFileProblem };

/** The separator of the first non-blank line: the more frequent of `;` and `,` outside quotes (`,` on a tie). */
export function detectDelimiter(text: string): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  let seen = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"')
      inQuotes = !inQuotes; // a doubled quote toggles twice: still right
    else if (inQuotes) continue;
    else if (ch === "\n" || ch === "\r") {
      if (seen) break;
    } else {
      if (ch === ",") commas++;
      else if (ch === ";") semicolons++;
      if (ch.trim() !== "") seen = true;
    }
  }
  return semicolons > commas ? ";" : ",";
}

/** Excel writes `sep=;` as a first line when asked to; it names the separator and is not data. */
export function excelSeparatorLine(text: string): { delimiter: Delimiter; rest: string; skippedLines: number } | null {
  const m = /^sep=([,;])[ \t]*(\r\n|\n|\r|$)/i.exec(text);
  return m ? { delimiter: m[1] as Delimiter, rest: text.slice(m[0].length), skippedLines: 1 } : null;
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === "");

/**
 * Splits text into records. Blank lines are dropped (spreadsheets leave `;;;;` rows behind).
 * Stops with a whole-file problem on an unclosed quote, on text after a closing quote, or
 * when there are more than `maxRecords` non-blank records (header included).
 */
export function parseCsv(text: string, delimiter: Delimiter, options: { firstLine?: number; maxRecords?: number } = {}): Parsed {
  const maxRecords = options.maxRecords ?? MAX_DATA_ROWS + 1;
  const records: CsvRecord[] = [];
  const n = text.length;
  let line = options.firstLine ?? 1;
  let recordLine = line;
  let cells: string[] = [];
  let field = "";
  let atFieldStart = true;
  let i = 0;

  const endRecord = (): CsvFileProblem | null => {
    cells.push(field);
    if (!isBlank(cells)) {
      if (records.length >= maxRecords) return { key: "import.error.tooManyRows", vars: { max: maxRecords - 1 } };
      records.push({ line: recordLine, cells });
    }
    cells = [];
    field = "";
    atFieldStart = true;
    return null;
  };

  while (i < n) {
    const ch = text[i];
    if (atFieldStart && (ch === " " || ch === "\t")) {
      // Spaces before an opening quote (`a, "b"`) are not part of the value.
      let j = i;
      while (j < n && (text[j] === " " || text[j] === "\t")) j++;
      if (text[j] === '"') i = j;
    }
    if (atFieldStart && text[i] === '"') {
      const startLine = line;
      i++;
      let value = "";
      let chunkStart = i;
      for (;;) {
        if (i >= n) return { ok: false, problem: { key: "import.error.unclosedQuote", vars: { line: startLine } } };
        const c = text[i];
        if (c === '"') {
          value += text.slice(chunkStart, i);
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            chunkStart = i;
            continue;
          }
          i++;
          break;
        }
        if (c === "\r" || c === "\n") {
          value += text.slice(chunkStart, i) + "\n";
          i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
          line++;
          chunkStart = i;
          continue;
        }
        i++;
      }
      while (i < n && (text[i] === " " || text[i] === "\t")) i++;
      if (i < n && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") {
        return { ok: false, problem: { key: "import.error.badQuote", vars: { line } } };
      }
      field = value;
      atFieldStart = false;
      continue;
    }
    const c = text[i];
    if (c === delimiter) {
      cells.push(field);
      field = "";
      atFieldStart = true;
      i++;
    } else if (c === "\n" || c === "\r") {
      const problem = endRecord();
      if (problem) return { ok: false, problem };
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      // An unquoted run up to the next separator or line end.
      let j = i + 1;
      while (j < n && text[j] !== delimiter && text[j] !== "\n" && text[j] !== "\r") j++;
      field += text.slice(i, j);
      atFieldStart = false;
      i = j;
    }
  }
  if (!atFieldStart || cells.length > 0 || field !== "") {
    const problem = endRecord();
    if (problem) return { ok: false, problem };
  }
  return { ok: true, records };
}
