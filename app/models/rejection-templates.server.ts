// A company's rejection reasons (docs/product.md §15, docs/decisions/059-bulk-decisions-and-undo.md): each
// in Kyrgyz, Russian and English; a bulk rejection sends the candidate the text in their language. The
// company gets three at first use. Scoped by company: another company's id names nothing. Queries only.
import type { DB } from "@db/connection";
import { DEFAULT_TEMPLATES, type TemplateTexts } from "~/domain/applications/bulk";
import { recordAudit } from "./audit.server";
import { inTransaction } from "./messages.server";

/**
 * The company's templates, oldest first. On first use (never given before) the defaults are written
 * once, in one transaction with their marker: deleting them all later does not bring them back.
 */
export async function templatesOf(db: DB, companyId: number) {
  const given = await db.selectFrom("rejection_template_defaults").select("company_id").where("company_id", "=", companyId).executeTakeFirst();
  if (!given) {
    await inTransaction(db, async (trx) => {
      const marked = await trx
        .insertInto("rejection_template_defaults")
        .values({ company_id: companyId })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(marked.numInsertedOrUpdatedRows ?? 0n) === 1)
        await trx
          .insertInto("rejection_templates")
          .values(DEFAULT_TEMPLATES.map((t) => ({ company_id: companyId, ...t })))
          .execute();
    });
  }
  return db.selectFrom("rejection_templates").select(["id", "text_ky", "text_ru", "text_en"]).where("company_id", "=", companyId).orderBy("id").execute();
}

export async function templateOf(db: DB, companyId: number, id: number) {
  return db
    .selectFrom("rejection_templates")
    .select(["id", "text_ky", "text_ru", "text_en"])
    .where("company_id", "=", companyId)
    .where("id", "=", id)
    .executeTakeFirst();
}

export async function addTemplate(db: DB, companyId: number, texts: TemplateTexts, actorUserId: number): Promise<number> {
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto("rejection_templates")
      .values({ company_id: companyId, ...texts })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actorUserId, action: "rejection-template.add", entity: "rejection_template", entityId: id, after: texts });
    return id;
  });
}

/** False when the template is not the company's. */
export async function saveTemplate(db: DB, companyId: number, id: number, texts: TemplateTexts, actorUserId: number): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const before = await templateOf(trx, companyId, id);
    if (!before) return false;
    await trx
      .updateTable("rejection_templates")
      .set({ ...texts, updated_at: new Date().toISOString() })
      .where("id", "=", id)
      .where("company_id", "=", companyId)
      .execute();
    await recordAudit(trx, { actorId: actorUserId, action: "rejection-template.edit", entity: "rejection_template", entityId: id, before, after: texts });
    return true;
  });
}

/** False when the template is not the company's. What was already sent keeps its words (bulk_actions holds them). */
export async function deleteTemplate(db: DB, companyId: number, id: number, actorUserId: number): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const before = await templateOf(trx, companyId, id);
    if (!before) return false;
    await trx.deleteFrom("rejection_templates").where("id", "=", id).where("company_id", "=", companyId).execute();
    await recordAudit(trx, { actorId: actorUserId, action: "rejection-template.delete", entity: "rejection_template", entityId: id, before });
    return true;
  });
}
