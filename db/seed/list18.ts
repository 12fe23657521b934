// The demo's part of the applicants list (docs/product.md §15, docs/decisions/059-bulk-decisions-and-undo.md):
// the demo company's rejection reasons (the three defaults and one of its own) and, three days ago, one
// bulk rejection of a few applications — written by the same model functions the forms call. Its
// messages are marked "not sent: demo" like every demo message (decision 057).
import type { DB } from "../connection";
import { bulkMove } from "../../app/models/bulk-actions.server";
import { addTemplate, templatesOf } from "../../app/models/rejection-templates.server";
import { markDemoMessagesNotSent } from "./outbox";

/** `employer` is the demo employer's address; the demo graduates with accounts (`keep`) are left as they are. */
export async function seedApplicantDecisions(db: DB, now: Date, demo: { employer: string; keep: readonly string[] }): Promise<void> {
  const member = await db
    .selectFrom("company_members")
    .innerJoin("users", "users.id", "company_members.user_id")
    .select(["company_members.company_id", "users.id as user_id"])
    .where("users.email", "=", demo.employer)
    .executeTakeFirst();
  if (!member) return;
  await templatesOf(db, member.company_id);
  await addTemplate(
    db,
    member.company_id,
    {
      text_ky: "Бул вакансия тажрыйбасы бар адисти талап кылат. Биринчи долбоорлоруңуздан кийин кайра арыз бериңиз.",
      text_ru: "На эту вакансию нужен специалист с опытом. Откликайтесь снова после первых проектов.",
      text_en: "This vacancy needs someone with experience. Please apply again after your first projects.",
    },
    member.user_id,
  );
  const [reason] = await templatesOf(db, member.company_id);
  const at = new Date(now.getTime() - 3 * 86_400_000);
  const applied = await db
    .selectFrom("applications as a")
    .innerJoin("vacancies as v", "v.id", "a.vacancy_id")
    .innerJoin("graduates as g", "g.id", "a.graduate_id")
    .leftJoin("users as u", "u.id", "g.user_id")
    .select("a.id")
    .where("v.company_id", "=", member.company_id)
    .where("a.status", "=", "applied")
    // Applications older than the decision, so each history stays in time order.
    .where("a.updated_at", "<", at.toISOString())
    .where((eb) => eb.or([eb("u.email", "is", null), eb("u.email", "not in", [...demo.keep])]))
    .orderBy("a.id")
    .limit(4)
    .execute();
  if (!applied.length || !reason) return;
  await bulkMove(db, member.company_id, { applicationIds: applied.map((a) => a.id), to: "rejected", templateId: reason.id, seen: {} }, member.user_id, at);
  await markDemoMessagesNotSent(db);
}
