// The Response of an RSS feed: public feeds are cached by anyone, a saved search's private feed
// only by its reader and never indexed.
export function rssResponse(body: string, options: { private?: boolean } = {}): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "application/rss+xml; charset=utf-8",
      "Cache-Control": options.private ? "private, max-age=300" : "public, max-age=300",
      ...(options.private ? { "X-Robots-Tag": "noindex" } : {}),
    },
  });
}
