// Labels looked up by a code at run time (`outbox.kind.${kind}`, `notify.${kind}`…) fall back to the
// code itself, or to the portal's name, when the catalog has no entry: the page does not break, it
// shows "staff-digest" to an administrator or an e-mail whose only sentence is "IT Cluster Careers".
// The type checker cannot see these keys, so this check walks every code of each family and wants
// its label in ky, ru and en (probe-ux: the outbox's kind filter showed three digests by their code).
import { describe, expect, it } from "vitest";
import { catalogs } from "~/i18n/catalog.server";
import { LANGS } from "~/i18n/negotiate";
import { MESSAGE_KINDS, MESSAGE_TOPICS, topicOf } from "~/domain/messages/kinds";

const missing = (keys: string[]) => LANGS.flatMap((lang) => keys.filter((k) => !(k in catalogs[lang])).map((k) => `${lang}:${k}`));
const kinds = Object.keys(MESSAGE_KINDS);

describe("labels chosen by a code at run time exist in every language", () => {
  it("every message kind has its name on /admin/outbox (outbox.kind.*)", () => {
    expect(missing(kinds.map((k) => `outbox.kind.${k}`))).toEqual([]);
  });

  it("every message kind has the sentence its notification, e-mail and Telegram message say (notify.*)", () => {
    expect(missing(kinds.map((k) => `notify.${k}`))).toEqual([]);
  });

  it("every topic a kind belongs to is named on /account and on the unsubscribe page", () => {
    expect(missing([...new Set(kinds.map((k) => topicOf(k)))].map((topic) => `messageTopic.${topic}`))).toEqual([]);
    expect(missing(MESSAGE_TOPICS.map((topic) => `messageTopic.${topic}`))).toEqual([]);
  });
});
