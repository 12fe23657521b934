// Company verification states, shared by forms (browser) and models (server).
export type CompanyStatus = "pending" | "verified" | "rejected";
export const COMPANY_STATUSES: readonly CompanyStatus[] = ["pending", "verified", "rejected"];
