// The admin's job-word form (docs/product.md §14, docs/decisions/047-job-words-stored.md): one word
// or phrase per line, and the one-class rule — a word, compared as search compares it (folded, by
// its stems), belongs to one class only, so a query word never expands to two unrelated jobs.
import { z } from "zod";
import { type JobWordClass, type JobWordTable } from "./job-words";
import { searchTermsOf } from "./stemmers";

export const JOB_WORD_MAX_LENGTH = 60;
/** Far more than a class needs (the seed's largest has 8 words); the textarea is refused beyond it. */
export const JOB_WORDS_PER_CLASS = 100;

/**
 * The textarea's lines as words: trimmed, inner spaces made single, empty lines dropped, a line
 * repeated (in any case) kept once, in the order typed.
 */
export function wordLines(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const word = line.replace(/\s+/g, " ").trim();
    const key = word.toLowerCase();
    if (!word || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  return words;
}

/** Control, format (zero-width, direction overrides) and lone-surrogate characters: never part of a job word. */
const INVISIBLE = /\p{C}/u;

const word = z
  .string()
  .max(JOB_WORD_MAX_LENGTH, "jobWords.wordTooLong")
  .refine((w) => !INVISIBLE.test(w), "jobWords.wordInvalid")
  // A line of punctuation alone would match nothing: search reads letters and digits only.
  .refine((w) => searchTermsOf(w).length > 0, "jobWords.wordNoLetters");

/** The words field: at least one word, each 1–60 characters. */
export const jobWordsField = z
  .string("jobWords.noWords")
  .max(20_000, "errors.tooLong")
  .transform(wordLines)
  .pipe(z.array(word).min(1, "jobWords.noWords").max(JOB_WORDS_PER_CLASS, "jobWords.tooMany"));

/**
 * The first of `words` that already belongs to a class of `others` (the table without the class
 * being edited): a single word by its stems (`classOf`), a phrase when the other table reads the
 * whole phrase as one of its entries ("иштеп чыгуучулар" is the developer phrase, "веб иштеп
 * чыгуучу" is not).
 */
export function firstClassConflict(others: JobWordTable, words: readonly string[]): { word: string; cls: JobWordClass } | null {
  for (const w of words) {
    const terms = searchTermsOf(w);
    if (terms.length === 0) continue;
    if (terms.length === 1) {
      const cls = others.classOf(terms[0]!.word);
      if (cls) return { word: w, cls };
      continue;
    }
    const whole = others.wordsIn(w).find((m) => m.start === 0 && m.length === terms.length);
    if (whole) return { word: w, cls: whole.cls };
  }
  return null;
}
