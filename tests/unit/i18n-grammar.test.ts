// Issue 14 items 21–23: the catalogs as a native reader reads them — Kyrgyz dates in the case
// their postposition needs, Russian months in the genitive after «с», plural agreement through
// Intl.PluralRules, neutral Russian forms, one full stop, one word for "cohort" (GLOSSARY terms
// live in docs/decisions/029-plural-and-case-in-messages.md).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogs, serverT } from "~/i18n/catalog.server";
import { formatDate, formatDateTime, formatMonth, formatNumber, formatPercent, inCase, wholePercent } from "~/i18n/format";
import { interpolate } from "~/i18n/translate";
import { ROOT, sourceFiles } from "../support/source-files";

const ky = serverT("ky");
const ru = serverT("ru");
const en = serverT("en");

describe("the formatter knows plural rules and cases", () => {
  it("chooses the plural branch by the language's rules and fills # with the number", () => {
    const msg = "{n, plural, one {# новая вакансия} few {# новые вакансии} other {# новых вакансий}}";
    expect([0, 1, 2, 5, 11, 21, 22, 101].map((n) => interpolate(msg, { n }, "ru"))).toEqual([
      "0 новых вакансий",
      "1 новая вакансия",
      "2 новые вакансии",
      "5 новых вакансий",
      "11 новых вакансий",
      "21 новая вакансия",
      "22 новые вакансии",
      "101 новая вакансия",
    ]);
    expect(interpolate("{n, plural, one {# new vacancy} other {# new vacancies}}", { n: "1 000" }, "en")).toBe("1 000 new vacancies");
    expect(interpolate("{n, plural, one {# x} other {# y}} {name}", { name: "z" }, "en")).toBe("{n, plural, one {# x} other {# y}} z");
  });
  it("puts a Kyrgyz date into the ablative, dative and locative, and a Russian month into the genitive", () => {
    const d = formatDate("ky", "2026-03-06");
    expect(inCase("ky", d, "dat")).toBe("2026-ж., 6-мартка");
    expect(inCase("ky", d, "abl")).toBe("2026-ж., 6-марттан");
    expect(inCase("ky", d, "loc")).toBe("2026-ж., 6-мартта");
    expect(inCase("ky", formatMonth("ky", "2026-03"), "abl")).toBe("2026-ж., марттан");
    expect(inCase("ru", formatMonth("ru", "2026-03"), "gen")).toBe("марта 2026 г.");
    expect(inCase("ru", formatDate("ru", "2026-03-06"), "gen")).toBe("6 марта 2026 г.");
    expect(inCase("en", "March 2026", "gen")).toBe("March 2026");
  });
  it("never prints two full stops after an abbreviation", () => {
    expect(interpolate("выпуск {date}.", { date: "30 июня 2026 г." }, "ru")).toBe("выпуск 30 июня 2026 г.");
  });
});

