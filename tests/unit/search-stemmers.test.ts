// The stemmers of issue 16 item 1 (docs/decisions/044-search-stemming.md): the generated Snowball
// code against Snowball's own sample vocabularies, and the Russian and Kyrgyz stems on classes of
// real inflected forms — from the demo texts (db/seed/data/vacancy-texts.ts) and the wording of
// job advertisements in Kyrgyzstan. Forms of one word must share a stem; different words must not.
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { englishStem, kyrgyzStem, kyrgyzStems, russianStem, searchTermsOf, stemsOf, indexColumnsOf } from "~/domain/search/stemmers";

function sample(name: string): [string, string][] {
  const text = fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8");
  return text
    .trim()
    .split("\n")
    .map((line) => line.split("\t") as [string, string]);
}

describe("Snowball v3.1.1 generated stemmers", () => {
  it("stem every 10th word of Snowball's Russian sample vocabulary as Snowball's output says", () => {
    const pairs = sample("snowball-russian-sample.tsv");
    expect(pairs.length).toBeGreaterThan(4900);
    const wrong = pairs.filter(([word, stem]) => russianStem(word) !== stem);
    expect(wrong).toEqual([]);
  });

  it("stem every 10th word of Snowball's English sample vocabulary as Snowball's output says", () => {
    const pairs = sample("snowball-english-sample.tsv");
    expect(pairs.length).toBeGreaterThan(4200);
    const wrong = pairs.filter(([word, stem]) => englishStem(word) !== stem);
    expect(wrong).toEqual([]);
  });

  it("keeps intern apart from international and internal (the 2016 English algorithm merged them)", () => {
    expect(stemsOf("interns")).toEqual(stemsOf("intern"));
    expect(stemsOf("international")).not.toEqual(stemsOf("intern"));
    expect(stemsOf("internal")).not.toEqual(stemsOf("intern"));
  });
});

/** Each row: forms of one word. */
const RUSSIAN: string[][] = [
  ["дизайнер", "дизайнера", "дизайнеры", "дизайнеров", "дизайнеру", "дизайнером", "дизайнерам"],
  ["разработчик", "разработчика", "разработчиков", "разработчики", "разработчику", "разработчиком", "разработчикам"],
  ["тестировщик", "тестировщика", "тестировщики", "тестировщиков", "тестировщиком"],
  ["программист", "программиста", "программисты", "программистов", "программистом"],
  ["стажёр", "стажер", "стажёра", "стажеры", "стажёров", "стажёрам"],
  ["стажировка", "стажировки", "стажировку", "стажировке", "стажировкой"], // not стажировок: Snowball keeps the fleeting о (decision 044)
  ["вакансия", "вакансии", "вакансий", "вакансию", "вакансиям"],
  ["приложение", "приложения", "приложений", "приложениям", "приложениях"],
  ["задача", "задачи", "задач", "задачу", "задачами"],
  ["клиент", "клиента", "клиенты", "клиентов", "клиентам", "клиентами"],
  ["администратор", "администратора", "администраторы", "администраторов"],
  ["специалист", "специалиста", "специалисты", "специалистов"],
  ["инженер", "инженера", "инженеры", "инженеров"],
  ["аналитик", "аналитика", "аналитики", "аналитиков"],
  ["поддержка", "поддержки", "поддержку", "поддержкой"],
  ["опыт", "опыта", "опытом"],
  ["компания", "компании", "компаний", "компанию", "компанией"],
  ["офис", "офиса", "офисе", "офисы"],
  ["наставник", "наставника", "наставники", "наставником"],
  ["курс", "курсы", "курсов", "курсах"],
  ["проект", "проекта", "проекты", "проектов", "проектах"],
];

