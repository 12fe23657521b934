// Daily digests (docs/product.md §13, docs/decisions/053-message-preferences-and-digests.md): one
// message listing many things. Its lines travel in the outbox row's variables as `items` (a JSON
// list: a catalog key with its variables, and a link) and are put into words at delivery, in the
// reader's language, like every other message. When a daily job is due. Pure functions.
import type { T } from "~/i18n/translate";

/** One line of a digest: the words (a catalog key and its variables) and where it leads. */
export type DigestItem = { key: string; vars: Record<string, string | number>; link: string | null };

/** At most this many lines in one digest; the rest is "… and N more in the portal". */
export const MAX_DIGEST_ITEMS = 30;

export function encodeItems(items: readonly DigestItem[]): { items: string; more: number } {
  return { items: JSON.stringify(items.slice(0, MAX_DIGEST_ITEMS)), more: Math.max(0, items.length - MAX_DIGEST_ITEMS) };
}

/** The lines of a message's variables; none for an ordinary message or a damaged value. */
export function decodeItems(vars: Record<string, string | number>): DigestItem[] {
  if (typeof vars.items !== "string") return [];
  try {
    const parsed: unknown = JSON.parse(vars.items);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (i): i is DigestItem =>
        typeof i === "object" &&
        i !== null &&
        typeof (i as DigestItem).key === "string" &&
        typeof (i as DigestItem).vars === "object" &&
        (i as DigestItem).vars !== null,
    );
  } catch {
    return [];
  }
}

export type DigestLine = { text: string; url: string | null };

/** A digest's lines in the reader's words with absolute links, and the "… and N more" line. Unknown keys are left out. */
export function digestLines(t: T, vars: Record<string, string | number>, publicUrl: string): DigestLine[] {
  const lines = decodeItems(vars)
    .filter((i) => t.has(i.key))
    .map((i) => ({ text: t(i.key as Parameters<T>[0], i.vars), url: i.link ? new URL(i.link, publicUrl).href : null }));
  const more = typeof vars.more === "number" ? vars.more : 0;
  return more > 0 ? [...lines, { text: t("digest.more", { n: more }), url: null }] : lines;
}

const HOUR_MS = 3_600_000;

/** The Bishkek hour of an instant (UTC+6 all year, app/domain/calendar.ts). */
export function bishkekHour(now: Date): number {
  return new Date(now.getTime() + 6 * HOUR_MS).getUTCHours();
}

/** Whether a daily job set for `hour` (Bishkek) may run at `now`: from that hour to the end of the Bishkek day. */
export function dailyJobDue(now: Date, hour: number): boolean {
  return bishkekHour(now) >= hour;
}