describe("item 21: Kyrgyz", () => {
  const date = formatDate("ky", "2026-03-06");
  it("dates before чейин, баштап, тартып take their case ending", () => {
    expect(ky("companies.invite.statusOpen", { date })).toBe("2026-ж., 6-мартка чейин жарактуу");
    expect(ky("vacancies.deadlineOn", { date })).toBe("арыздар 2026-ж., 6-мартка чейин кабыл алынат");
    expect(ky("companies.public.deadline", { date })).toBe("2026-ж., 6-мартка чейин арыз бериңиз");
    expect(ky("public.available", { date })).toBe("2026-ж., 6-марттан баштап иштей алат");
    expect(ky("directory.availableFrom", { date })).toBe("2026-ж., 6-марттан баштап иштей алат");
    expect(ky("match.availability.from", { date })).toBe("2026-ж., 6-марттан баштап иштей алат");
    expect(ky("portfolio.card.since", { start: formatMonth("ky", "2026-03") })).toBe("2026-ж., марттан тартып");
    expect(ky("outcomes.graduate.job", { title: "QA", date })).toBe("QA, 2026-ж., 6-марттан тартып");
    expect(ky("outcomes.graduate.linkOpen", { created: date, expires: formatDate("ky", "2026-08-06") })).toBe(
      "2026-ж., 6-мартта түзүлгөн, 2026-ж., 6-августка чейин жарактуу",
    );
    expect(ky("outcomes.consent.historyGiven", { date })).toBe("2026-ж., 6-мартта макулдук берилди");
  });
  it("/me/outcomes says the school knows what its graduates do (genitive)", () => {
    expect(catalogs.ky["outcomes.consent.lead"]).toMatch(/^Окуу жайыңыз өз бүтүрүүчүлөрүнүн .* билип турат:/);
  });
  it("a school in a label is «окуу жай» / «учебное заведение», not a lyceum (ИПК is not one)", () => {
    const isLabel = (text: string) => !/[{]/.test(text) && text.split(/\s+/).length <= 5;
    for (const lang of ["ky", "ru"] as const) {
      for (const [key, text] of Object.entries(catalogs[lang])) if (isLabel(text)) expect(text, `${lang}:${key}`).not.toMatch(/[Лл]ице[йя]/u);
    }
  });
  it("calls a cohort «чыгарылыш» everywhere and the excluded «эсепке алынбаган»", () => {
    for (const [key, text] of Object.entries(catalogs.ky)) {
      expect(text, key).not.toMatch(/бүтүрүү(?!чү)(лөр|сү|\b| тобу)/u);
      expect(text, key).not.toMatch(/чыгарылган/u);
    }
    expect(ky("directory.cohort")).toBe("Чыгарылыш");
    expect(ky("outcomes.dashboard.summary", { n: 700, graduates: 727 })).toBe("Бул чекитте базада 700 бүтүрүүчү (эсепке алынбагандар менен кошо 727).");
  });
});

describe("item 22: Russian", () => {
  it("a month after «с» is in the genitive", () => {
    expect(ru("portfolio.card.since", { start: formatMonth("ru", "2026-03") })).toBe("с марта 2026 г.");
    expect(ru("public.available", { date: formatDate("ru", "2026-03-06") })).toBe("Может приступить с 6 марта 2026 г.");
  });
  it("counts agree with their noun", () => {
    expect([1, 2, 5, 21].map((n) => ru("notifications.navUnread", { n }))).toEqual([
      "Уведомления (1 новое)",
      "Уведомления (2 новых)",
      "Уведомления (5 новых)",
      "Уведомления (21 новое)",
    ]);
    expect(ru("match.reason.required", { met: 0, count: 1 })).toBe("0 из 1 обязательного навыка");
    expect(ru("portfolio.imagesFull", { max: 3 })).toMatch(/^У проекта уже 3 изображения\./);
  });
  it("shows no masculine-only «Готов приступить» / «Свободен»", () => {
    for (const [key, text] of Object.entries(catalogs.ru)) {
      expect(text, key).not.toMatch(/Готов(ы)? (приступить|выйти)|[Сс]вободен|может выйти|откликнулся|зарегистрировался/u);
    }
    expect(ru("directory.availableNowBadge")).toBe("Может приступить сейчас");
  });
  it("ends a sentence after «г.» with one full stop", () => {
    expect(ru("join.welcome", { name: "Айпери", school: "Лицей № 98", date: formatDate("ru", "2026-06-30") })).toBe(
      "Добро пожаловать, Айпери! Лицей № 98, выпуск 30 июня 2026 г.",
    );
  });
  it("does not say «optional» twice in a label the form already marks optional", () => {
    for (const lang of ["ru", "ky", "en"] as const) expect(catalogs[lang]["applications.withdrawNote"]).not.toMatch(/необязательно|милдеттүү эмес|optional/);
    // The form marks optional fields itself (common.optional); no label says it again in brackets.
    for (const lang of ["ru", "ky", "en"] as const) {
      const word = catalogs[lang]["common.optional"];
      for (const [key, text] of Object.entries(catalogs[lang])) expect(text, `${lang}:${key}`).not.toContain(`(${word}`);
    }
  });
});

describe("item 23: English plurals", () => {
  it("1 new vacancy, 2 new vacancies", () => {
    expect(en("notify.saved-search-hits", { n: 1, name: "QA" })).toBe("1 new vacancy for your saved search “QA”.");
    expect(en("notify.saved-search-hits", { n: 2, name: "QA" })).toBe("2 new vacancies for your saved search “QA”.");
    expect(en("home.numbers", { schools: 1, graduates: 21, companies: 1 })).toBe("1 school · 21 graduates · 1 verified company");
    expect(en("match.reason.required", { met: 1, count: 1 })).toBe("1 of 1 required skill");
  });
});

describe("one term per concept (GLOSSARY's «replace» column)", () => {
  const replaced = {
    ky: [
      /каттоо эсеб/iu,
      /ырастоо|ырастал/iu,
      /текшерилген/iu,
      /облус/iu,
      /иш тартиби/iu,
      /аралыктан/iu,
      /толук убакыт/iu,
      /жарым-жартылай убакыт/iu,
      /дал келүү/iu,
      /эң ылайыктуусу/iu,
      /жашырылган бүтүрүүчү|^жашырылган$/iu,
      /текшерүү чекит/iu,
      /орноштуруу кызматкер/iu,
      // Found by the outsider's read (decision 079): an account is «аккаунт», not «каттоо»; a
      // completed module «өтүлгөн»; nice-to-have «кошумча»; pay «айлык акы»; sort «иреттөө».
      /каттоосу/iu,
      /бүтүрүлгөн модул/iu,
      /артыкчылык болот/iu,
      /каалаган көндүм/iu,
      /айлык эмгек акы|(?<!\p{L})айлык(?! акы)(?!\p{L})|айлыгы|айлыкты/iu,
      /^тартиби$/iu,
      /^жыйынтыктар$/iu,
      /(?<!\p{L})топ(?!\p{L}).*CSV/iu,
      /(?<!\p{L})лицей(?!лер)/iu,
      /базадан чыгар/iu,
    ],
    ru: [
      /проверенн/iu,
      /област/iu,
      /лучшее совпадение/iu,
      /редактир/iu,
      /зачисл/iu,
      /сотрудник[а-я]* (лицея )?по трудоустройству/iu,
      // decision 079: a hire is «приём на работу» (not «найм», «Принят(а)»; «по найму» is employment);
      // a sort «сортировка»; nice-to-have «желательные»; a school «учебное заведение», also in sentences.
      /(?<!по )(?<!\p{L})найм/iu,
      /Принят\(а\)/u,
      /^порядок$/iu,
      /будет плюсом/iu,
      /(?<!\p{L})лице(й|я|ю|ем|ям|ями|ях)(?!\p{L})/iu,
    ],
  } as const;
  for (const lang of ["ky", "ru"] as const) {
    it(`${lang} catalogs use the glossary's terms`, () => {
      const found = Object.entries(catalogs[lang]).flatMap(([key, text]) => replaced[lang].filter((re) => re.test(text)).map((re) => `${key}: ${re.source}`));
      expect(found).toEqual([]);
    });
  }
});

describe("a concept the English names keeps its glossary term in ky and ru (decision 079)", () => {
  // [English, Kyrgyz, Russian]: where the English text names the concept (its {variables} aside),
  // the Kyrgyz and Russian texts carry the glossary's word for it.
  const concepts: [RegExp, RegExp, RegExp][] = [
    [/\bedit(s|ed|ing)?\b/i, /түзөт|оңдо/iu, /измен|исправ/iu],
    [/\bdrafts?\b/i, /каралама/iu, /черновик/iu],
    [/nice[- ]to[- ]have/i, /кошумча/iu, /желател/iu],
    [/\bsalary\b|monthly pay/i, /айлык акы/iu, /зарплат/iu],
    [/\bcohorts?\b/i, /чыгарылыш/iu, /выпуск/iu],
    [/\bsort\b/i, /иреттө/iu, /сортир/iu],
    [/placement office\b/i, /жумушка орноштуруу бөлүм/iu, /служб\p{L}* трудоустройства/iu],
    [/invitation code/i, /чакыруу код/iu, /код\p{L}* приглашени/iu],
    [/\bapplicants?\b/i, /талапкер/iu, /кандидат/iu],
  ];
  it("in every message", () => {
    const found: string[] = [];
    for (const [key, text] of Object.entries(catalogs.en)) {
      const words = text.replace(/\{[^{}]*\}/g, "");
      for (const [en, kyTerm, ruTerm] of concepts) {
        if (!en.test(words)) continue;
        if (!kyTerm.test(catalogs.ky[key as keyof typeof catalogs.ky])) found.push(`ky ${key}: ${kyTerm.source}`);
        if (!ruTerm.test(catalogs.ru[key as keyof typeof catalogs.ru])) found.push(`ru ${key}: ${ruTerm.source}`);
      }
    }
    expect(found).toEqual([]);
  });
});

/** The code that builds pages and messages (decision 079's checks read it). */
const APP_CODE = ["app/components", "app/routes", "app/domain", "app/utils"].flatMap(sourceFiles);

describe("numbers and percents are written one way (glossary «Both»; decision 079)", () => {
  it("a percent sign follows its number after a non-breaking space, in every catalog", () => {
    const found: string[] = [];
    for (const lang of ["ky", "ru", "en"] as const) {
      for (const [key, text] of Object.entries(catalogs[lang])) if (/[\d}](?: |)%/u.test(text)) found.push(`${lang}:${key}`);
    }
    expect(found).toEqual([]);
    expect(formatPercent("ru", 65.5)).toBe("65,5\u00a0%");
    expect(formatPercent("ky", 65.5)).toBe("65,5\u00a0%");
    expect(wholePercent(0.655 * 100)).toBe("66\u00a0%");
    expect(ky("profile.meter", { percent: 40 })).toBe("Профиль 40\u00a0% толтурулган");
  });
  it("pages build no percent of their own: a value followed by «%» goes through formatPercent", () => {
    expect(APP_CODE.length).toBeGreaterThan(100);
    const found = APP_CODE.flatMap((f) =>
      fs
        .readFileSync(path.join(ROOT, f), "utf8")
        .split("\n")
        .map((line, i) => [`${f}:${i + 1}`, line] as const),
    )
      .filter(([, line]) => /\}\s?%(?![\w{])/.test(line) && !/^\s*(\/\/|\*)/.test(line))
      .map(([where]) => where);
    expect(found).toEqual([]);
  });
  it("a number of four digits or more in a ky or ru text is grouped like formatNumber's («5 000»), but a year or an example of what to type stays as typed", () => {
    const found: string[] = [];
    for (const lang of ["ky", "ru"] as const) {
      for (const [key, text] of Object.entries(catalogs[lang])) {
        if (/(?<![\d-])(?<!мисалы |например )(?!(?:19|20)\d\d(?!\d))\d{4,}(?![\d-])/u.test(text.replace(/\{[^{}]*\}/g, ""))) found.push(`${lang}:${key}`);
      }
    }
    expect(found).toEqual([]);
    expect(formatNumber("ru", 5000)).toBe("5\u00a0000");
    expect(ru("teamNotes.note.hint")).toMatch(/^До 5\u00a0000 символов/);
  });
});

