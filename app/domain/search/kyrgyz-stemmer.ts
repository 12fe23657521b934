// A suffix stripper for Kyrgyz nouns: plural, case and possessive endings, with vowel harmony
// and the consonant assimilation of the suffix's first letter (docs/decisions/044-search-stemming.md).
//
// Written from these published descriptions of Kyrgyz noun morphology:
// - "A Handbook of Kyrgyz Grammar", chapter Nouns (Wikibooks): six cases; case suffixes follow
//   vowel harmony; after an unvoiced consonant (ч т п к ш с, in loans ц щ х ф) the suffix starts
//   with an unvoiced consonant, otherwise a voiced one; possessive suffixes change the case
//   suffix that follows them.
// - Universal Dependencies, Kyrgyz feature Case (universaldependencies.org/ky/feat/Case.html):
//   Acc -(т)ы (ы/и/у/ү/ты/ти/ту/тү), Dat -(г)а/-(к)а, Gen, Loc, Abl with the same alternations.
// - Apertium wiki, "Morphology of Kyrgyz language": the possessive paradigm ({I} a high vowel,
//   {A} a low vowel chosen by harmony): ({I})м 1sg, ({I})ң 2sg, ({I})ң{I}з 2sg polite, [с]{I} 3,
//   ({I})б{I}з 1pl, ({I})ң{A}р 2pl, ({I})ң{I}зд{A}р 2pl polite; after the 3rd person possessive
//   the dative is -{н}{A}, the locative -{н}д{A}, the ablative -{н}{A}н, the accusative -{н}.
// Harmony (same sources): a suffix's low vowel /A/ is а after а ы у, о after о, е after е и,
// ө after ө ү (уулдар, тоолор, күндөр); its high vowel /I/ is ы after а ы, у after о у,
// и after е и, ү after ө ү.
//
// The stem is a search key, not a dictionary form: every inflected form of a noun must reach
// the same key, so a final high vowel (the bare 3rd person possessive: тили, адиси) is always
// dropped, and a final б/г is written п/к (китеби → китеп, тилеги → тилек). Not handled: the
// 1sg/2sg short possessives -м/-ң (they collide with stems such as адам), verb forms,
// derivational suffixes (-чы, -лык, -луу), the instrumental -менен (written as a word).

const VOWELS = new Set(Array.from("аеёиоуыэюяөү"));
const HIGH_VOWELS = new Set(Array.from("ыиуү"));
const VOICELESS = new Set(Array.from("пктсшчфхцщ"));
const CYRILLIC_WORD = /^[а-яёңөү]+$/;

/** The suffix's low vowel after a given vowel (Kyrgyz harmony: у takes а, ү takes ө). */
function lowAfter(vowel: string): string {
  switch (vowel) {
    case "о":
    case "ё":
      return "о";
    case "е":
    case "э":
    case "и":
      return "е";
    case "ө":
    case "ү":
      return "ө";
    default:
      return "а"; // а ы я у ю
  }
}

/** The suffix's high vowel after a given vowel. */
function highAfter(vowel: string): string {
  switch (vowel) {
    case "о":
    case "ё":
    case "у":
    case "ю":
      return "у";
    case "е":
    case "э":
    case "и":
      return "и";
    case "ө":
    case "ү":
      return "ү";
    default:
      return "ы"; // а ы я
  }
}

function lastVowel(stem: string): string | null {
  for (let i = stem.length - 1; i >= 0; i--) if (VOWELS.has(stem[i])) return stem[i];
  return null;
}

/**
 * The suffix template ("лAр") written out for a stem: each A/I takes the vowel harmony asks for.
 * `as` overrides the stem's last vowel (see matches).
 */
function realize(template: string, stem: string, as?: string): string | null {
  let state = as ?? lastVowel(stem);
  if (!state) return null;
  let out = "";
  for (const ch of template) {
    if (ch === "A") state = lowAfter(state);
    else if (ch === "I") state = highAfter(state);
    else if (VOWELS.has(ch)) state = ch;
    out += ch === "A" || ch === "I" ? state : ch;
  }
  return out;
}

