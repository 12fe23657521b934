// The iCalendar file of an interview (app/domain/messages/ics.ts, RFC 5545), read back with ical.js
// as a calendar would (tests/support/ics.ts): each field, the Bishkek time zone, escaping, and
// folding at 75 octets without cutting a Kyrgyz or Russian letter in two.
import { describe, expect, it } from "vitest";
import { buildIcs, escapeText, foldLine, type IcsEvent } from "~/domain/messages/ics";
import { parseIcs } from "../support/ics";

const base: IcsEvent = {
  method: "REQUEST",
  uid: "interview-12@portal.test",
  sequence: 0,
  stamp: "2027-02-01T09:30:00.000Z",
  start: "2027-02-15T04:00:00.000Z", // 10:00 in Bishkek
  end: "2027-02-15T05:00:00.000Z",
  summary: "Аңгемелешүү: Junior frontend-разработчик — «Ала-Тоо Софт»",
  description: "Line one; with, commas\\and a backslash\nLine two",
  location: "Бишкек, ул. Токтогула 120, офис 4",
  url: null,
  organizer: { name: "IT Cluster Careers", email: "careers@portal.test" },
  attendee: { name: "Айпери Жумабекова", email: "aiperi@mail.kg" },
};

const octets = (s: string) => Buffer.byteLength(s, "utf8");

describe("the interview's iCalendar file", () => {
  it("reads back field by field: method, product, UID, SEQUENCE, DTSTAMP, summary, description, place, people", () => {
    const p = parseIcs(buildIcs(base));
    expect(p.method).toBe("REQUEST");
    expect(p.version).toBe("2.0");
    expect(p.prodid).toBe("-//IT Cluster Careers//Placement portal//EN");
    expect(p.uid).toBe("interview-12@portal.test");
    expect(p.sequence).toBe(0);
    expect(p.stamp).toBe("2027-02-01T09:30:00.000Z");
    expect(p.summary).toBe(base.summary);
    expect(p.description).toBe(base.description); // ; , \ and the line break survive the escaping
    expect(p.location).toBe(base.location);
    expect(p.url).toBeNull();
    expect(p.organizer).toBe("mailto:careers@portal.test");
    expect(p.attendee).toBe("mailto:aiperi@mail.kg");
    expect(p.status).toBe("CONFIRMED");
  });

  it("writes the time in Asia/Bishkek with its VTIMEZONE (UTC+6), meaning the instant the employer set", () => {
    const text = buildIcs(base);
    expect(text).toContain("DTSTART;TZID=Asia/Bishkek:20270215T100000\r\n");
    expect(text).toContain("DTEND;TZID=Asia/Bishkek:20270215T110000\r\n");
    const p = parseIcs(text);
    expect(p.timezoneIds).toEqual(["Asia/Bishkek"]);
    expect(p.startTzid).toBe("Asia/Bishkek");
    expect(p.startLocal).toBe("2027-02-15T10:00:00");
    expect(p.start).toBe("2027-02-15T04:00:00.000Z");
    expect(p.end).toBe("2027-02-15T05:00:00.000Z");
  });

  it("a cancellation is the same UID with a higher SEQUENCE, method CANCEL and status CANCELLED", () => {
    const p = parseIcs(buildIcs({ ...base, method: "CANCEL", sequence: 2 }));
    expect([p.method, p.uid, p.sequence, p.status]).toEqual(["CANCEL", "interview-12@portal.test", 2, "CANCELLED"]);
  });

  it("a video link is the LOCATION and the URL", () => {
    const p = parseIcs(buildIcs({ ...base, location: "https://meet.example.kg/abc-def", url: "https://meet.example.kg/abc-def" }));
    expect(p.location).toBe("https://meet.example.kg/abc-def");
    expect(p.url).toBe("https://meet.example.kg/abc-def");
  });

  it("ends every line with CRLF and folds long Cyrillic lines at 75 octets without splitting a letter", () => {
    const long = "Собеседование по вакансии «Младший разработчик мобильных приложений» — Аңгемелешүү 🙂 ".repeat(4);
    const text = buildIcs({ ...base, summary: long, description: `${long}\n${long}` });
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // no bare CR or LF
    const lines = text.split("\r\n").slice(0, -1);
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(line).not.toContain("\uFFFD");
    }
    expect(lines.filter((l) => l.startsWith(" ")).length).toBeGreaterThan(8);
    // Unfolded, the text is whole again (ical.js joins the pieces).
    const p = parseIcs(text);
    expect(p.summary).toBe(long);
    expect(p.description).toBe(`${long}\n${long}`);
  });

  it("foldLine: a line of exactly 75 octets stays whole; one more octet folds; two-octet letters are never cut", () => {
    expect(foldLine("A".repeat(75))).toBe("A".repeat(75));
    expect(foldLine("A".repeat(76))).toBe(`${"A".repeat(75)}\r\n A`);
    // "SUMMARY:" is 8 octets; then 33 Cyrillic letters are 66 octets (74 in all), the 34th would make 76.
    const folded = foldLine(`SUMMARY:${"ж".repeat(40)}`);
    const [first, second] = folded.split("\r\n");
    expect(first).toBe(`SUMMARY:${"ж".repeat(33)}`);
    expect(second).toBe(` ${"ж".repeat(7)}`);
  });

  it("escapeText escapes backslash first, then ; and , and turns CRLF, CR and LF into \\n", () => {
    expect(escapeText("a\\b;c,d\r\ne\rf\ng")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
  });

  it("a name with quotes or a colon cannot break the ORGANIZER or ATTENDEE line", () => {
    const text = buildIcs({ ...base, attendee: { name: 'Айпери "Ай": Жумабекова', email: "aiperi@mail.kg" } });
    expect(text).toContain('ATTENDEE;CN="Айпери Ай: Жумабекова";');
    expect(parseIcs(text).attendee).toBe("mailto:aiperi@mail.kg");
  });
});
