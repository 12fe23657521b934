import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  checkCsvBytes,
  checkCsvText,
  decodeCsvBytes,
  detectDelimiter,
  fieldOfHeader,
  MAX_DATA_ROWS,
  MAX_FILE_BYTES,
  nameKey,
  parseCsv,
  parseEmail,
  parsePhone,
  parseSex,
  planImport,
  type CheckedFile,
} from "~/domain/csv";
import { csvImportMessages } from "~/i18n/areas/csv-import";
import { catalogs } from "~/i18n/catalog.server";
import { LANGS } from "~/i18n/negotiate";
import { messageVariables } from "~/i18n/translate";

const utf8 = (s: string) => new TextEncoder().encode(s);
const BOM = [0xef, 0xbb, 0xbf];

/** Windows-1251 bytes of a string of ASCII and Russian/Kyrgyz Cyrillic (enough for the tests). */
function cp1251(s: string): Uint8Array {
  const extra: Record<string, number> = { Ё: 0xa8, ё: 0xb8, Ө: 0x3f, ө: 0x3f, Ү: 0x3f, ү: 0x3f, Ң: 0x3f, ң: 0x3f };
  return Uint8Array.from(
    [...s].map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      return extra[ch] ?? 0x3f;
    }),
  );
}

function file(text: string): CheckedFile {
  const r = checkCsvText(text);
  if (!r.ok) throw new Error(`unexpected problem ${r.problem.key}`);
  return r.file;
}

const noneExisting = { cohortNames: [], emails: [] };

describe("decoding bytes", () => {
  it("strips a UTF-8 BOM and keeps Cyrillic and Kyrgyz letters", () => {
    const r = decodeCsvBytes(Uint8Array.from([...BOM, ...utf8("фамилия,аты\nӨмүрбеков,Таңат\n")]));
    expect(r).toEqual({ ok: true, text: "фамилия,аты\nӨмүрбеков,Таңат\n" });
  });

  it("refuses a Windows-1251 file, naming the line and the likely cause", () => {
    const r = decodeCsvBytes(cp1251("last_name,first_name\nИванов,Иван\n"));
    expect(r).toEqual({ ok: false, problem: { key: "import.error.encoding", vars: { line: 2 } } });
    for (const lang of LANGS) expect(catalogs[lang]["import.error.encoding"]).toMatch(/Windows-1251/);
  });

  it("refuses UTF-16, Excel workbooks, binary and empty files", () => {
    expect(decodeCsvBytes(Uint8Array.from([0xff, 0xfe, 0x41, 0]))).toMatchObject({ ok: false, problem: { key: "import.error.utf16" } });
    expect(decodeCsvBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toMatchObject({ ok: false, problem: { key: "import.error.spreadsheet" } });
    expect(decodeCsvBytes(utf8("a,b\u0000c"))).toMatchObject({ ok: false, problem: { key: "import.error.binary" } });
    expect(decodeCsvBytes(new Uint8Array())).toMatchObject({ ok: false, problem: { key: "import.error.empty" } });
    expect(decodeCsvBytes(Uint8Array.from(BOM))).toMatchObject({ ok: false, problem: { key: "import.error.empty" } });
    expect(decodeCsvBytes(utf8(" \n\r\n"))).toMatchObject({ ok: false, problem: { key: "import.error.empty" } });
  });

  it("refuses a file over 2 MB", () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61);
    expect(decodeCsvBytes(big)).toEqual({ ok: false, problem: { key: "import.error.tooLarge", vars: { max: 2 } } });
  });
});

