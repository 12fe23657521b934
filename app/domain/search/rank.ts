// Search in small lists (companies, the skills taxonomy: hundreds of rows) done in memory
// (docs/product.md §14, docs/decisions/046-small-list-search-and-kyrgyz-order.md): every typed
// word must match a word of the item — exactly, by prefix (the last word), by stem, by the other
// script's spelling, or, in the lowest tier, by one typo — and the items come out by tier, each
// tier in Kyrgyz alphabetical order. The big indexes (board, directory) rank in SQLite instead.
import { highlight, type HighlightSegment } from "./highlight";
import { kyrgyzSortKey } from "./kyrgyz-order";
import { scriptKey } from "./script-keys";
import { MIN_TYPO_LENGTH, withinOneEdit } from "./spelling";
import { foldWord, stemsOf } from "./stemmers";

/** How well an item matched: every word exactly, some by prefix/stem/script, some by one typo. */
export const MATCH_TIERS = ["exact", "near", "typo"] as const;
export type MatchTier = (typeof MATCH_TIERS)[number];

/** Typed text past this is ignored (a pasted page is not a search); so are words past the 12th. */
export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 12;
/** The last word matches as a prefix from this many letters ("то" finds Токтогулов). */
const MIN_PREFIX = 2;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

type Forms = { folded: string; key: string; stems: readonly string[]; letters: number };

function formsOf(word: string): Forms {
  const folded = foldWord(word);
  return { folded, key: scriptKey(folded), stems: stemsOf(folded), letters: Array.from(folded).length };
}

/** The words a query is made of, as typed (at most 12, from its first 200 characters). */
export function queryWordsOf(q: string): string[] {
  return (q.slice(0, MAX_QUERY_LENGTH).normalize("NFC").match(WORD) ?? []).slice(0, MAX_QUERY_WORDS);
}

const TIER_EXACT = 0;
const TIER_NEAR = 1;
const TIER_TYPO = 2;

/** The tier at which a typed word matches a word of an item, or null. */
function tierOf(typed: Forms, isLast: boolean, word: Forms): number | null {
  if (word.folded === typed.folded) return TIER_EXACT;
  if (typed.key !== "" && word.key === typed.key) return TIER_NEAR; // Toktogulov = Токтогулов
  if (typed.stems.some((s) => word.stems.includes(s))) return TIER_NEAR; // дизайнера = дизайнер
  if (isLast && typed.letters >= MIN_PREFIX) {
    if (word.folded.startsWith(typed.folded)) return TIER_NEAR;
    if (typed.key.length >= MIN_PREFIX && word.key.startsWith(typed.key)) return TIER_NEAR; // Tok… = Ток…
  }
  // One typo, only between words long enough that one edit does not make another word.
  if (typed.letters >= MIN_TYPO_LENGTH && word.letters >= MIN_TYPO_LENGTH) {
    if (withinOneEdit(typed.folded, word.folded)) return TIER_TYPO;
    if (typed.key.length >= MIN_TYPO_LENGTH && word.key.length >= MIN_TYPO_LENGTH && withinOneEdit(typed.key, word.key)) return TIER_TYPO;
  }
  return null;
}

/** A compiled query: each typed word's forms, the last one marked for prefix matching. */
type Query = { typed: string[]; forms: Forms[] };

function compile(q: string): Query {
  const typed = queryWordsOf(q);
  return { typed, forms: typed.map(formsOf) };
}

/** The best tier of each typed word over the given words (null where a typed word matches none). */
function bestTiers(query: Query, words: readonly Forms[]): (number | null)[] {
  return query.forms.map((typed, i) => {
    const isLast = i === query.forms.length - 1;
    let best: number | null = null;
    for (const w of words) {
      const t = tierOf(typed, isLast, w);
      if (t !== null && (best === null || t < best)) best = t;
      if (best === TIER_EXACT) break;
    }
    return best;
  });
}

export type RankedItem<T> = { item: T; tier: MatchTier };

export type Ranking<T> = {
  /** Whether a query was typed at all; without one every item is listed, tier "exact". */
  searched: boolean;
  hits: RankedItem<T>[];
  /** "Did you mean": the query with its unmatched words spelt as the list spells them, when nothing matched without a typo. */
  suggestion: string | null;
};

