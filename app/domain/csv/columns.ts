// Column names accepted in the header line, in English, Russian and Kyrgyz, compared
// case-insensitively and ignoring spaces, hyphens, dots and underscores between words.
import type { CsvFileProblem } from "./messages";

export type ColumnField = "lastName" | "firstName" | "sex" | "email" | "phone";
export const REQUIRED_FIELDS: readonly ColumnField[] = ["lastName", "firstName"];

/** The names shown in the README and in error messages (en / ru / ky). */
export const COLUMN_NAMES: Record<ColumnField, readonly [string, string, string]> = {
  lastName: ["last_name", "фамилия", "фамилиясы"],
  firstName: ["first_name", "имя", "аты"],
  sex: ["sex", "пол", "жынысы"],
  email: ["email", "email", "email"],
  phone: ["phone", "телефон", "телефон"],
};

const ALIASES: Record<ColumnField, readonly string[]> = {
  lastName: ["last_name", "lastname", "surname", "family_name", "фамилия", "фамилиясы"],
  firstName: ["first_name", "firstname", "given_name", "имя", "аты", "ысымы"],
  sex: ["sex", "gender", "пол", "жынысы", "жыныс"],
  email: ["email", "e_mail", "mail", "email_address", "почта", "эл_почта", "электронная_почта", "электрондук_почта"],
  phone: ["phone", "phone_number", "telephone", "tel", "mobile", "телефон", "тел", "номер_телефона", "телефон_номери", "мобильный"],
};

export function normaliseHeader(raw: string): string {
  return raw
    .normalize("NFC")
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\s\-._]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

const BY_ALIAS = new Map<string, ColumnField>(
  (Object.entries(ALIASES) as [ColumnField, readonly string[]][]).flatMap(([field, names]) => names.map((n) => [n, field] as const)),
);

export function fieldOfHeader(raw: string): ColumnField | null {
  return BY_ALIAS.get(normaliseHeader(raw)) ?? null;
}

export type ColumnMap = { index: Partial<Record<ColumnField, number>>; ignored: string[]; width: number };

/** Which cell holds which field; unknown columns are kept aside and reported, not refused. */
export function mapHeader(header: string[]): { ok: true; columns: ColumnMap } | { ok: false; problem: CsvFileProblem } {
  const index: Partial<Record<ColumnField, number>> = {};
  const ignored: string[] = [];
  for (const [i, raw] of header.entries()) {
    const name = raw.trim();
    const field = fieldOfHeader(name);
    if (field === null) {
      if (name) ignored.push(name);
      continue;
    }
    if (index[field] !== undefined) return { ok: false, problem: { key: "import.error.duplicateColumn", vars: { column: name } } };
    index[field] = i;
  }
  const missing = REQUIRED_FIELDS.filter((f) => index[f] === undefined);
  if (missing.length > 0) {
    return { ok: false, problem: { key: "import.error.missingColumns", vars: { columns: missing.map((f) => COLUMN_NAMES[f].join(" / ")).join("; ") } } };
  }
  return { ok: true, columns: { index, ignored, width: header.length } };
}
