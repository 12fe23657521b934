// Which vacancies the public sees (docs/product.md §3): open ones of verified companies.
import type { VacancyStatus } from "@db/schema";

/** A vacancy the public may see. */
export const isPublic = (v: { status: VacancyStatus; company_status: string }) => v.status === "open" && v.company_status === "verified";
