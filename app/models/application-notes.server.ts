// Colleagues' private notes and 1–5 ratings on an application (docs/product.md §15,
// docs/decisions/060-notes-and-conversations.md). Every read and write is scoped by the company:
// an application of another company is "not-found", and nothing here is ever read for the graduate,
// another company or the graduate's data export. Queries only.
import type { DB } from "@db/connection";
import { averageRating } from "~/domain/conversations/rules";

export type NoteResult = { ok: true } | { ok: false; reason: "not-found" };

/** Whether the application is one of the company's (through its vacancy): routes ask first, so another company's id is a 404 whatever was posted. */
export async function ownsApplication(db: DB, companyId: number, applicationId: number): Promise<boolean> {
  const row = await db
    .selectFrom("applications")
    .innerJoin("vacancies", "vacancies.id", "applications.vacancy_id")
    .select("applications.id")
    .where("applications.id", "=", applicationId)
    .where("vacancies.company_id", "=", companyId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function addTeamNote(db: DB, companyId: number, applicationId: number, authorId: number, body: string): Promise<NoteResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await ownsApplication(trx, companyId, applicationId))) return { ok: false, reason: "not-found" };
    await trx.insertInto("application_notes").values({ application_id: applicationId, company_id: companyId, author_user_id: authorId, body }).execute();
    return { ok: true };
  });
}

/** One rating per colleague: a second one replaces the first. */
export async function rateApplication(db: DB, companyId: number, applicationId: number, raterId: number, rating: number): Promise<NoteResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await ownsApplication(trx, companyId, applicationId))) return { ok: false, reason: "not-found" };
    const now = new Date().toISOString();
    await trx
      .insertInto("application_ratings")
      .values({ application_id: applicationId, rater_user_id: raterId, company_id: companyId, rating })
      .onConflict((oc) => oc.columns(["application_id", "rater_user_id"]).doUpdateSet({ rating, company_id: companyId, updated_at: now }))
      .execute();
    return { ok: true };
  });
}

/** The team's notes (newest first) and every colleague's rating, for the employer's application page. */
export async function teamNotesOf(db: DB, companyId: number, applicationId: number, viewerId: number) {
  const [notes, ratings] = await Promise.all([
    db
      .selectFrom("application_notes")
      .leftJoin("users", "users.id", "application_notes.author_user_id")
      .select(["application_notes.id", "application_notes.body", "application_notes.created_at", "users.display_name as author"])
      .where("application_notes.company_id", "=", companyId)
      .where("application_notes.application_id", "=", applicationId)
      .orderBy("application_notes.id", "desc")
      .execute(),
    db
      .selectFrom("application_ratings")
      .innerJoin("users", "users.id", "application_ratings.rater_user_id")
      .select(["application_ratings.rater_user_id", "application_ratings.rating", "users.display_name as rater"])
      .where("application_ratings.company_id", "=", companyId)
      .where("application_ratings.application_id", "=", applicationId)
      // In the order colleagues first rated (names are not sorted here: docs/decisions/046).
      .orderBy("application_ratings.created_at")
      .orderBy("application_ratings.rater_user_id")
      .execute(),
  ]);
  return {
    notes: notes.map((n) => ({ id: n.id, body: n.body, createdAt: n.created_at, author: n.author })),
    ratings: ratings.map((r) => ({ rater: r.rater, rating: r.rating, mine: r.rater_user_id === viewerId })),
    average: averageRating(ratings.map((r) => r.rating)),
    myRating: ratings.find((r) => r.rater_user_id === viewerId)?.rating ?? null,
  };
}

export type NotesSummary = { notes: number; averageRating: number | null };

/**
 * For the applicants lists (list18): per application id, how many team notes and the average rating.
 * Ids of another company's applications come back as { notes: 0, averageRating: null }.
 */
export async function notesSummaryFor(db: DB, companyId: number, applicationIds: readonly number[]): Promise<Map<number, NotesSummary>> {
  const out = new Map<number, NotesSummary>(applicationIds.map((id) => [id, { notes: 0, averageRating: null }]));
  if (!applicationIds.length) return out;
  const ids = [...new Set(applicationIds)];
  const [notes, ratings] = await Promise.all([
    db
      .selectFrom("application_notes")
      .select(["application_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("company_id", "=", companyId)
      .where("application_id", "in", ids)
      .groupBy("application_id")
      .execute(),
    db.selectFrom("application_ratings").select(["application_id", "rating"]).where("company_id", "=", companyId).where("application_id", "in", ids).execute(),
  ]);
  for (const n of notes) out.get(n.application_id)!.notes = Number(n.n);
  const byApp = new Map<number, number[]>();
  for (const r of ratings) byApp.set(r.application_id, [...(byApp.get(r.application_id) ?? []), r.rating]);
  for (const [id, list] of byApp) out.get(id)!.averageRating = averageRating(list);
  return out;
}
