// How a place reads on a page: a town and its region, named once (polish; docs/decisions/077-places-and-demo-times.md).
// Bishkek and Osh are regions of their own («Бишкек шаары», «город Бишкек», "Bishkek City"), so a
// vacancy in Бишкек read «Бишкек, Бишкек шаары» and the home page «Бишкек шаары · Бишкек шаары».
import type { Lang } from "~/i18n/negotiate";
import { scriptKey } from "~/domain/search/script-keys";

/** A name stored in the three languages (a region's, a school's town). */
export type Names = { ky: string; ru: string; en: string };

// Words that say "town" or "city" around a town's name in the three languages: «Бишкек шаары»,
// «город Бишкек», «г. Бишкек», "Bishkek City". Words for a region (облусу, область) are not among them:
// Naryn the town and Naryn Region are two places, and «Нарын, Нарын облусу» says both.
const TOWN_WORDS = new Set(["шаары", "шаар", "город", "г", "city", "айылы", "село", "с"]);

/** The town in a name, as a loose key: town words dropped, either script (Бишкек = Bishkek). */
function townKey(name: string): string {
  const words = name.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? [];
  return words
    .filter((w) => !TOWN_WORDS.has(w))
    .map(scriptKey)
    .join(" ");
}

/** Whether a town's name (typed in any language, or stored in three) names the region itself. */
export function samePlace(town: string | Names, region: Names): boolean {
  const towns = typeof town === "string" ? [town] : [town.ky, town.ru, town.en];
  const regions = new Set([region.ky, region.ru, region.en].map(townKey));
  return towns.some((t) => {
    const key = townKey(t);
    return key !== "" && regions.has(key);
  });
}

/**
 * A place as one line: "town, region", or one name when the town is the region (Bishkek, Osh) or
 * only one of them is known. A town stored in three languages is shown in the reader's; a town as
 * people typed it (a vacancy's, a graduate's) gives way to the region's name in the reader's language
 * when they are the same place. Null when neither is known.
 */
export function placeText(lang: Lang, town: string | Names | null | undefined, region: Names | null | undefined): string | null {
  const townName = typeof town === "string" ? town.trim() || null : town ? town[lang] : null;
  const regionName = region ? region[lang] : null;
  if (townName && region && samePlace(town!, region)) return typeof town === "string" ? regionName : townName;
  return [townName, regionName].filter(Boolean).join(", ") || null;
}

/** A region's names from a row's `<prefix>_ky/_ru/_en` columns, or null when any is missing. */
export function namesOf<P extends string>(row: { [K in `${P}_${Lang}`]?: string | null }, prefix: P): Names | null {
  const ky = row[`${prefix}_ky` as `${P}_${Lang}`];
  const ru = row[`${prefix}_ru` as `${P}_${Lang}`];
  const en = row[`${prefix}_en` as `${P}_${Lang}`];
  return ky && ru && en ? { ky, ru, en } : null;
}
