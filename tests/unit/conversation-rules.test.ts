// The rules of team notes and conversations (app/domain/conversations/rules.ts,
// docs/decisions/060-notes-and-conversations.md): a PDF is known by its content, names are made safe
// for the download header, and the average rating.
import { describe, expect, it } from "vitest";
import { smallPdf } from "@db/seed/talk18";
import { attachmentName, averageRating, checkPdf, conversationOpen, downloadDisposition, MAX_ATTACHMENT_BYTES } from "~/domain/conversations/rules";

describe("checkPdf", () => {
  it("accepts a real PDF (the demo's, made in code) whatever it is called", () => {
    expect(checkPdf(smallPdf(["Hello", "(brackets) and \\ backslash"]))).toEqual({ ok: true });
  });

  it("refuses by content: text, an image, a PDF header on other bytes, a cut-off PDF, a startxref pointing outside the file", () => {
    const notPdf = { ok: false, reason: "conversations.file.notPdf" };
    expect(checkPdf(new TextEncoder().encode("hello, this is a text file"))).toEqual(notPdf);
    expect(checkPdf(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toEqual(notPdf);
    expect(checkPdf(new TextEncoder().encode("%PDF-1.4\n<script>alert(1)</script>"))).toEqual(notPdf);
    const real = smallPdf(["x"]);
    expect(checkPdf(real.subarray(0, real.length - 20))).toEqual(notPdf);
    expect(checkPdf(Buffer.from("%PDF-1.4\nstartxref\n999999\n%%EOF\n"))).toEqual(notPdf);
    expect(checkPdf(Buffer.from("%PDF-9.9\nstartxref\n3\n%%EOF\n"))).toEqual(notPdf);
  });

  it("refuses an empty file and one over 5 MB", () => {
    expect(checkPdf(new Uint8Array(0))).toEqual({ ok: false, reason: "conversations.file.empty" });
    const real = smallPdf(["x"]);
    const big = Buffer.concat([real.subarray(0, 9), Buffer.alloc(MAX_ATTACHMENT_BYTES, 0x20), real.subarray(9)]);
    expect(checkPdf(big)).toEqual({ ok: false, reason: "conversations.file.tooLarge" });
  });
});

describe("attachment names and the download header", () => {
  it("keeps the base name, drops paths, control and direction characters and quotes, and always ends in .pdf", () => {
    expect(attachmentName("C:\\Users\\me\\Резюме.PDF")).toBe("Резюме.pdf");
    expect(attachmentName("../../etc/passwd")).toBe("passwd.pdf");
    expect(attachmentName('evil\u202Efdp.exe"\r\n.pdf')).toBe("evilfdp.exe.pdf");
    expect(attachmentName("")).toBe("document.pdf");
    expect(attachmentName("a".repeat(500)).length).toBeLessThanOrEqual(120);
  });

  it("always a download, with an ASCII fallback and the UTF-8 name", () => {
    expect(downloadDisposition("Резюме 2026.pdf")).toBe(
      `attachment; filename="______ 2026.pdf"; filename*=UTF-8''%D0%A0%D0%B5%D0%B7%D1%8E%D0%BC%D0%B5%202026.pdf`,
    );
    expect(downloadDisposition('a";b%.pdf')).toBe(`attachment; filename="a__b_.pdf"; filename*=UTF-8''a%22%3Bb%25.pdf`);
  });
});

describe("ratings and open threads", () => {
  it("the average to one decimal, null when nobody rated", () => {
    expect(averageRating([])).toBeNull();
    expect(averageRating([4, 5])).toBe(4.5);
    expect(averageRating([1, 2, 2])).toBe(1.7);
  });

  it("a rejected or withdrawn application's thread is read-only; a hire keeps it open", () => {
    expect(conversationOpen("rejected")).toBe(false);
    expect(conversationOpen("withdrawn")).toBe(false);
    expect(conversationOpen("hired")).toBe(true);
    expect(conversationOpen("applied")).toBe(true);
  });
});
