// Job words across the three languages (issue 16 item 3; docs/decisions/044-search-stemming.md):
// a curated table of title words that mean the same job, so "frontend" finds "фронтенд",
// "тестировщик" finds "QA" and "тестирлөөчү", "стажёр" finds "intern". A query word expands to
// its class; words match in any inflected form (by stem), phrases word by word. This table is
// the seed of the admin-edited table (app/models/job-words.server.ts).
// Skill aliases (питон, джаваскрипт, верстка) are not here: they live with the skills.
import { searchTermsOf, stemsOf } from "./stemmers";

export type JobWordClass = {
  /** Stable name of the class, for the admin table to come. */
  slug: string;
  /** Every word or phrase of the class, in any of the three languages, in its base form. */
  words: string[];
};

export const JOB_WORD_CLASSES: readonly JobWordClass[] = [
  { slug: "frontend", words: ["frontend", "front-end", "фронтенд", "фронт-энд", "фронтендер"] },
  { slug: "backend", words: ["backend", "back-end", "бэкенд", "бекенд", "бэкендер"] },
  { slug: "fullstack", words: ["fullstack", "full-stack", "фулстек", "фуллстек"] },
  { slug: "developer", words: ["developer", "разработчик", "разработчица", "иштеп чыгуучу", "девелопер"] },
  { slug: "programmer", words: ["programmer", "программист", "программистка", "программалоочу"] },
  { slug: "tester", words: ["тестировщик", "тестировщица", "тестер", "tester", "qa", "тестирлөөчү"] },
  { slug: "intern", words: ["стажёр", "стажер", "стажировка", "intern", "internship", "trainee", "практикант", "практикантка"] },
  { slug: "designer", words: ["дизайнер", "designer", "дизайнерка"] },
  { slug: "layout", words: ["верстальщик", "верстальщица", "html-coder"] },
  { slug: "analyst", words: ["аналитик", "analyst", "талдоочу"] },
  { slug: "engineer", words: ["инженер", "engineer"] },
  { slug: "specialist", words: ["специалист", "specialist", "адис"] },
  { slug: "manager", words: ["менеджер", "manager", "управляющий", "башкаруучу"] },
  { slug: "sysadmin", words: ["системный администратор", "system administrator", "sysadmin", "сисадмин", "системалык администратор"] },
  { slug: "devops", words: ["devops", "девопс"] },
  { slug: "support", words: ["техподдержка", "техническая поддержка", "support", "helpdesk", "техникалык колдоо"] },
  { slug: "junior", words: ["junior", "джуниор", "джун", "младший"] },
  { slug: "mentor", words: ["наставник", "наставница", "mentor", "насаатчы"] },
];

/** The stem sequence of an entry, one stem list per word ("иштеп чыгуучу" → two words). */
type Entry = { cls: JobWordClass; words: string[][] };

/** A job-word table ready to match text: built once from its classes (the seed above or the admin-edited one). */
export type JobWordTable = {
  classes: readonly JobWordClass[];
  /** The class of one word in any inflected form ("разработчиков" → developer), if it has one. */
  classOf: (word: string) => JobWordClass | undefined;
  /**
   * The job words and phrases of a text, left to right, longest phrase first where phrases
   * overlap ("Фронтенд-иштеп чыгуучулар" → frontend at 0, developer at 1–2). A query builder
   * matches each as any word of its class; the words found are the text's searchTermsOf words.
   */
  wordsIn: (text: string) => JobWordMatch[];
  /**
   * Every word of the classes a text's job words belong to, without repeats: what a free-text
   * query also accepts ("тестировщика" → тестировщик, тестер, tester, qa, тестирлөөчү…).
   */
  equivalents: (text: string) => string[];
};

/** A job word or phrase found in a query: where it is (in words) and its class. */
export type JobWordMatch = { start: number; length: number; cls: JobWordClass };

export function makeJobWordTable(classes: readonly JobWordClass[]): JobWordTable {
  const entries: Entry[] = [];
  const singleWord = new Map<string, JobWordClass>();
  for (const cls of classes) {
    for (const phrase of cls.words) {
      const words = searchTermsOf(phrase).map((t) => t.stems);
      if (words.length === 0) continue;
      entries.push({ cls, words });
      if (words.length === 1) for (const stem of words[0]) singleWord.set(stem, cls);
    }
  }
  // Longest phrases first, so "системный администратор" wins over a shorter entry.
  entries.sort((a, b) => b.words.length - a.words.length);

  const classOf = (word: string) => {
    for (const stem of stemsOf(word)) {
      const cls = singleWord.get(stem);
      if (cls) return cls;
    }
    return undefined;
  };
  const wordsIn = (text: string) => {
    const terms = searchTermsOf(text);
    const found: JobWordMatch[] = [];
    let i = 0;
    while (i < terms.length) {
      const hit = entries.find((e) => i + e.words.length <= terms.length && e.words.every((stems, k) => stems.some((s) => terms[i + k].stems.includes(s))));
      if (hit) {
        found.push({ start: i, length: hit.words.length, cls: hit.cls });
        i += hit.words.length;
      } else i += 1;
    }
    return found;
  };
  const equivalents = (text: string) => {
    const out = new Set<string>();
    for (const m of wordsIn(text)) for (const w of m.cls.words) out.add(w);
    return [...out];
  };
  return { classes, classOf, wordsIn, equivalents };
}

/** The seed table, as shipped. The admin-edited table is read by app/models/job-words.server.ts. */
export const SEED_JOB_WORDS = makeJobWordTable(JOB_WORD_CLASSES);
