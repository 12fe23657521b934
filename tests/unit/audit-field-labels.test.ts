// Every field name an audit entry records is shown in the reader's language on /staff/audit
// (app/routes/staff.audit.tsx): a new field written by recordAudit without a label in
// app/i18n/areas/audit-fields.ts would show as the bare code name. This scan reads the field names
// written literally in `before: { … }` / `after: { … }` of the code's audit calls (fields that arrive
// by a spread come from rows whose columns are labelled already).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditFieldMessages } from "~/i18n/areas/audit-fields";

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The literal keys of `before: {…}` and `after: {…}` objects (one level, spreads skipped). */
function recordedFields(source: string): string[] {
  const keys: string[] = [];
  for (const m of source.matchAll(/\b(?:before|after):\s*\{([^{}]*)\}/g)) {
    for (const part of m[1].split(",")) {
      const key = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?::|$)/.exec(part)?.[1];
      if (key && !part.trim().startsWith("...")) keys.push(key);
    }
  }
  return keys;
}

const labelKey = (field: string) => `audit.field.${field.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase()}`;

describe("audit field labels", () => {
  const files = [...sourceFiles("app/models"), ...sourceFiles("app/routes")].filter((f) => /recordAudit\(/.test(fs.readFileSync(f, "utf8")));

  it("finds the audit calls it scans", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("has a label in ky, ru and en for every field an audit call records", () => {
    const missing: string[] = [];
    for (const file of files) {
      for (const field of recordedFields(fs.readFileSync(file, "utf8"))) {
        for (const lang of ["en", "ru", "ky"] as const) {
          if (!(labelKey(field) in auditFieldMessages[lang])) missing.push(`${lang} ${labelKey(field)} (${file})`);
        }
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