describe("a date a message puts into a case is a date the formatter can inflect (decision 079)", () => {
  it("a Kyrgyz date-time («2026-ж., 8-дек. 01:03») takes no case ending: no {x:case} is filled with formatDateTime", () => {
    // inCase finds the month at the end of formatDate/formatMonth's text; formatDateTime ends in a time,
    // so «{date:loc} жөнөтүлгөн» printed «2026-ж., 8-дек. 01:03 жөнөтүлгөн» on an application's snapshot.
    expect(inCase("ky", formatDateTime("ky", "2026-12-08T01:03:00Z"), "loc")).toBe(formatDateTime("ky", "2026-12-08T01:03:00Z"));
    const found: string[] = [];
    let calls = 0;
    for (const file of APP_CODE) {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      for (const m of text.matchAll(/\bt\("([\w.-]+)",\s*\{([^{}]*(?:\([^()]*(?:\([^()]*\))?[^()]*\)[^{}]*)*)\}/g)) {
        calls++;
        for (const v of m[2]!.matchAll(/(\w+):\s*formatDateTime\(/g)) {
          for (const lang of ["ky", "ru"] as const) {
            const msg = (catalogs[lang] as Record<string, string>)[m[1]!] ?? "";
            if (msg.includes(`{${v[1]}:`)) found.push(`${file}: ${lang} ${m[1]} {${v[1]}:…}`);
          }
        }
      }
    }
    expect(calls).toBeGreaterThan(100); // the scan reads the calls it means to
    expect(found).toEqual([]);
  });
});
