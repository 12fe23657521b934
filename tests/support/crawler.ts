// A breadth-first crawler over the real build (tests/integration/crawler.test.ts): as one role,
// it follows every same-origin link and every GET form's default submission, and reports what a
// user of that role would meet: 5xx, shown links that answer 403/404, raw message keys, the wrong
// <html lang>, and fields in the page's single-fetch `.data` payload the role may not see.
// Only GET requests are sent, and never to /logout. Why and how: docs/decisions/024-crawler.md.
import { decode } from "turbo-stream";

export type Lang = "ky" | "ru" | "en";
export const LANGS: Lang[] = ["ky", "ru", "en"];

export type Finding = { role: string; kind: string; url: string; from: string; detail: string };

/** Checks one page's decoded `.data` payload (root messages removed) and its raw text; returns problems. */
export type DataCheck = (payload: unknown, raw: string, url: URL) => string[];
/** Checks one page's HTML (scripts and styles removed); returns problems. */
export type HtmlCheck = (text: string, url: URL) => string[];

export type CrawlOptions = {
  baseUrl: string;
  role: string;
  cookie?: string;
  start: string[];
  /** Pages (HTML or not) fetched at most, not counting `.data` and extra language fetches. */
  maxPages: number;
  /** Visits per route pattern (path with ids replaced, plus the names of its query parameters). */
  perPattern: number;
  messageKeys: Set<string>;
  /** Per language, interface texts of the other languages: shown on a page in this language, they are a missing translation. */
  foreignTexts?: Record<Lang, Set<string>>;
  checkData?: DataCheck;
  checkHtml?: HtmlCheck;
  /** Requests in flight at once. */
  concurrency?: number;
  /** Told of each page that answered 200 with HTML (its first fetch, in the language the crawl asked for). */
  onPage?: (url: URL) => void;
};

export type CrawlResult = { findings: Finding[]; pages: number; requests: number; patterns: Map<string, number> };

// Second path segments that are names, not ids (slugs, tokens, file names).
const NAMED_PARAM_PREFIXES = new Set(["g", "companies", "reset", "survey", "saved", "uploads"]);
// Never followed: signing out would end the crawl's session; nothing else a GET reaches changes state.
const NEVER = [/^\/logout\b/];

export function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&amp;/g, "&");
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  if (!m) return /\s/.test(tag) && new RegExp(`\\s${name}(?=[\\s>/])`, "i").test(tag) ? "" : null;
  return decodeEntities(m[1] ?? m[2] ?? m[3] ?? "");
}

/** A URL as the crawler keeps it: no fragment, no `lng` (the crawler picks the language), sorted query. */
export function canonical(url: URL): string {
  const params = [...url.searchParams.entries()].filter(([k]) => k !== "lng").sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const q = new URLSearchParams(params).toString();
  return url.pathname + (q ? `?${q}` : "");
}

/** The route pattern a URL belongs to: numeric segments and named parameters replaced, query names kept. */
export function patternOf(url: URL): string {
  const segs = url.pathname.split("/");
  const path = segs
    .map((s, i) => {
      if (/^\d+$/.test(s)) return ":id";
      if (i === 2 && NAMED_PARAM_PREFIXES.has(segs[1] ?? "")) return ":name";
      return s;
    })
    .join("/");
  const names = [...new Set([...url.searchParams.keys()].filter((k) => k !== "lng"))].sort();
  return path + (names.length ? `?${names.join("&")}` : "");
}

/** Same-origin links: anchors, and uploaded images (a shown image that is missing is a dead link too). */
export function extractLinks(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<a\b[^>]*>/gi)) {
    const href = attr(m[0], "href");
    if (href) out.push(href);
  }
  for (const m of html.matchAll(/<img\b[^>]*>/gi)) {
    const src = attr(m[0], "src");
    if (src?.startsWith("/uploads/")) out.push(src);
  }
  return out;
}