/**
 * Whether an ending is the template written for this stem. A stem whose last vowel is written е
 * may harmonize as о: in Russian loans that е is ё, folded to е before stemming (отчёт →
 * отчеттор, отчеттогу).
 */
function matches(template: string, stem: string, ending: string): boolean {
  if (realize(template, stem) === ending) return true;
  return lastVowel(stem) === "е" && realize(template, stem, "о") === ending;
}

/** What the stem must end with for the suffix to attach there. */
type After = "vowel" | "high" | "voiced" | "voicedNotRY" | "voiceless" | "consonant" | "lateral";

function endsRight(stem: string, after: After): boolean {
  const last = stem[stem.length - 1];
  const vowel = VOWELS.has(last);
  switch (after) {
    case "vowel":
      return vowel;
    case "high":
      return HIGH_VOWELS.has(last) && stem.length >= 3 && !VOWELS.has(stem[stem.length - 2]);
    case "voiced":
      return !vowel && !VOICELESS.has(last);
    // д- of the plural: after a voiced consonant but р and й, which take л- ("lateral" below:
    // карлар, үйлөр), so кардар «client» is no кар «snow» + plural, айдар no ай + plural.
    case "voicedNotRY":
      return !vowel && !VOICELESS.has(last) && last !== "р" && last !== "й";
    case "voiceless":
      return VOICELESS.has(last);
    case "consonant":
      return !vowel;
    // л- of the plural: after a vowel, й or р (үйлөр, карлар, окуучулар).
    case "lateral":
      return vowel || last === "й" || last === "р";
  }
}

// Every ending the stripper removes, as [template, what the stem ends with]. Tried longest first.
const SUFFIXES: [string, After][] = [
  // plural
  ["лAр", "lateral"],
  ["дAр", "voicedNotRY"],
  ["тAр", "voiceless"],
  // genitive
  ["нIн", "vowel"],
  ["дIн", "voiced"],
  ["тIн", "voiceless"],
  // accusative (and -н after the 3rd person possessive: ишин)
  ["нI", "vowel"],
  ["дI", "voiced"],
  ["тI", "voiceless"],
  ["н", "high"],
  // dative (and -нA after the 3rd person possessive: ишине)
  ["гA", "vowel"],
  ["гA", "voiced"],
  ["кA", "voiceless"],
  ["нA", "high"],
  // locative, ablative, and the locative adjective -дагы (Бишкектеги, командадагы)
  ["дA", "vowel"],
  ["дA", "voiced"],
  ["тA", "voiceless"],
  ["ндA", "high"],
  ["дAн", "vowel"],
  ["дAн", "voiced"],
  ["тAн", "voiceless"],
  ["нAн", "high"],
  ["дAгI", "vowel"],
  ["дAгI", "voiced"],
  ["тAгI", "voiceless"],
  ["ндAгI", "high"],
  // possessive: 3rd person, 1st plural, 2nd polite (singular and plural), 2nd plural
  ["сI", "vowel"],
  ["I", "consonant"],
  ["бIз", "vowel"],
  ["IбIз", "consonant"],
  ["ңIз", "vowel"],
  ["IңIз", "consonant"],
  ["ңIздAр", "vowel"],
  ["IңIздAр", "consonant"],
  ["ңAр", "vowel"],
  ["IңAр", "consonant"],
];

/** A stem worth keeping: two letters or more, one of them a vowel. */
function viable(stem: string): boolean {
  return stem.length >= 2 && lastVowel(stem) !== null;
}

const LOW_VOWELS = new Set(Array.from("аеоө"));

/** A cheap first test: can this template's written form end with this letter? */
function canEndWith(template: string, letter: string): boolean {
  const end = template[template.length - 1];
  if (end === "A") return LOW_VOWELS.has(letter);
  if (end === "I") return HIGH_VOWELS.has(letter);
  return end === letter;
}