/** Each row: forms of one Kyrgyz word (plural, case, possessive, stacked). */
const KYRGYZ: string[][] = [
  ["чыгуучу", "чыгуучулар", "чыгуучуну", "чыгуучулардын", "чыгуучуга", "чыгуучулары"],
  ["кардар", "кардардын", "кардарлар", "кардарларга", "кардарларда", "кардарлардын", "кардарга", "кардарларынын", "кардарды"],
  ["тапшырма", "тапшырмалар", "тапшырмалары", "тапшырмаларды", "тапшырмага"],
  ["ката", "каталар", "каталарды", "катаны", "катасы"],
  ["тест", "тесттер", "тесттерди", "тестке", "тесттен"],
  ["команда", "командада", "командабыз", "командасы", "командага", "командадагы"],
  ["тил", "тилдер", "тилдеринде", "тили", "тилин", "тилде"],
  ["колдонуучу", "колдонуучулар", "колдонуучулардын", "колдонуучуга"],
  ["тиркеме", "тиркемелер", "тиркемелердин", "тиркемедеги", "тиркемелерин"],
  ["оюн", "оюндун", "оюндар", "оюнга"],
  ["пикир", "пикирлер", "пикирлерин", "пикири"],
  ["сервер", "серверлер", "серверлерин", "серверде"],
  ["маалымат", "маалыматтар", "маалыматтарды", "маалыматтын"],
  ["отчет", "отчеттор", "отчеттогу", "отчетту"],
  ["макет", "макеттер", "макеттери", "макеттерди"],
  ["сайт", "сайттар", "сайттардын", "сайтта"],
  ["иш", "иштер", "ишке", "иште", "иштен", "ишин", "ишинде", "ишине"],
  ["бүтүрүүчү", "бүтүрүүчүлөр", "бүтүрүүчүнүн", "бүтүрүүчүгө", "бүтүрүүчүлөрдү"],
  ["кызматкер", "кызматкерлер", "кызматкерлери", "кызматкерди", "кызматкерге"],
  ["адис", "адистер", "адистерге", "адиси"],
  ["Бишкек", "Бишкекте", "Бишкектеги", "Бишкектен", "Бишкекке"],
  ["курс", "курстар", "курстарынын", "курска"],
  ["компания", "компанияда", "компаниябыз", "компаниясы"],
  ["тажрыйба", "тажрыйбасы", "тажрыйбаңыз"],
  ["жумуш", "жумуштар", "жумушка", "жумушта"],
  ["айлык", "айлыкка"],
  ["аймак", "аймактар", "аймактардан"],
  ["мөөнөт", "мөөнөтүндө"],
  ["китеп", "китеби", "китептер"],
  ["талап", "талаптар", "талаптарды", "талабы", "талабына"],
  ["милдет", "милдеттер", "милдеттери", "милдеттерди"],
  ["көндүм", "көндүмдөр", "көндүмдөрү", "көндүмдөрдү"],
  ["кеңсе", "кеңседе", "кеңсеге", "кеңселер"],
  ["насаатчы", "насаатчылар", "насаатчыга"],
  ["билим", "билими", "билимдер", "билимиңиз"],
  ["жоопкерчилик", "жоопкерчиликти", "жоопкерчилиги"],
  ["мугалим", "мугалимдер", "мугалимге"],
];

function shareStem(a: string, b: string): boolean {
  const bs = stemsOf(b);
  return stemsOf(a).some((s) => bs.includes(s));
}

function checkClasses(classes: string[][]) {
  const apart: string[] = [];
  for (const forms of classes) {
    for (const form of forms.slice(1)) if (!shareStem(forms[0], form)) apart.push(`${forms[0]} ≠ ${form}: ${stemsOf(forms[0])} / ${stemsOf(form)}`);
  }
  const merged: string[] = [];
  for (let i = 0; i < classes.length; i++) {
    for (let j = i + 1; j < classes.length; j++) {
      for (const a of classes[i]) for (const b of classes[j]) if (shareStem(a, b)) merged.push(`${a} ~ ${b}`);
    }
  }
  return { apart, merged };
}