describe("RFC 4180 parsing", () => {
  it("detects , or ; from the header line, ignoring separators inside quotes", () => {
    expect(detectDelimiter("last_name,first_name\nа;б;в;г\n")).toBe(",");
    expect(detectDelimiter("фамилия;имя;email\n")).toBe(";");
    expect(detectDelimiter('"Фамилия, полностью";имя\n')).toBe(";");
    expect(detectDelimiter("\n\n  \nфамилия;имя\n")).toBe(";");
    expect(detectDelimiter("one_column\n")).toBe(",");
  });

  it("reads quoted fields, doubled quotes, separators and line breaks inside quotes, CRLF", () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","multi\r\nline"\r\nplain,"",last\r\n';
    const r = parseCsv(text, ",");
    expect(r).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ["a", "b", "c"] },
        { line: 2, cells: ["x, y", 'say "hi"', "multi\nline"] },
        { line: 4, cells: ["plain", "", "last"] },
      ],
    });
  });

  it("keeps physical line numbers, skips blank lines, reads a last line without newline, lone CR and spaces before quotes", () => {
    const r = parseCsv('h1;h2\n\n;;\nа;б\rв; "г"', ";");
    expect(r).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ["h1", "h2"] },
        { line: 4, cells: ["а", "б"] },
        { line: 5, cells: ["в", "г"] },
      ],
    });
  });

  it("treats a quote inside an unquoted value as a character", () => {
    expect(parseCsv('Ivan "Vanya",x\n', ",")).toEqual({ ok: true, records: [{ line: 1, cells: ['Ivan "Vanya"', "x"] }] });
  });

  it("rejects the whole file on an unclosed quote or text after a closing quote", () => {
    expect(parseCsv('a,b\n"open,x\nmore\n', ",")).toEqual({ ok: false, problem: { key: "import.error.unclosedQuote", vars: { line: 2 } } });
    expect(parseCsv('a,b\nx,"y"z\n', ",")).toEqual({ ok: false, problem: { key: "import.error.badQuote", vars: { line: 2 } } });
  });

  it("understands Excel's sep= line", () => {
    const f = file("sep=;\nфамилия;имя\nАсанов;Бек\n");
    expect(f.delimiter).toBe(";");
    expect(f.lines).toHaveLength(1);
    expect(f.lines[0]!.line).toBe(3);
  });
});

describe("header names", () => {
  it("accepts English, Russian and Kyrgyz names in any case and spacing", () => {
    for (const name of ["last_name", "Last Name", "LASTNAME", "Surname", "Фамилия", "ФАМИЛИЯСЫ"]) expect(fieldOfHeader(name), name).toBe("lastName");
    for (const name of ["first_name", "First-Name", "Имя", "аты", "АТЫ"]) expect(fieldOfHeader(name), name).toBe("firstName");
    for (const name of ["sex", "Gender", "Пол", "Жынысы"]) expect(fieldOfHeader(name), name).toBe("sex");
    for (const name of ["email", "E-mail", "Эл. почта", "Электрондук почта"]) expect(fieldOfHeader(name), name).toBe("email");
    for (const name of ["phone", "Телефон", "Тел.", "Phone number", "Телефон номери"]) expect(fieldOfHeader(name), name).toBe("phone");
    expect(fieldOfHeader("отчество")).toBeNull();
  });

  it("rejects a file without the required columns, or with a column twice", () => {
    expect(checkCsvText("имя,email\nБек,b@x.kg\n")).toEqual({
      ok: false,
      problem: { key: "import.error.missingColumns", vars: { columns: "last_name / фамилия / фамилиясы" } },
    });
    expect(checkCsvText("Айпери,Жумабекова\n")).toMatchObject({ ok: false, problem: { key: "import.error.missingColumns" } });
    expect(checkCsvText("фамилия,имя,last_name\nА,Б,В\n")).toEqual({
      ok: false,
      problem: { key: "import.error.duplicateColumn", vars: { column: "last_name" } },
    });
    expect(checkCsvText("фамилия,имя\n\n")).toEqual({ ok: false, problem: { key: "import.error.noRows" } });
  });

  it("reports unknown columns as ignored, not as errors", () => {
    expect(file("фамилия,имя,отчество,группа\nА,Б,В,Г\n").columns.ignored).toEqual(["отчество", "группа"]);
  });
});

