// Which of the viewing employer's vacancies a graduate can be invited to from the graduate's page
// (issue 14, item 9): open, still before its deadline, and not yet applied for or invited to.
import { todayInBishkek } from "~/domain/calendar";
import { sortByKyrgyzName } from "~/domain/search/kyrgyz-order";
import type { DB } from "@db/connection";
import type { Viewer } from "~/domain/visibility";

export type InviteChoices = { vacancies: { id: number; title: string }[] } | null;

/** Null unless the viewer is a member of a verified company and the graduate has an account to be invited with. */
export async function inviteChoices(db: DB, viewer: Viewer, graduateSlug: string): Promise<InviteChoices> {
  if (viewer.kind !== "employer" || !viewer.verified || viewer.companyId === null) return null;
  const company = { id: viewer.companyId };
  const graduate = await db
    .selectFrom("graduates")
    .select("id")
    .where("slug", "=", graduateSlug)
    .where("visibility", "in", ["employers", "public"])
    .where("anonymised_at", "is", null)
    .where("user_id", "is not", null)
    .executeTakeFirst();
  if (!graduate) return null;
  const today = todayInBishkek();
  const vacancies = await db
    .selectFrom("vacancies")
    .select(["vacancies.id", "vacancies.title"])
    .where("vacancies.company_id", "=", company.id)
    .where("vacancies.status", "=", "open")
    .where((eb) => eb.or([eb("vacancies.deadline", "is", null), eb("vacancies.deadline", ">=", today)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("applications")
            .select("applications.id")
            .whereRef("applications.vacancy_id", "=", "vacancies.id")
            .where("applications.graduate_id", "=", graduate.id),
        ),
      ),
    )
    .orderBy("vacancies.id")
    .execute();
  // By title in the Kyrgyz alphabet (docs/decisions/046-small-list-search-and-kyrgyz-order.md).
  return { vacancies: sortByKyrgyzName(vacancies, (v) => v.title) };
}
