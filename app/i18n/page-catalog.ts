// Where a page finds its message catalog (docs/decisions/073-load-budget.md). The root loader's data
// carries it, but on a document request it is not serialized with the loader data: encoding its
// 1,664 texts into Remix's data stream cost about 6 ms of CPU on every page rendered, and the pages
// that ship no JavaScript (decision 015) never read that stream. A page that hydrates carries the
// catalog once as inline JSON instead (rendered by the root's Document), where the browser finds it;
// client-side navigations (`.data` requests) receive it with the root loader's data as before.
import type { Messages } from "./messages/en";

export const CATALOG_ELEMENT_ID = "page-catalog";

let inline: Messages | undefined;

/** The catalog of the current page: from the root loader's data, or in the browser from the inline JSON. */
export function catalogOf(root: { messages?: Messages }): Messages {
  if (root.messages) return root.messages;
  if (typeof document === "undefined") throw new Error("the root loader's data has no message catalog");
  const element = document.getElementById(CATALOG_ELEMENT_ID);
  if (!element?.textContent) throw new Error(`the page has no #${CATALOG_ELEMENT_ID} and its loader data no catalog`);
  inline ??= JSON.parse(element.textContent) as Messages;
  return inline;
}

const json = new WeakMap<Messages, string>();

/** The catalog as inline-script JSON, made once per catalog ("<" escaped: the text cannot end the script). */
export function catalogJson(messages: Messages): string {
  let text = json.get(messages);
  if (text === undefined) {
    text = JSON.stringify(messages).replace(/</g, "\\u003c");
    json.set(messages, text);
  }
  return text;
}
