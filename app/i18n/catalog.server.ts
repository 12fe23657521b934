// All three catalogs live on the server; a page receives only its own language's.
import { en, type Messages } from "./messages/en";
import { ky } from "./messages/ky";
import { ru } from "./messages/ru";
import type { Lang } from "./negotiate";
import { makeT, type T } from "./translate";

export const catalogs: Record<Lang, Messages> = { ky, ru, en };

/**
 * Keys only the server reads: e-mail texts, calendar files and the Telegram bot's replies. Every
 * page ships its language's catalog in the root loader's data, so these stay out of it (the
 * page-weight budget of docs/product.md §10; the page tours fail on any raw key a page shows).
 */
const SERVER_ONLY = /^(mail|ics|telegram)\./;

function forPages(messages: Messages): Messages {
  return Object.fromEntries(Object.entries(messages).filter(([key]) => !SERVER_ONLY.test(key))) as Messages;
}

/** The catalogs a page receives (the root loader's `messages`). */
export const pageCatalogs: Record<Lang, Messages> = { ky: forPages(ky), ru: forPages(ru), en: forPages(en) };

export function serverT(lang: Lang): T {
  return makeT(catalogs[lang], lang);
}