describe("line values", () => {
  it("reads sex as m/f, м/ж, э/а (эркек/аял), male/female", () => {
    for (const v of ["m", "M", "male", "м", "М", "муж.", "э", "эркек", "Эркек"]) expect(parseSex(v), v).toBe("m");
    for (const v of ["f", "F", "female", "ж", "жен", "а", "аял", "Аял"]) expect(parseSex(v), v).toBe("f");
    expect(parseSex("")).toBeNull();
    expect(parseSex("x")).toBeUndefined();
  });

  it("normalises emails and phones, refusing what is not one", () => {
    expect(parseEmail("Aiperi@Mail.KG")).toBe("aiperi@mail.kg");
    expect(parseEmail("aiperi@")).toBeUndefined();
    expect(parsePhone("+996 (555) 12-34-56")).toBe("+996555123456");
    expect(parsePhone("0700 12 34 56")).toBe("0700123456");
    expect(parsePhone("12-34")).toBeUndefined();
    expect(parsePhone("call me")).toBeUndefined();
    expect(parsePhone("")).toBeNull();
  });

  it("accepts Cyrillic and Kyrgyz names with spaces, hyphens and apostrophes, trimmed", () => {
    const f = file("фамилиясы;аты;жынысы\n  Өмүрбеков ; Таңат ;э\nАсанбек уулу;Нурлан;э\nКасымова-Ли;Гүлзат;а\nO'Brien;Шон;m\n");
    expect(f.lines.map((l) => [l.values.lastName, l.values.firstName, l.values.sex, l.reasons])).toEqual([
      ["Өмүрбеков", "Таңат", "m", []],
      ["Асанбек уулу", "Нурлан", "m", []],
      ["Касымова-Ли", "Гүлзат", "f", []],
      ["O'Brien", "Шон", "m", []],
    ]);
  });

  it("gives every reason a line is rejected", () => {
    const long = "А".repeat(81);
    const f = file(`фамилия,имя,пол,email,телефон\n,Бек,,,\n${long},R2D2,x,nope,abc\nАсанов,Бек,м,,,лишнее\n`);
    expect(f.lines.map((l) => l.reasons.map((r) => r.key))).toEqual([
      ["import.reason.lastNameRequired"],
      [
        "import.reason.lastNameTooLong",
        "import.reason.firstNameInvalid",
        "import.reason.sexInvalid",
        "import.reason.emailInvalid",
        "import.reason.phoneInvalid",
      ],
      ["import.reason.extraValues"],
    ]);
    expect(f.lines[1]!.reasons[0]).toEqual({ key: "import.reason.lastNameTooLong", vars: { max: 80 } });
    expect(f.lines[1]!.reasons[2]).toEqual({ key: "import.reason.sexInvalid", vars: { value: "x" } });
  });

  it("joins a quoted value's line breaks into one space", () => {
    const f = file('фамилия,имя,комментарий\n"Асанбек\nуулу",Нурлан,"учится, работает"\n');
    expect(f.lines[0]!.values.lastName).toBe("Асанбек уулу");
    expect(f.lines[0]!.reasons).toEqual([]);
  });
});

describe("the import plan", () => {
  it("marks duplicates within the file, against the cohort and by email anywhere", () => {
    const f = file(
      [
        "last_name,first_name,email",
        "Жумабекова,Айпери,aiperi@mail.kg", // 2 accepted
        "ЖУМАБЕКОВА,  айпери ,", // 3 same name as 2
        "Токтосунов,Эрмек,ermek@mail.kg", // 4 name already in cohort
        "Сыдыков,Бакыт,taken@mail.kg", // 5 email taken in portal
        "Осмонова,Айгерим,Aiperi@mail.kg", // 6 same email as 2
        "Алиев,,", // 7 rejected
        "Сатыбалдиева,Алёна,", // 8 accepted
        "Сатыбалдиева,Алена,", // 9 ё = е: same as 8
      ].join("\n"),
    );
    const plan = planImport(f.lines, { cohortNames: [{ firstName: "Эрмек", lastName: "токтосунов" }], emails: ["TAKEN@mail.kg"] });
    expect(plan.lines.map((l) => [l.line, l.status, l.reasons])).toEqual([
      [2, "accepted", []],
      [3, "duplicate", [{ key: "import.reason.duplicateInFile", vars: { line: 2 } }]],
      [4, "duplicate", [{ key: "import.reason.duplicateInCohort" }]],
      [5, "duplicate", [{ key: "import.reason.duplicateEmail" }]],
      [6, "duplicate", [{ key: "import.reason.duplicateEmailInFile", vars: { line: 2 } }]],
      [7, "rejected", [{ key: "import.reason.firstNameRequired" }]],
      [8, "accepted", []],
      [9, "duplicate", [{ key: "import.reason.duplicateInFile", vars: { line: 8 } }]],
    ]);
    expect(plan.summary).toEqual({ total: 8, accepted: 2, rejected: 1, duplicates: 5 });
  });

  it("folds names the same way everywhere", () => {
    expect(nameKey("Айпери", "Жумабекова")).toBe(nameKey(" айпери", "ЖУМАБЕКОВА "));
    expect(nameKey("Алёна", "Ким - Ли")).toBe(nameKey("Алена", "Ким-Ли"));
    expect(nameKey("Айпери", "Жумабекова")).not.toBe(nameKey("Жумабекова", "Айпери"));
  });
});

