// The applicants list's bulk decisions as rules (docs/product.md §15, docs/decisions/059-bulk-decisions-and-undo.md):
// which stages a bulk move may go to, how long an undo lasts, the size limits, and the three reasons a
// company is given at first use. Pure data; safe in the browser.
import type { ApplicationStatus, Lang } from "@db/schema";

/** How long a bulk action can be undone. */
export const BULK_UNDO_MS = 10 * 60_000;

/** At most this many applications in one action (a page of the list is 50). */
export const BULK_MAX = 200;

/**
 * Where a bulk move may take applications: forward stages that need nothing typed per person. "Hired"
 * needs each start date and records a placement (the application page does it); rejection is its own
 * action with a reason.
 */
export const BULK_MOVE_TARGETS = ["screening", "interview", "offer"] as const satisfies readonly ApplicationStatus[];
export type BulkMoveTarget = (typeof BULK_MOVE_TARGETS)[number];

export function isBulkMoveTarget(v: unknown): v is BulkMoveTarget {
  return typeof v === "string" && (BULK_MOVE_TARGETS as readonly string[]).includes(v);
}

/** Why an application of the selection was left as it was. */
export type BulkSkipReason = "transition" | "conflict";
export type BulkSkip = { applicationId: number; reason: BulkSkipReason; status: ApplicationStatus };

/** Whether a bulk action made at `createdUntil` can still be undone at `now`. */
export function canUndoAt(undoUntil: string, now: Date): boolean {
  return now.toISOString() <= undoUntil;
}

export function undoUntilOf(now: Date): string {
  return new Date(now.getTime() + BULK_UNDO_MS).toISOString();
}

/** The longest reason text, per language. */
export const TEMPLATE_MAX = 1000;

export type TemplateTexts = Record<`text_${Lang}`, string>;

/** The reasons a company finds on first use (it edits or deletes them like its own). */
export const DEFAULT_TEMPLATES: readonly TemplateTexts[] = [
  {
    text_ky: "Бул жолу башка талапкерди тандадык. Кызыкканыңыз үчүн рахмат — жаңы вакансияларыбызга арыз бериңиз.",
    text_ru: "В этот раз мы выбрали другого кандидата. Спасибо за интерес — откликайтесь на наши новые вакансии.",
    text_en: "We chose another candidate this time. Thank you for your interest — please apply to our new vacancies.",
  },
  {
    text_ky: "Бул вакансиянын милдеттүү көндүмдөрү азырынча жетишсиз. Көндүмдөрүңүздү өркүндөтүп, кийинки жолу кайра арыз бериңиз.",
    text_ru: "Пока не хватает обязательных навыков этой вакансии. Развивайте их и откликайтесь снова в следующий раз.",
    text_en: "The vacancy's required skills are not there yet. Keep building them and apply again next time.",
  },
  {
    text_ky: "Вакансия жабылды: орун ээленди. Кызыкканыңыз үчүн рахмат.",
    text_ru: "Вакансия закрыта: место уже занято. Спасибо за интерес.",
    text_en: "The vacancy is closed: the position has been filled. Thank you for your interest.",
  },
];