describe("Russian stems on job-ad wording", () => {
  it("has at least 100 inflected forms", () => {
    expect(RUSSIAN.flat().length).toBeGreaterThanOrEqual(100);
  });

  it("gives the forms of one word a shared stem and different words none", () => {
    expect(checkClasses(RUSSIAN)).toEqual({ apart: [], merged: [] });
  });

  it("stems the issue's examples to their base form's stem", () => {
    expect(russianStem("дизайнера")).toBe(russianStem("дизайнер"));
    expect(russianStem("дизайнеры")).toBe(russianStem("дизайнер"));
    expect(russianStem("разработчиков")).toBe(russianStem("разработчик"));
    expect(russianStem("тестировщика")).toBe(russianStem("тестировщик"));
  });
});

describe("Kyrgyz stems on the demo texts and job-ad wording", () => {
  it("has at least 100 inflected forms", () => {
    expect(KYRGYZ.flat().length).toBeGreaterThanOrEqual(100);
  });

  it("gives the forms of one word a shared stem and different words none", () => {
    expect(checkClasses(KYRGYZ)).toEqual({ apart: [], merged: [] });
  });

  it("strips with vowel harmony: the suffix's vowel must agree with the stem's", () => {
    expect(kyrgyzStem("уулдар")).toBe("уул"); // у takes а
    expect(kyrgyzStem("тоолордо")).toBe("тоо"); // о takes о
    expect(kyrgyzStem("күндөр")).toBe("күн"); // ү takes ө
    expect(kyrgyzStem("китептер")).toBe("китеп"); // е takes е, after п the suffix starts with т
    expect(kyrgyzStem("уулдер")).toBe("уулдер"); // a front suffix on a back stem is no suffix
    expect(kyrgyzStem("ката")).toBe("ката"); // -та comes only after an unvoiced consonant
  });

  it("reaches the same stem through stacked suffixes (plural + possessive + case)", () => {
    expect(kyrgyzStem("кардарларынын")).toBe(kyrgyzStem("кардар"));
    expect(kyrgyzStem("тапшырмаларынын")).toBe("тапшырма");
    expect(kyrgyzStem("бүтүрүүчүлөрдү")).toBe(kyrgyzStem("бүтүрүүчү"));
  });

  it("drops the soft sign as the case endings do (январь → январдан)", () => {
    expect(kyrgyzStem("январдан")).toBe(kyrgyzStem("январь"));
    expect(kyrgyzStem("сентябрга")).toBe(kyrgyzStem("сентябрь"));
  });

  // Words whose ending only looks like a suffix (docs/decisions/044-search-stemming.md, over-stripping):
  // each row is the word, forms of it that must reach its stem, and the unrelated short word the old
  // stripper cut it to (кардар «client» was кар «snow»).
  const LOOK_ALIKES: [word: string, forms: string[], not: string][] = [
    // The plural after р and й is -лАр, never -дАр (карлар, үйлөр): -дар after р/й is part of the word.
    ["кардар", ["кардарлар", "кардарга", "кардарыбыз", "кардардын"], "кар"],
    ["айдар", ["айдарга", "айдардын"], "ай"],
    ["сардар", ["сардардын", "сардарлар"], "сар"],
    // Russian and Latin loans in -ктор / -тор: the ending belongs to the loan (their plural is -лор).
    ["доктор", ["доктордун", "докторлор"], "док"],
    ["директор", ["директорлор", "директорго", "директорубуз"], "дирек"],
    ["сектор", ["секторлор", "секторунда"], "сек"],
    ["инспектор", ["инспекторлор"], "инспек"],
    ["проектор", ["проектордун"], "проек"],
    ["вектор", ["векторлор"], "век"],
    ["коллектор", ["коллекторлор"], "коллек"],
    ["селектор", ["селектордо"], "селек"],
    ["протектор", ["протектору"], "протек"],
    // Words fixed with a case ending, used as one word: «башка» other, «бирге» together, «дагы» also,
    // «кайда» where, a loan «тайга».
    ["башка", ["башкалар", "башкасы"], "баш"],
    ["бирге", [], "бир"],
    ["дагы", [], "дак"],
    ["кайда", [], "кай"],
    ["тайга", ["тайгада"], "тай"],
    // The irregular plural of бала (child) is балдар, not бал (honey) + -дар.
    ["балдар", ["балдарга", "балдардын", "бала", "баланы"], "бал"],
    // No suffix-like ending at all: left whole, inflected forms reach them.
    ["адабият", ["адабияттар", "адабиятты"], "адабия"],
    ["маданият", ["маданияттын"], "мадания"],
    ["жардам", ["жардамга", "жардамы"], "жар"],
    ["базар", ["базарлар", "базарда"], "база"],
  ];

  it("keeps words whose ending only looks like a suffix, and their forms reach them", () => {
    expect(LOOK_ALIKES.length).toBeGreaterThanOrEqual(20);
    const wrong: string[] = [];
    for (const [word, forms, not] of LOOK_ALIKES) {
      const stem = kyrgyzStem(word);
      if (kyrgyzStems(word).includes(kyrgyzStem(not))) wrong.push(`${word} → ${kyrgyzStems(word)}`);
      for (const form of forms) if (!kyrgyzStems(form).includes(stem)) wrong.push(`${form} → ${kyrgyzStems(form)}, not ${stem}`);
      // The Kyrgyz stems only: a Russian stem may join them (бала and бал are both бал to Snowball).
      const notStems = kyrgyzStems(not);
      for (const form of [word, ...forms]) if (kyrgyzStems(form).some((k) => notStems.includes(k))) wrong.push(`${form} ~ ${not}`);
    }
    expect(wrong).toEqual([]);
  });

  it("keeps both parses of an ambiguous word (адис + и, команда + сы)", () => {
    expect(kyrgyzStems("адиси")).toContain("адис");
    expect(kyrgyzStems("командасы")).toContain(kyrgyzStem("команда"));
  });
});

