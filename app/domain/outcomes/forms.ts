// One zod schema per outcome form (staff entry and the graduate's survey). Messages are
// catalog keys, translated on the page. Safe in the browser.
import { z } from "zod";
import { CHECKPOINTS, EMPLOYMENT_KINDS, OUTCOME_CODES, type Checkpoint, type EmploymentKind, type OutcomeCode, type Relatedness } from "./codes";
import { RELATEDNESS, SURVEY_CODES } from "./records";

export type EmploymentDetails = {
  kind: EmploymentKind;
  hours: number;
  companyId: number | null;
  employerName: string | null;
  jobTitle: string | null;
  startDate: string | null;
  monthlyPay: number | null;
  related: Relatedness;
  regionId: number | null;
};

export type OutcomeDetails = {
  code: OutcomeCode;
  asOf: string;
  employment: EmploymentDetails | null;
  notSeekingReason: string | null;
  excludedReason: string | null;
};

const text = z.string().optional();
const isIsoDate = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};
const clean = (v: string | undefined) => (v ?? "").trim();

type Ctx = z.RefinementCtx;
const fail = (ctx: Ctx, path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });

/** A whole number typed with or without spaces ("45 000"); null when empty; undefined when invalid. */
function wholeNumber(v: string | undefined, max: number): number | null | undefined {
  const s = clean(v).replace(/[\s\u00a0]/g, "");
  if (!s) return null;
  if (!/^\d{1,9}$/.test(s)) return undefined;
  const n = Number(s);
  return n <= max ? n : undefined;
}

type RawEmployment = {
  kind?: string;
  hours?: string;
  companyId?: string;
  employerName?: string;
  jobTitle?: string;
  startDate?: string;
  monthlyPay?: string;
  related?: string;
  regionId?: string;
};

/** Checks the employed details; returns them, or null after adding issues. */
function employment(raw: RawEmployment, ctx: Ctx, options: { staff: boolean }): EmploymentDetails | null {
  let ok = true;
  const kind = options.staff ? clean(raw.kind) : "employee";
  if (!(EMPLOYMENT_KINDS as readonly string[]).includes(kind)) {
    fail(ctx, "kind", kind ? "errors.invalid" : "errors.required");
    ok = false;
  }
  const hours = wholeNumber(raw.hours, 100);
  if (hours == null || hours < 1) {
    fail(ctx, "hours", hours === null ? "errors.required" : "outcomes.errors.hours");
    ok = false;
  }
  const companyText = options.staff ? clean(raw.companyId) : "";
  const companyId = companyText ? (/^\d{1,12}$/.test(companyText) ? Number(companyText) : NaN) : null;
  if (Number.isNaN(companyId)) {
    fail(ctx, "companyId", "errors.invalid");
    ok = false;
  }
  const employerName = clean(raw.employerName).slice(0, 1000) || null;
  if (employerName && employerName.length > 200) {
    fail(ctx, "employerName", "errors.tooLong");
    ok = false;
  }
  if (companyId === null && !employerName) {
    fail(ctx, "employerName", options.staff ? "outcomes.errors.employer" : "errors.required");
    ok = false;
  }
  const jobTitle = clean(raw.jobTitle) || null;
  if (!jobTitle && !options.staff) {
    fail(ctx, "jobTitle", "errors.required");
    ok = false;
  } else if (jobTitle && jobTitle.length > 200) {
    fail(ctx, "jobTitle", "errors.tooLong");
    ok = false;
  }
  const startDate = clean(raw.startDate) || null;
  if (!startDate) {
    fail(ctx, "startDate", "errors.required");
    ok = false;
  } else if (!isIsoDate(startDate)) {
    fail(ctx, "startDate", "errors.date");
    ok = false;
  }
  const monthlyPay = wholeNumber(raw.monthlyPay, 10_000_000);
  if (monthlyPay === undefined) {
    fail(ctx, "monthlyPay", "outcomes.errors.pay");
    ok = false;
  }
  const related = clean(raw.related) || (options.staff ? "unknown" : "");
  const allowedRelated: readonly string[] = options.staff ? RELATEDNESS : ["yes", "no"];
  if (!allowedRelated.includes(related)) {
    fail(ctx, "related", related ? "errors.invalid" : "errors.required");
    ok = false;
  }
  const regionText = options.staff ? clean(raw.regionId) : "";
  const regionId = regionText ? (/^\d{1,12}$/.test(regionText) ? Number(regionText) : NaN) : null;
  if (Number.isNaN(regionId)) {
    fail(ctx, "regionId", "errors.invalid");
    ok = false;
  }
  if (!ok) return null;
  return {
    kind: kind as EmploymentKind,
    hours: hours!,
    companyId,
    employerName: companyId === null ? employerName : null,
    jobTitle,
    startDate,
    monthlyPay: monthlyPay ?? null,
    related: related as Relatedness,
    regionId,
  };
}

const employmentFields = {
  kind: text,
  hours: text,
  companyId: text,
  employerName: text,
  jobTitle: text,
  startDate: text,
  monthlyPay: text,
  related: text,
  regionId: text,
};

/** Staff record or correct one checkpoint's outcome. */
export const StaffOutcomeSchema = z
  .object({ checkpoint: text, code: text, asOf: text, reason: text, ...employmentFields })
  .transform((raw, ctx): { checkpoint: Checkpoint } & OutcomeDetails => {
    const checkpoint = clean(raw.checkpoint);
    if (!(CHECKPOINTS as readonly string[]).includes(checkpoint)) fail(ctx, "checkpoint", checkpoint ? "errors.invalid" : "errors.required");
    const code = clean(raw.code);
    if (!(OUTCOME_CODES as readonly string[]).includes(code)) fail(ctx, "code", code ? "errors.invalid" : "errors.required");
    const asOf = clean(raw.asOf);
    if (!asOf) fail(ctx, "asOf", "errors.required");
    else if (!isIsoDate(asOf)) fail(ctx, "asOf", "errors.date");
    const reason = clean(raw.reason) || null;
    if (reason && reason.length > 500) fail(ctx, "reason", "errors.tooLong");
    if (code === "excluded" && !reason) fail(ctx, "reason", "outcomes.errors.excludedReason");
    const details = code === "employed" ? employment(raw, ctx, { staff: true }) : null;
    return {
      checkpoint: checkpoint as Checkpoint,
      code: code as OutcomeCode,
      asOf,
      employment: details,
      notSeekingReason: code === "not_seeking" ? reason : null,
      excludedReason: code === "excluded" ? reason : null,
    };
  });

export type StaffOutcomeInput = z.output<typeof StaffOutcomeSchema>;

/** The graduate's short survey answer. */
export const SurveyAnswerSchema = z.object({ code: text, ...employmentFields }).transform((raw, ctx): Omit<OutcomeDetails, "asOf"> => {
  const code = clean(raw.code);
  if (!(SURVEY_CODES as readonly string[]).includes(code)) fail(ctx, "code", code ? "errors.invalid" : "outcomes.errors.chooseOne");
  const details = code === "employed" ? employment(raw, ctx, { staff: false }) : null;
  return { code: code as OutcomeCode, employment: details, notSeekingReason: null, excludedReason: null };
});

export type SurveyAnswer = z.output<typeof SurveyAnswerSchema>;
