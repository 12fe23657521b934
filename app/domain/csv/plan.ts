// Decides, line by line, what an import would do against the graduates that exist now:
// accepted, rejected (invalid values) or duplicate (of the cohort, of the portal's emails,
// or of an earlier line of the same file). Pure: the caller fetches what exists.
import type { CsvLineReason } from "./messages";
import type { CheckedLine, LineValues } from "./validate";

export type LineStatus = "accepted" | "rejected" | "duplicate";
export type PlannedLine = { line: number; values: LineValues; status: LineStatus; reasons: CsvLineReason[] };
export type PlanSummary = { total: number; accepted: number; rejected: number; duplicates: number };
export type Plan = { lines: PlannedLine[]; summary: PlanSummary };

export type ExistingGraduates = {
  /** Graduates already in the target cohort. */
  cohortNames: Iterable<{ firstName: string; lastName: string }>;
  /** Emails of graduates anywhere in the portal (any case). */
  emails: Iterable<string>;
};

/** Two spellings of one person compare equal: case, ё/е, apostrophe kinds and spacing do not matter. */
export function nameKey(firstName: string, lastName: string): string {
  const fold = (s: string) =>
    s
      .normalize("NFC")
      .toLowerCase()
      .replace(/ё/g, "е")
      .replace(/[’ʼ`]/g, "'")
      .replace(/\s*-\s*/g, "-")
      .replace(/\s+/g, " ")
      .trim();
  return `${fold(lastName)}\u0000${fold(firstName)}`;
}

export function planImport(lines: CheckedLine[], existing: ExistingGraduates): Plan {
  const inCohort = new Set<string>();
  for (const g of existing.cohortNames) inCohort.add(nameKey(g.firstName, g.lastName));
  const takenEmails = new Set<string>();
  for (const e of existing.emails) takenEmails.add(e.toLowerCase());
  const namesInFile = new Map<string, number>();
  const emailsInFile = new Map<string, number>();

  const planned: PlannedLine[] = [];
  const summary: PlanSummary = { total: lines.length, accepted: 0, rejected: 0, duplicates: 0 };
  for (const l of lines) {
    if (l.reasons.length > 0) {
      planned.push({ line: l.line, values: l.values, status: "rejected", reasons: l.reasons });
      summary.rejected++;
      continue;
    }
    const reasons: CsvLineReason[] = [];
    const key = nameKey(l.values.firstName, l.values.lastName);
    const email = l.values.email;
    if (inCohort.has(key)) reasons.push({ key: "import.reason.duplicateInCohort" });
    const sameName = namesInFile.get(key);
    if (sameName !== undefined) reasons.push({ key: "import.reason.duplicateInFile", vars: { line: sameName } });
    if (email !== null) {
      if (takenEmails.has(email)) reasons.push({ key: "import.reason.duplicateEmail" });
      const sameEmail = emailsInFile.get(email);
      if (sameEmail !== undefined) reasons.push({ key: "import.reason.duplicateEmailInFile", vars: { line: sameEmail } });
    }
    if (reasons.length > 0) {
      planned.push({ line: l.line, values: l.values, status: "duplicate", reasons });
      summary.duplicates++;
      continue;
    }
    namesInFile.set(key, l.line);
    if (email !== null) emailsInFile.set(email, l.line);
    planned.push({ line: l.line, values: l.values, status: "accepted", reasons: [] });
    summary.accepted++;
  }
  return { lines: planned, summary };
}