describe("stemsOf and searchTermsOf", () => {
  it("gives a Cyrillic word its Russian and Kyrgyz stems and a Latin word its English stem", () => {
    expect(stemsOf("дизайнерлер")).toContain(russianStem("дизайнер"));
    expect(stemsOf("Developers")).toEqual(["develop"]);
    expect(stemsOf("2025")).toEqual(["2025"]);
  });

  it("folds ё to е and capitals to lower case", () => {
    expect(stemsOf("Стажёров")).toEqual(stemsOf("стажеров"));
  });

  it("finds the issue's Kyrgyz example: иштеп чыгуучу / чыгуучулар / чыгуучуну share stems word by word", () => {
    const base = searchTermsOf("иштеп чыгуучу");
    for (const form of ["иштеп чыгуучулар", "иштеп чыгуучуну"]) {
      const terms = searchTermsOf(form);
      expect(terms.map((t) => t.word)).toHaveLength(2);
      terms.forEach((t, i) => expect(t.stems.some((s) => base[i].stems.includes(s))).toBe(true));
    }
  });

  it("keeps each word's exact form beside its stems, split at punctuation", () => {
    const terms = searchTermsOf("Junior Frontend-разработчик (React), Бишкекте");
    expect(terms.map((t) => t.word)).toEqual(["junior", "frontend", "разработчик", "react", "бишкекте"]);
    expect(terms[4].stems).toContain("бишкек");
    const columns = indexColumnsOf("Тестировщики и тестировщик");
    expect(columns.exact).toBe("тестировщики и тестировщик");
    expect(columns.stems.split(" ")).toContain("тестировщик");
  });

  it("never loses a word's terms when text is added (a vacancy found stays found)", () => {
    const word = fc.stringMatching(/^[а-яёңөүa-z]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), word, (words, extra) => {
        const text = words.join(" ");
        const before = new Set(searchTermsOf(text).flatMap((t) => [t.word, ...t.stems]));
        const after = new Set(searchTermsOf(`${text} ${extra}`).flatMap((t) => [t.word, ...t.stems]));
        return [...before].every((t) => after.has(t));
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same stems for a word every time, whatever was stemmed before", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[а-яңөүa-z]{1,15}$/), (w) => {
        const first = stemsOf(w);
        searchTermsOf(`${w}лар ${w}ны ${w.toUpperCase()}`);
        expect(stemsOf(w)).toEqual(first);
        expect(stemsOf(w.toUpperCase())).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});
