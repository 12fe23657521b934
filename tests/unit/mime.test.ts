// The outbox's own MIME writer (app/server/mime.ts, docs/decisions/051-outbox.md "Session 11") must
// read back, in a mail client's parser (mailparser), exactly as nodemailer's composer did: the same
// subject, sender, headers, text, HTML and .ics, in every language.
import { simpleParser } from "mailparser";
import MailComposer from "nodemailer/lib/mail-composer";
import { describe, expect, it } from "vitest";
import { composeEmail } from "~/domain/messages/email";
import { serverT } from "~/i18n/catalog.server";
import type { OutgoingEmail } from "~/server/outbox-worker";
import { buildMime, parseMailbox } from "~/server/mime";

const FROM = "IT Cluster Careers <careers@portal.test>";

function mailIn(lang: "ky" | "ru" | "en", extra: Partial<OutgoingEmail> = {}): OutgoingEmail {
  const c = composeEmail(serverT(lang), lang, {
    kind: "application-status",
    vars: {
      vacancy: "Junior frontend-разработчик «Ала-Тоо» — очень длинное название вакансии для переноса строк",
      company: "Ала-Тоо Софт",
      status: "screening",
    },
    link: "/me/applications/12",
    recipientName: "Айгүл Асанова",
    publicUrl: "http://127.0.0.1:3000",
    unsubscribeUrl: `http://127.0.0.1:3000/unsubscribe/${"a".repeat(90)}?lng=${lang}`,
  });
  return {
    to: "aigul@example.kg",
    ...c,
    messageId: "<application-status.812.45.email@127.0.0.1>",
    headers: {
      "List-Unsubscribe": `<http://127.0.0.1:3000/unsubscribe/${"a".repeat(90)}?lng=${lang}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
      "Content-Language": lang,
      "Auto-Submitted": "auto-generated",
    },
    ...extra,
  };
}

const ICS = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nSUMMARY:Собеседование\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

async function both(mail: OutgoingEmail, from = FROM) {
  const built = buildMime(mail, from, new Date("2026-12-07T08:00:00Z"));
  expect(built).not.toBeNull();
  const ours = await simpleParser(built!.raw);
  const theirs = await simpleParser(await new MailComposer({ from, textEncoding: "base64", ...mail }).compile().build());
  return { ours, theirs, envelope: built!.envelope, raw: built!.raw.toString("utf8") };
}

describe("the outbox's MIME writer", () => {
  it.each(["ky", "ru", "en"] as const)("reads back as nodemailer's composer did (%s)", async (lang) => {
    const { ours, theirs, envelope, raw } = await both(mailIn(lang));
    expect(ours.subject).toBe(theirs.subject);
    expect(ours.subject).toContain("Junior frontend-разработчик «Ала-Тоо»");
    expect(ours.from?.value).toEqual(theirs.from?.value);
    expect(ours.to && "value" in ours.to ? ours.to.value : null).toEqual([{ address: "aigul@example.kg", name: "" }]);
    expect(ours.text).toBe(theirs.text);
    expect(ours.html).toBe(theirs.html);
    expect(ours.messageId).toBe("<application-status.812.45.email@127.0.0.1>");
    for (const h of ["list-unsubscribe", "list-unsubscribe-post", "content-language", "auto-submitted", "mime-version"])
      expect(ours.headers.get(h), h).toEqual(theirs.headers.get(h));
    expect(ours.date?.toISOString()).toBe("2026-12-07T08:00:00.000Z");
    expect(ours.attachments).toEqual([]);
    expect(envelope).toEqual({ from: "careers@portal.test", to: ["aigul@example.kg"] });
    // No line longer than SMTP allows, every line ends in CRLF.
    expect(raw.split("\r\n").every((l) => l.length <= 998 && !l.includes("\n"))).toBe(true);
  });

  it("carries an interview's .ics as nodemailer did", async () => {
    const attachments = [{ filename: "interview.ics", content: ICS, contentType: "text/calendar; charset=utf-8; method=REQUEST" }];
    const { ours, theirs } = await both(mailIn("ky", { attachments }));
    expect(ours.attachments.map((a) => [a.filename, a.contentType, a.content.toString("utf8")])).toEqual([["interview.ics", "text/calendar", ICS]]);
    expect(ours.attachments[0]!.headers.get("content-type")).toEqual(theirs.attachments[0]!.headers.get("content-type"));
    expect(ours.text).toBe(theirs.text);
    expect(ours.html).toBe(theirs.html);
  });

  it("a line break typed into a title cannot add a header", async () => {
    const { ours, raw } = await both(mailIn("en", { subject: "Hello\r\nBcc: victim@example.kg" }));
    expect(ours.subject).toBe("Hello Bcc: victim@example.kg");
    expect(ours.headers.get("bcc")).toBeUndefined();
    expect(raw).not.toMatch(/^Bcc:/m);
  });

  it("a sender's name in Kyrgyz or with specials is encoded or quoted", async () => {
    for (const from of ["IT-Кластер Карьера <careers@portal.test>", '"Careers, IT Cluster" <careers@portal.test>', "careers@portal.test"]) {
      const { ours, theirs } = await both(mailIn("ky"), from);
      expect(ours.from?.value, from).toEqual(theirs.from?.value);
    }
  });

  it("an address outside plain ASCII is left to nodemailer's composer", () => {
    expect(buildMime(mailIn("ky", { to: "айгүл@пример.кг" }), FROM)).toBeNull();
    expect(parseMailbox("Careers <карьера@portal.test>")).toBeNull();
    expect(parseMailbox("Careers <careers@portal.test>")).toEqual({ name: "Careers", address: "careers@portal.test" });
  });
});