/** The URL each GET form submits when sent as it is (Enter in its first field: the default button is the submitter). */
export function extractGetForms(html: string, pageUrl: URL): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const open = `<form${m[1]}>`;
    const method = (attr(open, "method") ?? "get").toLowerCase();
    if (method !== "get") continue;
    const action = new URL(attr(open, "action") || pageUrl.href, pageUrl);
    const body = m[2]!;
    const params = new URLSearchParams();
    let submitterTaken = false;
    // One pass over the tags in order; a select's options and a textarea's text are read up to their closing tag.
    const tags = /<(input|select|textarea|button)\b([^>]*)>/gi;
    for (let f = tags.exec(body); f; f = tags.exec(body)) {
      const tagName = f[1]!.toLowerCase();
      const tag = `<${tagName}${f[2]}>`;
      let inner = "";
      if (tagName === "select" || tagName === "textarea") {
        const close = body.toLowerCase().indexOf(`</${tagName}>`, tags.lastIndex);
        inner = body.slice(tags.lastIndex, close < 0 ? body.length : close);
        tags.lastIndex = close < 0 ? body.length : close;
      }
      const name = attr(tag, "name");
      if (attr(tag, "disabled") !== null) continue;
      if (tagName === "button" || (tagName === "input" && ["submit", "image"].includes((attr(tag, "type") ?? "").toLowerCase()))) {
        const type = (attr(tag, "type") ?? "submit").toLowerCase();
        if (type !== "submit" || submitterTaken) continue;
        submitterTaken = true;
        if (name) params.append(name, attr(tag, "value") ?? "");
        continue;
      }
      if (!name) continue;
      if (tagName === "input") {
        const type = (attr(tag, "type") ?? "text").toLowerCase();
        if (["checkbox", "radio"].includes(type) && attr(tag, "checked") === null) continue;
        if (["file", "reset", "button"].includes(type)) continue;
        params.append(name, attr(tag, "value") ?? (["checkbox", "radio"].includes(type) ? "on" : ""));
      } else if (tagName === "select") {
        const options = [...inner.matchAll(/<option\b([^>]*)>([^<]*)/gi)];
        const chosen = options.find((o) => attr(`<option${o[1]}>`, "selected") !== null) ?? options[0];
        if (chosen) params.append(name, attr(`<option${chosen[1]}>`, "value") ?? decodeEntities(chosen[2]!.trim()));
      } else {
        params.append(name, decodeEntities(inner));
      }
    }
    action.search = params.toString();
    out.push(action.href);
  }
  return out;
}

/** Where each POST form (a button that changes something) sends, resolved against the page. */
export function extractPostActions(html: string, pageUrl: URL): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<form\b[^>]*>/gi)) {
    if ((attr(m[0], "method") ?? "get").toLowerCase() !== "post") continue;
    out.push(new URL(attr(m[0], "action") || pageUrl.href, pageUrl).href);
  }
  return out;
}

/** What a reader sees and what assistive technology reads: text and attributes, without scripts and styles. */
export function visibleHtml(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script>/gi, " ").replace(/<style\b[\s\S]*?<\/style>/gi, " ");
}

/** Raw message keys (a missing translation renders as its key, app/i18n/translate.ts) and unfilled {placeholders}. */
export function translationProblems(html: string, keys: Set<string>, foreign?: Set<string>): string[] {
  // Addresses are not words: module preload paths such as /build/routes/admin.schools.$id-X.js look like keys.
  const text = decodeEntities(
    visibleHtml(html)
      .replace(/<link\b[^>]*>/gi, " ")
      .replace(/\s(href|src|action)="[^"]*"/gi, " "),
  );
  const problems = new Set<string>();
  for (const m of text.matchAll(/[a-z][A-Za-z0-9]*(?:\.[A-Za-z0-9_-]+)+/g)) {
    if (keys.has(m[0])) problems.add(`raw message key "${m[0]}"`);
  }
  // Text between tags only: an unfilled variable of interpolate() stays as "{name}".
  for (const m of text.replace(/<[^>]*>/g, " ").matchAll(/\{[A-Za-z_]\w*(?::\w+\}|\}|, ?plural,)/g)) problems.add(`unfilled placeholder "${m[0]}"`);
  if (foreign) {
    for (const m of text.matchAll(/>([^<]+)</g)) {
      const node = m[1]!.trim();
      if (foreign.has(node)) problems.add(`text of another language "${node.slice(0, 60)}"`);
    }
  }
  return [...problems];
}

export function htmlLang(html: string): string | null {
  const m = /<html\b[^>]*>/i.exec(html);
  return m ? attr(m[0], "lang") : null;
}

/** The single-fetch data URL of a page (Remix v2 with v3_singleFetch): /x → /x.data, / → /_root.data. */
export function dataUrlOf(url: URL): URL {
  const u = new URL(url.href);
  u.pathname = u.pathname === "/" ? "/_root.data" : `${u.pathname.replace(/\/$/, "")}.data`;
  return u;
}

/** Decodes a turbo-stream payload; Remix's own types (redirects, errors) come back as { $type, data }. */
export async function decodeSingleFetch(raw: string): Promise<unknown> {
  const stream = new Response(raw).body!;
  const decoded = await decode(stream, { plugins: [(type: string, ...data: unknown[]) => ({ value: { $type: type, data } })] });
  await decoded.done;
  const value = decoded.value as Record<string, { data?: Record<string, unknown> }> | null;
  // The page's own catalog travels in the root: it is the same for everyone and holds no data.
  if (value && typeof value === "object" && value.root?.data && typeof value.root.data === "object") {
    const { messages: _m, ...rest } = value.root.data;
    value.root = { ...value.root, data: rest };
  }
  return value;
}

