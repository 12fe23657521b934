// How typed search text becomes an FTS5 query: one set of rules for the graduate directory and
// the job board (docs/decisions/036). The query plan that runs it is app/models/full-text.server.ts.

/** At most this many words of free text take part in a search. */
const MAX_TOKENS = 12;
const MAX_TOKEN_LENGTH = 64;

/** Folds text the way queries are folded (ё = е), so either spelling finds the other. */
export function foldForSearch(text: string): string {
  return text.replace(/ё/g, "е").replace(/Ё/g, "Е");
}

/** The words of typed text, folded like the index (ё = е); punctuation and FTS5 syntax are dropped. */
export function searchTokens(text: string): string[] {
  const words = foldForSearch(text.normalize("NFC")).match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu) ?? [];
  return words.slice(0, MAX_TOKENS).map((w) => Array.from(w).slice(0, MAX_TOKEN_LENGTH).join(""));
}

/**
 * A safe FTS5 query from typed text: every word becomes a quoted string (so `OR`, `NEAR(`,
 * `*`, `^`, `"` or `col:` typed by a user are plain words, never syntax), all words must
 * occur, and the last one also matches as a prefix ("пит" finds "питон") once it has two
 * letters. Null when nothing searchable is left.
 */
export function toFtsQuery(text: string, options: { prefix?: boolean } = {}): string | null {
  const tokens = searchTokens(text);
  if (tokens.length === 0) return null;
  const prefix = options.prefix ?? true;
  return tokens.map((t, i) => `"${t}"${prefix && i === tokens.length - 1 && Array.from(t).length >= 2 ? "*" : ""}`).join(" ");
}

/**
 * The FTS query for search text that may, as a whole, name a skill ("питон", "C#"). When it
 * does, its words are matched exactly, not as a prefix ("Java" must not find "JavaScript");
 * names the FTS tokenizer cannot tell apart (C, C++ and C# are all the token "c") use the
 * skill alone (null here: the skill's holders are the hits).
 */
export function searchTextFts(q: string, namesSkill: boolean): string | null {
  if (!q || (namesSkill && /[+#]/.test(q))) return null;
  return toFtsQuery(q, { prefix: !namesSkill });
}