describe("whole files", () => {
  it("reads a UTF-8 file with BOM, semicolons and CRLF from Excel", () => {
    const bytes = Uint8Array.from([...BOM, ...utf8("Фамилия;Имя;Пол;Email;Телефон\r\nЖумабекова;Айпери;ж;aiperi@mail.kg;+996 555 123 456\r\n")]);
    const r = checkCsvBytes(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.text.startsWith("Фамилия")).toBe(true);
    expect(r.file.delimiter).toBe(";");
    expect(r.file.lines[0]!.values).toEqual({ lastName: "Жумабекова", firstName: "Айпери", sex: "f", email: "aiperi@mail.kg", phone: "+996555123456" });
  });

  it("accepts 10,000 lines and refuses 10,001", () => {
    const rows = (n: number) => ["фамилия,имя", ...Array.from({ length: n }, (_, i) => `Фамилия${"а".repeat(i % 5)},Имя`)].join("\n");
    const ok = checkCsvText(rows(MAX_DATA_ROWS));
    expect(ok.ok && ok.file.lines.length).toBe(MAX_DATA_ROWS);
    expect(checkCsvText(rows(MAX_DATA_ROWS + 1))).toEqual({ ok: false, problem: { key: "import.error.tooManyRows", vars: { max: MAX_DATA_ROWS } } });
  });

  it("has every message it can report in all three languages", () => {
    const keys = [
      "import.error.empty",
      "import.error.tooLarge",
      "import.error.tooManyRows",
      "import.error.spreadsheet",
      "import.error.binary",
      "import.error.encoding",
      "import.error.utf16",
      "import.error.unclosedQuote",
      "import.error.badQuote",
      "import.error.missingColumns",
      "import.error.duplicateColumn",
      "import.error.noRows",
      "import.reason.duplicateInFile",
      "import.reason.extraValues",
    ] as const;
    for (const lang of LANGS) for (const key of keys) expect(catalogs[lang][key], `${lang}:${key}`).toBeTruthy();
  });
});

describe("documentation and messages", () => {
  it("the README's example file is accepted line by line", () => {
    const readme = fs.readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    const example = /## CSV import of a cohort[\s\S]*?```csv\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeTruthy();
    const plan = planImport(file(example!).lines, noneExisting);
    expect(plan.summary).toEqual({ total: 2, accepted: 2, rejected: 0, duplicates: 0 });
  });

  it("every import message exists in ky, ru and en with the same placeholders, and is translated", () => {
    const placeholders = messageVariables; // `{n}`, `{date:dat}` and `{n, plural, …}` alike (docs/decisions/029)
    const isSentence = (s: string) => (s.replace(/\{\w+\}/g, "").match(/\p{L}{2,}/gu)?.length ?? 0) >= 2;
    for (const key of Object.keys(csvImportMessages.en) as (keyof typeof csvImportMessages.en)[]) {
      const en = csvImportMessages.en[key];
      for (const lang of ["ru", "ky"] as const) {
        const text = csvImportMessages[lang][key];
        expect(text.trim(), `${lang}:${key}`).not.toBe("");
        expect(placeholders(text), `${lang}:${key}`).toEqual(placeholders(en));
        if (isSentence(en)) expect(text, `${lang}:${key}`).not.toBe(en);
        expect(catalogs[lang][key], `${lang}:${key} is merged into the catalog`).toBe(text);
      }
    }
  });
});
