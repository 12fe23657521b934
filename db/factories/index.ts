// Factories shared by the demo generator (db/seed) and the tests (tests/support/factories.ts):
// graduates, companies, vacancies and applications are built through the forms' own schemas and
// the models' own functions, so demo and test data cannot drift from what the forms write.
// Nothing here imports test code or reaches for a Request. docs/decisions/039-shared-factories.md
export { makeUser, nextNumber, PASSWORD, type UserOverrides } from "./accounts";
export { addCompanyMember, type CompanyOptions, makeCompany } from "./companies";
export { type GraduateOptions, type MadeGraduate, makeCohort, makeGraduate, makeInvitation } from "./graduates";
export { makeVacancy, parseVacancyFields, type VacancyFields, type VacancyForm, vacancyInput, type VacancyOptions } from "./vacancies";
export { type ApplicationOptions, makeApplication } from "./applications";
export { ACTOR, stepsTo } from "./history";
