// "The application, as this side may reach it": one query shared by the hiring models (applications,
// interviews, offers, conversations), with what their steps need — its stage, vacancy, company and
// graduate. A company reaches its vacancies' applications, a graduate their own; staff's reading of a
// reported conversation is unscoped ("any") and checked by its caller. Queries only.
import type { DB } from "@db/connection";

export type ApplicationScope = { companyId: number } | { graduateId: number } | "any";

export function applicationFor(db: DB, scope: ApplicationScope, applicationId: number) {
  const q = applicationRows(db).where("applications.id", "=", applicationId);
  if (scope === "any") return q;
  return "companyId" in scope ? q.where("vacancies.company_id", "=", scope.companyId) : q.where("applications.graduate_id", "=", scope.graduateId);
}

/** The same columns for several applications (add the where). */
export function applicationRows(db: DB) {
  return db
    .selectFrom("applications")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
    .innerJoin("companies", "companies.id", "vacancies.company_id")
    .innerJoin("graduates", "graduates.id", "applications.graduate_id")
    .select([
      "applications.id",
      "applications.status",
      "applications.graduate_id",
      "applications.vacancy_id",
      "vacancies.title",
      "vacancies.employment_type",
      "vacancies.company_id",
      "vacancies.region_id",
      "companies.name as company_name",
      "companies.status as company_status",
      "graduates.user_id",
      "graduates.first_name",
      "graduates.last_name",
    ]);
}

export type ApplicationRow = Awaited<ReturnType<ReturnType<typeof applicationRows>["executeTakeFirstOrThrow"]>>;
