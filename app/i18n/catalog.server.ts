// All three catalogs live on the server; a page receives only its own language's.
import { en, type Messages } from "./messages/en";
import { ky } from "./messages/ky";
import { ru } from "./messages/ru";
import type { Lang } from "./negotiate";
import { makeT, type T } from "./translate";

export const catalogs: Record<Lang, Messages> = { ky, ru, en };

export function serverT(lang: Lang): T {
  return makeT(catalogs[lang], lang);
}
