// All three catalogs live on the server; a page receives only its own language's.
import { en, type Messages } from "./messages/en";
import { ky } from "./messages/ky";
import { ru } from "./messages/ru";
import type { Role } from "@db/schema";
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

/**
 * Areas only the placement office and the administration read (their pages, their forms' messages).
 * Graduates, employers and visitors get catalogs without them: every page carries its catalog, and
 * /login was at the 60 KB HTML + CSS budget of docs/product.md §10 (decision 068). A key of these
 * areas that a shared page shows is named in SHARED_WITH_EVERYONE; the crawler and the page tours
 * walk every page as each role and fail on any raw key, so a forgotten one is found.
 */
const OFFICE_ONLY = /^(audit|admin|import|campaigns|outbox|annual|reports|staff|staffConversations|jobWords|moderation|followUpCsv)\./;
const SHARED_WITH_EVERYONE = new Set([
  "admin.modules.number", // a module's number on /me/modules
  "admin.modules.unknownSkills",
  "admin.skills.next", // the pager (app/components/pager.tsx)
  "admin.skills.page",
  "admin.skills.prev",
]);

function forOthers(messages: Messages): Messages {
  return Object.fromEntries(Object.entries(messages).filter(([key]) => !OFFICE_ONLY.test(key) || SHARED_WITH_EVERYONE.has(key))) as Messages;
}

const officeCatalogs: Record<Lang, Messages> = { ky: forPages(ky), ru: forPages(ru), en: forPages(en) };
const otherCatalogs: Record<Lang, Messages> = { ky: forOthers(officeCatalogs.ky), ru: forOthers(officeCatalogs.ru), en: forOthers(officeCatalogs.en) };

/**
 * The catalog a page receives (the root loader's `messages`): staff and admins get every page key,
 * everyone else the catalog without the office's areas. The root loader runs again after every
 * sign-in and sign-out (both are POSTs), so a page never holds another role's catalog.
 */
export function pageCatalog(lang: Lang, role: Role | null): Messages {
  return role === "staff" || role === "admin" ? officeCatalogs[lang] : otherCatalogs[lang];
}

export function serverT(lang: Lang): T {
  return makeT(catalogs[lang], lang);
}
