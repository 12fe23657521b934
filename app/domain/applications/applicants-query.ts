// The employer's applicant list filters, read from the address (/employer/applicants?…).
import type { ApplicationStatus } from "@db/schema";
import { isApplicationStatus } from "./pipeline";

export type CompanyApplicantsQuery = { q: string; status: ApplicationStatus | null; vacancyId: number | null; page: number };

/** The applicants filters from the address (unknown values are ignored, never an error). */
export function applicantsQueryFrom(url: URL): CompanyApplicantsQuery {
  const p = url.searchParams;
  const status = p.get("status");
  const vacancy = p.get("vacancy") ?? "";
  const page = Number(p.get("page"));
  return {
    q: (p.get("q") ?? "").trim().slice(0, 100),
    status: isApplicationStatus(status) ? status : null,
    vacancyId: /^\d{1,12}$/.test(vacancy) ? Number(vacancy) : null,
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
  };
}