/** Every way one suffix can come off the word's end (most words: none or one). */
function strips(word: string): string[] {
  const found: string[] = [];
  const last = word[word.length - 1];
  for (const [template, after] of SUFFIXES) {
    if (word.length <= template.length || !canEndWith(template, last)) continue;
    const stem = word.slice(0, word.length - template.length);
    if (!viable(stem) || !endsRight(stem, after)) continue;
    if (matches(template, stem, word.slice(stem.length)) && !found.includes(stem)) found.push(stem);
  }
  return found;
}

function finish(stem: string): string {
  if (stem.length > 2 && (stem.endsWith("б") || stem.endsWith("г"))) {
    return stem.slice(0, -1) + (stem.endsWith("б") ? "п" : "к");
  }
  return stem;
}

/**
 * Words whose ending only looks like a suffix, kept whole (their own inflected forms are stripped
 * down to them). Each ending is a suffix the harmony and assimilation rules allow, so no rule can
 * tell; the sources' own distinction is that these are one word:
 * - Russian and Latin agent nouns in -ктор (доктор, директор): the loan ends in р, and a noun in р
 *   takes the plural -лор (директорлор), so -тор is no plural of a noun док, дирек;
 * - case forms fixed as words (adverbs and postpositions): башка «other» (not баш «head» +
 *   dative), бирге «together», дагы «also», кайда «where»; and the loan тайга.
 * A newcomer word that goes wrong belongs here or in a rule, with a test in
 * tests/unit/search-stemmers.test.ts (docs/decisions/044-search-stemming.md).
 */
const WHOLE_WORDS = new Set([
  "доктор",
  "директор",
  "сектор",
  "инспектор",
  "проектор",
  "вектор",
  "коллектор",
  "селектор",
  "протектор",
  "башка",
  "бирге",
  "дагы",
  "кайда",
  "тайга",
]);

/** Irregular plurals: бала «child» → балдар, not бал «honey» + -дар. */
const IRREGULAR = new Map([["балдар", "бала"]]);

/** The shorter forms one step of stripping gives: none for a stem, its base for an irregular form. */
function stepsDown(word: string): string[] {
  if (WHOLE_WORDS.has(word)) return [];
  const base = IRREGULAR.get(word);
  return base ? [base] : strips(word);
}

/** Stems kept for one word at most: the ambiguous parses of a word are few. */
const MAX_STEMS = 4;

/**
 * The Kyrgyz stems of one word: suffixes stack (plural, possessive, case), so they are stripped
 * until none is left. Where a word parses two ways both stems are kept: адиси is адис + и, but
 * командасы is команда + сы, and only a dictionary could tell; a query and a text match when
 * they share a stem (docs/decisions/044-search-stemming.md). Words with letters outside the
 * Cyrillic alphabet come back unchanged.
 */
export function kyrgyzStems(input: string): string[] {
  let word = input.toLowerCase().replace(/ё/g, "е");
  if (!CYRILLIC_WORD.test(word)) return [word];
  if (word.endsWith("ь") && word.length > 2) word = word.slice(0, -1); // январь → январдан
  const done: string[] = [];
  let frontier = [word];
  for (let layer = 0; layer < 6 && frontier.length > 0; layer++) {
    const next: string[] = [];
    for (const w of frontier) {
      const shorter = stepsDown(w);
      if (shorter.length === 0) {
        const stem = finish(w);
        if (!done.includes(stem)) done.push(stem);
      } else for (const s of shorter) if (!next.includes(s)) next.push(s);
    }
    frontier = next.slice(0, MAX_STEMS);
  }
  for (const w of frontier) if (!done.includes(finish(w))) done.push(finish(w));
  // Shortest first: the deepest parse is the usual one.
  return done.sort((a, b) => a.length - b.length).slice(0, MAX_STEMS);
}

/** The usual (shortest) Kyrgyz stem of a word; kyrgyzStems gives every parse. */
export function kyrgyzStem(input: string): string {
  return kyrgyzStems(input)[0];
}
