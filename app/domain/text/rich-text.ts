// Vacancy descriptions: a small allow-list of HTML (paragraphs, line breaks, bold, italic,
// lists, http(s) links). Everything else is dropped or escaped; the output is always
// balanced, so a description can never break the page around it. Plain text (no block
// tags) becomes paragraphs at blank lines and line breaks at single newlines.

const TAGS: Record<string, string> = { p: "p", ul: "ul", ol: "ol", li: "li", b: "strong", strong: "strong", i: "em", em: "em", a: "a" };
const INLINE = new Set(["strong", "em", "a"]);
/** Dropped together with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  "script",
  "style",
  "iframe",
  "object",
  "embed",
  "template",
  "noscript",
  "textarea",
  "select",
  "svg",
  "math",
  "head",
  "title",
  "frameset",
  "noembed",
]);
const MAX_DEPTH = 20;

export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** Decodes the few entities people (and this sanitiser) write, so saving twice changes nothing. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, ref: string) => {
    if (ref[0] === "#") {
      const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : "";
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

function safeHref(attrs: string): string | null {
  const m = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i.exec(attrs);
  if (!m) return null;
  const raw = decodeEntities(m[1] ?? m[2] ?? m[3] ?? "").trim();
  if (!/^https?:\/\//i.test(raw)) return null;
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function sanitizeRichText(input: string): string {
  // Control characters (other than tab and newline) are never text anyone meant to write.
  const src = input.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
  const plain = !/<\s*(p|ul|ol|li)\b/i.test(src);
  const out: string[] = [];
  const stack: string[] = [];
  let dropping: string | null = null;

  const close = (name: string) => {
    while (stack.length) {
      const top = stack.pop()!;
      out.push(`</${top}>`);
      if (top === name) return;
    }
  };
  const closeInline = () => {
    while (stack.length && INLINE.has(stack[stack.length - 1]!)) out.push(`</${stack.pop()}>`);
  };
  const text = (s: string) => {
    if (dropping || !s) return;
    if (!plain) {
      out.push(escapeHtml(decodeEntities(s)));
      return;
    }
    const paragraphs = s.split(/\n[ \t\u00a0]*\n\s*/);
    paragraphs.forEach((p, i) => {
      if (i > 0) {
        closeInline();
        out.push("</p><p>");
      }
      out.push(escapeHtml(decodeEntities(p)).replace(/\n/g, "<br>"));
    });
  };

  const tag = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
  let last = 0;
  for (let m = tag.exec(src); m; m = tag.exec(src)) {
    text(src.slice(last, m.index));
    last = tag.lastIndex;
    if (!m[2]) continue; // a comment
    const closing = m[1] === "/";
    const name = m[2].toLowerCase();
    if (dropping) {
      if (closing && name === dropping) dropping = null;
      continue;
    }
    if (DROP_WITH_CONTENT.has(name)) {
      if (!closing && !/\/\s*$/.test(m[3] ?? "")) dropping = name;
      continue;
    }
    if (name === "br") {
      if (!closing) out.push("<br>");
      continue;
    }
    const mapped = TAGS[name];
    if (!mapped) continue; // unknown tag: dropped, its text kept
    if (closing) {
      if (stack.includes(mapped)) close(mapped);
      continue;
    }
    if (stack.length >= MAX_DEPTH) continue;
    if (mapped === "a") {
      if (stack.includes("a")) continue;
      const href = safeHref(m[3] ?? "");
      if (!href) continue;
      out.push(`<a href="${escapeHtml(href)}" rel="nofollow noopener noreferrer">`);
    } else {
      // A block starts outside any open bold/italic/link.
      if (!INLINE.has(mapped)) closeInline();
      out.push(`<${mapped}>`);
    }
    stack.push(mapped);
  }
  text(src.slice(last));
  while (stack.length) out.push(`</${stack.pop()}>`);
  let html = out.join("");
  if (plain) html = `<p>${html}</p>`;
  return html
    .replace(/<p>(?:\s|<br>)*<\/p>/g, "")
    .replace(/(?:<br>\s*)+<\/p>/g, "</p>")
    .replace(/<p>(?:<br>\s*)+/g, "<p>")
    .trim();
}

/** The words of a sanitised description, for search and feeds. */
export function richTextToPlain(html: string): string {
  return decodeEntities(
    html
      .replace(/<br>/g, "\n")
      .replace(/<\/(p|li|ul|ol)>/g, "\n")
      .replace(/<[^>]*>/g, ""),
  )
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/\s*\n\s*/g, "\n")
    .trim();
}

/**
 * The stored description as the form shows it again: plain paragraphs when it holds nothing
 * but paragraphs and line breaks (what most people type), otherwise the sanitised HTML.
 */
export function richTextToEditable(html: string): string {
  const tags = html.match(/<\/?([a-z]+)[^>]*>/g) ?? [];
  if (!tags.every((t) => /^<\/?(p|br)>$/.test(t))) return html;
  const text = decodeEntities(
    html
      .replace(/<br>/g, "\n")
      .replace(/<\/p>\s*<p>/g, "\n\n")
      .replace(/<\/?p>/g, ""),
  ).trim();
  // Text that would read as a tag once typed back ("<b>" written as words) stays HTML.
  return /<\/?[a-zA-Z!]/.test(text) ? html : text;
}
