// RSS 2.0 for the job board's feeds (/feed.xml and a saved search's private feed). Pure: the
// rows come from app/models/board.server.ts, the Response from app/utils/rss.server.ts.
import { richTextToPlain } from "~/domain/text/rich-text";

/** Text safe inside XML: escaped, and without the control characters XML 1.0 forbids. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export type FeedItem = { id: number; title: string; company_name: string; description: string; published_at: string | null; city: string | null };

/** An RSS 2.0 document. */
export function renderRss(feed: { title: string; description: string; link: string; self: string; items: FeedItem[] }, origin: string): string {
  const items = feed.items
    .map((v) => {
      const link = `${origin}/vacancies/${v.id}`;
      const text = richTextToPlain(v.description);
      const summary = text.length > 600 ? `${text.slice(0, 600)}…` : text;
      return [
        "<item>",
        `<title>${xmlText(`${v.title} — ${v.company_name}`)}</title>`,
        `<link>${xmlText(link)}</link>`,
        `<guid isPermaLink="true">${xmlText(link)}</guid>`,
        v.published_at ? `<pubDate>${new Date(v.published_at).toUTCString()}</pubDate>` : "",
        `<description>${xmlText(summary)}</description>`,
        "</item>",
      ].join("");
    })
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xmlText(feed.title)}</title>
<link>${xmlText(feed.link)}</link>
<description>${xmlText(feed.description)}</description>
<atom:link href="${xmlText(feed.self)}" rel="self" type="application/rss+xml"/>
${items}
</channel>
</rss>
`;
}
