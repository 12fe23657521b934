// The employer's applicant list filters, read from the address (/employer/applicants?…): name, stage,
// vacancy, minimum match score, school, region, "meets every required skill", the application's date
// (from/to, Bishkek calendar days) and the sort (docs/product.md §15). Unknown values are ignored.
import type { ApplicationStatus } from "@db/schema";
import { isApplicationStatus } from "./pipeline";

export const APPLICANT_SORTS = ["date", "score"] as const;
export type ApplicantSort = (typeof APPLICANT_SORTS)[number];

export type CompanyApplicantsQuery = {
  q: string;
  status: ApplicationStatus | null;
  vacancyId: number | null;
  /** 1–100: only applications whose match score is at least this. */
  minScore: number | null;
  schoolId: number | null;
  regionId: number | null;
  /** Only graduates holding every required skill of the vacancy at its level. */
  meets: boolean;
  /** ISO dates, inclusive, of the application (Bishkek days). */
  from: string | null;
  to: string | null;
  /** "date": newest application first; "score": best match first. */
  sort: ApplicantSort;
  page: number;
};

const id = (v: string | null) => (v && /^\d{1,12}$/.test(v) && Number(v) > 0 ? Number(v) : null);

/** A real calendar day written as YYYY-MM-DD, or null. */
function isoDay(v: string | null): string | null {
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v ? v : null;
}

/** The applicants filters from the address (unknown values are ignored, never an error). */
export function applicantsQueryFrom(url: URL): CompanyApplicantsQuery {
  const p = url.searchParams;
  const status = p.get("status");
  const page = Number(p.get("page"));
  const score = p.get("score") ?? "";
  const minScore = /^\d{1,3}$/.test(score) && Number(score) >= 1 && Number(score) <= 100 ? Number(score) : null;
  const sort = p.get("sort");
  return {
    q: (p.get("q") ?? "").trim().slice(0, 100),
    status: isApplicationStatus(status) ? status : null,
    vacancyId: id(p.get("vacancy")),
    minScore,
    schoolId: id(p.get("school")),
    regionId: id(p.get("region")),
    meets: p.get("meets") === "1",
    from: isoDay(p.get("from")),
    to: isoDay(p.get("to")),
    sort: sort === "score" ? "score" : "date",
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
  };
}

/** The query as address parameters (the pager's and the undo's way back to the same list). */
export function applicantsSearch(q: Omit<CompanyApplicantsQuery, "page">, page = 1): string {
  const p = new URLSearchParams();
  if (q.q) p.set("q", q.q);
  if (q.status) p.set("status", q.status);
  if (q.vacancyId) p.set("vacancy", String(q.vacancyId));
  if (q.minScore) p.set("score", String(q.minScore));
  if (q.schoolId) p.set("school", String(q.schoolId));
  if (q.regionId) p.set("region", String(q.regionId));
  if (q.meets) p.set("meets", "1");
  if (q.from) p.set("from", q.from);
  if (q.to) p.set("to", q.to);
  if (q.sort !== "date") p.set("sort", q.sort);
  if (page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `?${s}` : "";
}