// A probe is a GET to where a shown POST button sends: nothing is submitted, but a route that
// refuses the role (403) means the button is shown to someone it cannot serve.
type Item = { url: URL; from: string; lang: Lang; probe?: boolean };

export async function crawl(o: CrawlOptions): Promise<CrawlResult> {
  const base = new URL(o.baseUrl);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const patterns = new Map<string, number>();
  const patternLangsDone = new Set<string>();
  const queue: Item[] = [];
  let pages = 0;
  let requests = 0;
  let turn = 0;
  const find = (kind: string, url: URL | string, from: string, detail: string) =>
    findings.push({ role: o.role, kind, url: typeof url === "string" ? url : canonical(url), from, detail });

  const enqueue = (href: string, from: string, page: URL, probe = false) => {
    let url: URL;
    try {
      url = new URL(href, page);
    } catch {
      return find("bad-link", href, from, "unparsable href");
    }
    // Absolute links made from PUBLIC_URL say localhost where the test server is reached as 127.0.0.1.
    if (url.hostname === "localhost" && base.hostname === "127.0.0.1" && url.port === base.port) url.hostname = base.hostname;
    if (url.origin !== base.origin || !/^https?:$/.test(url.protocol)) return;
    if (NEVER.some((r) => r.test(url.pathname))) return;
    url.hash = "";
    const key = (probe ? "POST " : "") + canonical(url);
    if (seen.has(key)) return;
    const pattern = (probe ? "POST " : "") + patternOf(url);
    const count = patterns.get(pattern) ?? 0;
    if (count >= o.perPattern) return;
    seen.add(key);
    patterns.set(pattern, count + 1);
    queue.push({ url, from, lang: LANGS[turn++ % 3]!, probe });
  };

  const get = async (url: URL, lang: Lang | null) => {
    const u = new URL(url.href);
    if (lang) u.searchParams.set("lng", lang);
    requests++;
    const res = await fetch(u, { redirect: "manual", headers: o.cookie ? { Cookie: o.cookie } : {} });
    return { res, body: await res.text() };
  };

  const checkPage = (url: URL, from: string, lang: Lang, html: string) => {
    const declared = htmlLang(html);
    if (declared !== lang) find("lang", url, from, `asked for ${lang}, <html lang="${declared}">`);
    for (const p of translationProblems(html, o.messageKeys, o.foreignTexts?.[lang])) find("translation", url, from, `${lang}: ${p}`);
  };

  const visit = async ({ url, from, lang, probe }: Item) => {
    const here = canonical(url);
    const { res, body } = await get(url, lang);
    const status = res.status;
    if (status >= 500) return find("5xx", url, from, `${status}${probe ? " (GET of a form's target)" : ""}`);
    if (probe) {
      if (status === 403) find("dead-button", url, from, `a form shown to ${o.role} posts to a route that answers it 403`);
      return;
    }
    if (status === 403 || status === 404) return find("dead-link", url, from, `${status} for a link shown to ${o.role}`);
    if (status >= 300 && status < 400) {
      const location = res.headers.get("location");
      if (!location) return find("redirect", url, from, `${status} without Location`);
      const target = new URL(location, url);
      if (o.cookie && target.origin === base.origin && target.pathname === "/login") {
        return find("sign-in-redirect", url, from, `a link shown to signed-in ${o.role} sends to sign-in`);
      }
      return enqueue(target.href, from, url);
    }
    if (status >= 400) return find("4xx", url, from, `${status}`);
    const type = res.headers.get("content-type") ?? "";
    if (!type.includes("text/html")) return;

    o.onPage?.(url);
    checkPage(url, from, lang, body);
    for (const p of o.checkHtml?.(decodeEntities(visibleHtml(body)), url) ?? []) find("html-leak", url, from, p);
    // All three languages for the first page of each route pattern.
    const pattern = patternOf(url);
    if (!patternLangsDone.has(pattern)) {
      patternLangsDone.add(pattern);
      for (const other of LANGS.filter((l) => l !== lang)) {
        const again = await get(url, other);
        if (again.res.status >= 500) find("5xx", url, from, `${again.res.status} in ${other}`);
        else if (again.res.status === 200) checkPage(url, from, other, again.body);
      }
    }
    // What the same page sends to the browser as data.
    if (o.checkData) {
      const dataUrl = dataUrlOf(url);
      const data = await get(dataUrl, lang);
      if (data.res.status >= 500) find("5xx", dataUrl, here, `${data.res.status} (.data)`);
      else {
        let payload: unknown;
        try {
          payload = await decodeSingleFetch(data.body);
        } catch (e) {
          find("data", dataUrl, here, `undecodable single-fetch payload: ${(e as Error).message}`);
        }
        if (payload !== undefined) for (const p of o.checkData(payload, data.body, url)) find("data-leak", dataUrl, here, p);
      }
    }
    for (const href of extractLinks(body)) enqueue(href, here, url);
    for (const href of extractGetForms(body, url)) enqueue(href, `${here} (form)`, url);
    for (const href of extractPostActions(body, url)) if (new URL(href).pathname !== url.pathname) enqueue(href, `${here} (button)`, url, true);
  };

  for (const s of o.start) enqueue(s, "(start)", base);
  const concurrency = o.concurrency ?? 2;
  let busy = 0;
  const workers = Array.from({ length: concurrency }, async () => {
    for (;;) {
      const item = queue.shift();
      if (!item) {
        // Another worker may still add links: wait for it before giving up.
        if (busy === 0) return;
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      if (pages >= o.maxPages) return;
      pages++;
      busy++;
      try {
        await visit(item);
      } catch (e) {
        find("error", item.url, item.from, (e as Error).message);
      } finally {
        busy--;
      }
    }
  });
  await Promise.all(workers);
  return { findings, pages, requests, patterns };
}

/** Visits every object of a decoded payload once, with its path ("vacancy.salary", "schools[0].years[1]"). */
export function walk(node: unknown, visit: (o: Record<string, unknown>, path: string) => void, path = "", seen = new Set<unknown>()) {
  if (!node || typeof node !== "object" || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) return node.forEach((x, i) => walk(x, visit, `${path}[${i}]`, seen));
  visit(node as Record<string, unknown>, path);
  for (const [k, x] of Object.entries(node)) walk(x, visit, path ? `${path}.${k}` : k, seen);
}

/** Who reads a payload, as far as hidden salaries go: staff see every salary, an employer its own company's. */
export type SalaryViewer = { staff: boolean; companyId: number | null };

const isSalaryKey = (k: string) => /^salary_?(min|max)$/i.test(k);

/**
 * Hidden figures in one decoded `.data` payload: the salary of a vacancy whose salary is hidden, as
 * the row's salary_min/salary_max or as the named shape's nested `salary: { min, max }` (what
 * vacancies.$id sends), and numbers in a hidden outcome cell, marked `hidden: true` or, as the public
 * table sends it, `shown: false` (issue 13 items 4 and 13). Pure: tests/unit/crawler-checks.test.ts.
 */
export function hiddenFigureLeaks(payload: unknown, hiddenSalary: ReadonlyMap<number, { companyId: number }>, viewer: SalaryViewer): string[] {
  const problems = new Set<string>();
  const hiddenCells: string[] = [];
  walk(payload, (o, at) => {
    const nested =
      o.salary && typeof o.salary === "object" && !Array.isArray(o.salary)
        ? Object.entries(o.salary as Record<string, unknown>).map(([k, x]) => [`salary.${k}`, x] as const)
        : [];
    const salaries = [...Object.entries(o).filter(([k]) => isSalaryKey(k)), ...nested].filter(([, x]) => typeof x === "number");
    if (salaries.length && !viewer.staff) {
      const id = [o.vacancy_id, o.vacancyId, o.id].find((x) => typeof x === "number" && hiddenSalary.has(x)) as number | undefined;
      const hidden = id !== undefined ? hiddenSalary.get(id)! : null;
      const ownCompany = viewer.companyId !== null && (hidden ? hidden.companyId === viewer.companyId : o.company_id === viewer.companyId);
      if ((hidden || o.salary_hidden) && !ownCompany)
        problems.add(`${at}: salary ${salaries.map(([k, x]) => `${k}=${x}`).join(", ")} of a vacancy whose salary is hidden`);
    }
    // A hidden outcome cell (docs/product.md §6) travels as "hidden" and nothing else: no value, no denominator.
    if (o.hidden === true || o.shown === false) {
      const numbers = Object.entries(o).filter(([, x]) => typeof x === "number");
      if (numbers.length) hiddenCells.push(`${at}: ${numbers.map(([k, x]) => `${k}=${x}`).join(", ")}`);
    }
  });
  if (hiddenCells.length) problems.add(`${hiddenCells.length} hidden cells carry numbers, e.g. ${hiddenCells.slice(0, 2).join("; ")}`);
  return [...problems];
}
