// One data line → trimmed values and, if it cannot be imported, every reason why.
import { z } from "zod";
import type { ColumnField, ColumnMap } from "./columns";
import { MAX_NAME_LENGTH } from "./limits";
import type { CsvLineReason } from "./messages";

export type Sex = "f" | "m";
export type LineValues = { lastName: string; firstName: string; sex: Sex | null; email: string | null; phone: string | null };
export type CheckedLine = { line: number; values: LineValues; reasons: CsvLineReason[] };

/** Trimmed, NFC, every run of white space (line breaks from quoted cells too) made one space. */
export function cleanCell(raw: string | undefined): string {
  return (raw ?? "").normalize("NFC").replace(/\s+/gu, " ").trim();
}

// Letters of any script (Cyrillic with Kyrgyz ө ү ң, Latin …), combining marks, and the
// joiners real names use: space ("Асанбек уулу"), hyphen, apostrophes (O'Brien, Ғ').
const NAME = /^\p{L}[\p{L}\p{M}'’ʼ\- ]*$/u;

function checkName(value: string, field: "lastName" | "firstName", reasons: CsvLineReason[]): void {
  const which = field === "lastName" ? "lastName" : "firstName";
  if (value === "") reasons.push({ key: `import.reason.${which}Required` });
  else if ([...value].length > MAX_NAME_LENGTH) reasons.push({ key: `import.reason.${which}TooLong`, vars: { max: MAX_NAME_LENGTH } });
  else if (!NAME.test(value)) reasons.push({ key: `import.reason.${which}Invalid` });
}

const SEX: Record<string, Sex> = {
  m: "m",
  male: "m",
  man: "m",
  м: "m",
  муж: "m",
  мужской: "m",
  мужчина: "m",
  э: "m",
  эр: "m",
  эркек: "m",
  f: "f",
  female: "f",
  woman: "f",
  ж: "f",
  жен: "f",
  женский: "f",
  женщина: "f",
  а: "f",
  аял: "f",
  кыз: "f",
};

export function parseSex(value: string): Sex | null | undefined {
  if (value === "") return null;
  return SEX[value.toLowerCase().replace(/\.$/, "")];
}

const emailSchema = z.email();

export function parseEmail(value: string): string | null | undefined {
  if (value === "") return null;
  const lower = value.toLowerCase();
  return lower.length <= 254 && emailSchema.safeParse(lower).success ? lower : undefined;
}

/** Digits, spaces and a leading +, with the (), - and . people type; 7 to 15 digits. Kept as +digits or digits. */
export function parsePhone(value: string): string | null | undefined {
  if (value === "") return null;
  if (!/^\+?[\d\s()\-.]+$/.test(value)) return undefined;
  const digits = value.replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 15) return undefined;
  return value.startsWith("+") ? `+${digits}` : digits;
}

const shown = (value: string) => ([...value].length > 40 ? `${[...value].slice(0, 40).join("")}…` : value);

export function checkLine(line: number, cells: string[], columns: ColumnMap): CheckedLine {
  const cell = (field: ColumnField) => {
    const i = columns.index[field];
    return i === undefined ? "" : cleanCell(cells[i]);
  };
  const reasons: CsvLineReason[] = [];
  const lastName = cell("lastName");
  const firstName = cell("firstName");
  checkName(lastName, "lastName", reasons);
  checkName(firstName, "firstName", reasons);
  const rawSex = cell("sex");
  const sex = parseSex(rawSex);
  if (sex === undefined) reasons.push({ key: "import.reason.sexInvalid", vars: { value: shown(rawSex) } });
  const rawEmail = cell("email");
  const email = parseEmail(rawEmail);
  if (email === undefined) reasons.push({ key: "import.reason.emailInvalid", vars: { value: shown(rawEmail) } });
  const rawPhone = cell("phone");
  const phone = parsePhone(rawPhone);
  if (phone === undefined) reasons.push({ key: "import.reason.phoneInvalid", vars: { value: shown(rawPhone) } });
  // More values than columns usually means an unquoted , or ; inside a value.
  const used = cells.length > columns.width ? cells.slice(columns.width).filter((c) => c.trim() !== "").length : 0;
  if (used > 0) reasons.push({ key: "import.reason.extraValues", vars: { count: cells.length, expected: columns.width } });
  return {
    line,
    values: { lastName, firstName, sex: sex ?? null, email: email ?? null, phone: phone ?? null },
    reasons,
  };
}
