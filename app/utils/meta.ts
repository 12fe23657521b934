import type { MetaDescriptor, MetaFunction } from "@remix-run/node";
import type { MessageKey, Messages } from "~/i18n/messages/en";
import { catalogOf } from "~/i18n/page-catalog";

type RootData = { messages: Messages } | undefined;

/** A page title in the current language; private pages also ask search engines to stay away. */
export function titleMeta(key: MessageKey, options: { private?: boolean } = {}): MetaFunction {
  return ({ matches }) => {
    const root = matches.find((m) => m.id === "root")?.data as RootData;
    const messages = root ? catalogOf(root) : null;
    const title = messages ? `${messages[key]} · ${messages["brand.name"]}` : key;
    const tags: MetaDescriptor[] = [{ title }];
    if (options.private) tags.push({ name: "robots", content: "noindex, nofollow" });
    return tags;
  };
}
