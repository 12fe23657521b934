// An outbox message as an e-mail (docs/product.md §13): subject, plain text and HTML in the
// recipient's language, the portal's name, a link back to the page and the one-click unsubscribe
// link. Pure: the translator and the absolute links are given.
import type { T } from "~/i18n/translate";
import { isApplicationStatus } from "~/domain/applications/pipeline";
import { isLang, type Lang } from "~/i18n/negotiate";
import { INTERVIEW_KINDS, interviewWords, OFFER_KINDS } from "./interview";
import { digestLines } from "./digest";

export type EmailInput = {
  kind: string;
  vars: Record<string, string | number>;
  /** A path in the portal ("/me/applications/12"), or null. */
  link: string | null;
  recipientName: string;
  publicUrl: string;
  /** Null for a message that cannot be turned off (a password reset): no unsubscribe line. */
  unsubscribeUrl: string | null;
};

export type ComposedEmail = { subject: string; text: string; html: string };

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * The variables in the reader's words: a stage is stored as its code and shown as its label (as on
 * /notifications); an interview's time as a date in the reader's language and a Bishkek time.
 */
export function readableVars(t: T, kind: string, vars: Record<string, string | number>, lang?: Lang): Record<string, string | number> {
  if (lang && (INTERVIEW_KINDS.includes(kind) || OFFER_KINDS.includes(kind))) return interviewWords(lang, vars);
  const status = vars.status;
  return kind === "application-status" && isApplicationStatus(status) ? { ...vars, status: t(`applications.status.${status}`) } : vars;
}

export function composeEmail(t: T, lang: string, m: EmailInput): ComposedEmail {
  const vars = readableVars(t, m.kind, m.vars, isLang(lang) ? lang : undefined);
  const portal = t("brand.name");
  const sentenceKey = `notify.${m.kind}`;
  const sentence = t.has(sentenceKey) ? t(sentenceKey, vars) : portal;
  const subjectKey = `mail.subject.${m.kind}`;
  const subject = t.has(subjectKey) ? t(subjectKey, vars) : sentence;
  const url = m.link ? new URL(m.link, m.publicUrl).href : m.publicUrl;
  const greeting = t("mail.greeting", { name: m.recipientName });
  const why = t("mail.why", { portal });
  // A digest lists its lines under the sentence (app/domain/messages/digest.ts); other messages have none.
  const lines = digestLines(t, m.vars, m.publicUrl);
  const text = [
    greeting,
    "",
    sentence,
    "",
    ...lines.flatMap((l) => [`• ${l.text}`, ...(l.url ? [`  ${l.url}`] : [])]),
    ...(lines.length ? [""] : []),
    `${t("mail.open")}: ${url}`,
    "",
    "-- ",
    `${portal} · ${m.publicUrl}`,
    why,
    ...(m.unsubscribeUrl ? [`${t("mail.unsubscribe")}: ${m.unsubscribeUrl}`] : []),
    "",
  ].join("\n");
  const html = `<!doctype html>
<html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,sans-serif;line-height:1.5;color:#1a1a1a;max-width:560px;margin:0 auto;padding:16px">
<p style="font-weight:bold;margin:0 0 16px">${escapeHtml(portal)}</p>
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(sentence)}</p>
${lines.length ? `<ul>\n${lines.map((l) => `<li>${l.url ? `<a href="${escapeHtml(l.url)}">${escapeHtml(l.text)}</a>` : escapeHtml(l.text)}</li>`).join("\n")}\n</ul>\n` : ""}<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:8px 16px;background:#0b5cab;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(t("mail.open"))}</a></p>
<hr style="border:0;border-top:1px solid #ddd;margin:24px 0 8px">
<p style="font-size:13px;color:#555">${escapeHtml(why)} <a href="${escapeHtml(m.publicUrl)}">${escapeHtml(m.publicUrl)}</a>${m.unsubscribeUrl ? `<br><a href="${escapeHtml(m.unsubscribeUrl)}">${escapeHtml(t("mail.unsubscribe"))}</a>` : ""}</p>
</body></html>
`;
  return { subject, text, html };
}