export type RankOptions<T> = {
  /** The name that orders items within a tier (the one the page shows); the first text by default. */
  nameOf?: (item: T) => string;
};

/**
 * Ranks a small list by a typed query. `textsOf` gives every text an item is found by (its name,
 * names in other languages, aliases); an item matches when every typed word matches a word of
 * them. Tiers: exact > prefix/stem/script > one typo; within a tier, Kyrgyz alphabetical order.
 */
export function rankByQuery<T>(
  items: readonly T[],
  q: string,
  textsOf: (item: T) => readonly (string | null | undefined)[],
  options: RankOptions<T> = {},
): Ranking<T> {
  const nameOf = options.nameOf ?? ((item: T) => textsOf(item).find((t): t is string => Boolean(t)) ?? "");
  const query = compile(q);
  const wordsOf = (item: T) => textsOf(item).flatMap((t) => (t ? (t.normalize("NFC").match(WORD) ?? []) : []));
  const ordered = (rows: { item: T; tier: number }[]) =>
    rows
      .map((r) => ({ ...r, key: kyrgyzSortKey(nameOf(r.item)) }))
      .sort((a, b) => a.tier - b.tier || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map((r) => ({ item: r.item, tier: MATCH_TIERS[r.tier]! }));
  if (query.forms.length === 0) return { searched: false, hits: ordered(items.map((item) => ({ item, tier: TIER_EXACT }))), suggestion: null };

  // Each distinct word of the list is parsed once (names repeat words: Софт, Tech, Лаб).
  const parsed = new Map<string, Forms>();
  const formsFor = (w: string) => {
    let f = parsed.get(w);
    if (!f) parsed.set(w, (f = formsOf(w)));
    return f;
  };
  const matched: { item: T; tier: number }[] = [];
  const coveredWithoutTypo = new Set<number>();
  for (const item of items) {
    const tiers = bestTiers(query, wordsOf(item).map(formsFor));
    tiers.forEach((t, i) => t !== null && t < TIER_TYPO && coveredWithoutTypo.add(i));
    if (tiers.every((t) => t !== null)) matched.push({ item, tier: Math.max(...(tiers as number[])) });
  }
  const hits = ordered(matched);
  const suggestion = hits.some((h) => h.tier !== "typo") ? null : suggest(query, coveredWithoutTypo, items.map(wordsOf));
  return { searched: true, hits, suggestion };
}

/**
 * The query with each word that matched nothing (without a typo) replaced by the list's word one
 * edit away that most items hold (ties: Kyrgyz order), spelt as the list spells it; null when no
 * word has such a neighbour.
 */
function suggest(query: Query, covered: ReadonlySet<number>, itemWords: readonly string[][]): string | null {
  const holders = new Map<string, { spelling: string; items: number }>();
  for (const words of itemWords) {
    for (const folded of new Set(words.map(foldWord))) {
      const known = holders.get(folded);
      if (known) known.items += 1;
      else holders.set(folded, { spelling: words.find((w) => foldWord(w) === folded)!, items: 1 });
    }
  }
  let changed = false;
  const words = query.typed.map((typed, i) => {
    const forms = query.forms[i]!;
    if (covered.has(i) || forms.letters < MIN_TYPO_LENGTH) return typed;
    let best: { spelling: string; items: number; key: string } | null = null;
    for (const [folded, h] of holders) {
      if (Array.from(folded).length < MIN_TYPO_LENGTH || !withinOneEdit(forms.folded, folded)) continue;
      const key = kyrgyzSortKey(folded);
      if (!best || h.items > best.items || (h.items === best.items && key < best.key)) best = { ...h, key };
    }
    if (!best) return typed;
    changed = true;
    return best.spelling;
  });
  return changed ? words.join(" ") : null;
}

/**
 * Marks the words of a text that a query matched, by the same rules that ranked it (typos
 * included), for <mark> on the page. An empty query marks nothing.
 */
export function markMatches(text: string, q: string): HighlightSegment[] {
  const query = compile(q);
  if (query.forms.length === 0) return [{ text, hit: false }];
  return highlight(text, (word) => {
    const w = formsOf(word);
    return query.forms.some((typed, i) => tierOf(typed, i === query.forms.length - 1, w) !== null);
  });
}
