// The vocabulary of placement outcomes (docs/product.md §6, NACE First-Destination with EQAVET beside it).
// Shared by the records, the indicators, the survey and the dashboard, and safe in the browser.

/** One primary outcome per graduate per checkpoint; `unknown` is the default. */
export const OUTCOME_CODES = ["employed", "military", "service", "education", "seeking", "not_seeking", "unknown", "excluded"] as const;
export type OutcomeCode = (typeof OUTCOME_CODES)[number];

/** Checkpoints counted from the cohort's graduation date; +36 months is optional. */
export const CHECKPOINTS = ["graduation", "m6", "m12", "m36"] as const;
export type Checkpoint = (typeof CHECKPOINTS)[number];
export const CHECKPOINT_MONTHS: Record<Checkpoint, number> = { graduation: 0, m6: 6, m12: 12, m36: 36 };

/** Where a record comes from. */
export const OUTCOME_SOURCES = ["application", "staff", "self_report", "employer", "survey"] as const;
export type OutcomeSource = (typeof OUTCOME_SOURCES)[number];

/** Kinds of work that count as `employed`. */
export const EMPLOYMENT_KINDS = ["employee", "own_business", "contract", "freelance", "paid_internship"] as const;
export type EmploymentKind = (typeof EMPLOYMENT_KINDS)[number];

/** 30 hours a week or more is full-time (docs/product.md §6). */
export const FULL_TIME_HOURS = 30;

/** A rate whose denominator is under this is "small n" for staff and hidden on public pages. */
export const SMALL_N = 10;
/** Median pay is shown only when at least this many pays stand behind it. */
export const MIN_PAYS_FOR_MEDIAN = 5;
/** Knowledge rate under this share is flagged. */
export const KNOWLEDGE_RATE_FLAG = 0.65;

export type Relatedness = "yes" | "no" | "unknown";
