// The team-notes card and the conversation card of the application pages, in ky, ru and en
// (docs/decisions/060-notes-and-conversations.md): every text translated, no inline style, and forms
// that work without JavaScript — posted to their own routes, the message form as multipart with the
// file field, a rejected form's error beside its field with the text kept.
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { LANGS } from "~/i18n/negotiate";
import { renderPage } from "../support/remix-react-stub";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));

const { TeamNotes, TeamNoteForm } = await import("~/components/team-notes");
const { Conversation, MessageForm } = await import("~/components/conversation");

const KEYS = /\b(teamNotes|conversations|errors|flash|retention)\.[a-zA-Z]+/;
const render = (lang: (typeof LANGS)[number], page: () => ReturnType<typeof createElement>, action?: unknown) =>
  renderPage(lang, page, { loader: null, action }, KEYS);

const view = {
  notes: [{ id: 1, body: "Сильное портфолио <b>", createdAt: "2026-11-20T06:00:00.000Z", author: null }],
  ratings: [
    { rater: "Азамат", rating: 4, mine: true },
    { rater: "Ольга", rating: 5, mine: false },
  ],
  average: 4.5,
  myRating: 4,
};

const messages = [
  {
    id: 1,
    side: "company" as const,
    mine: true,
    from: "Азамат (Ала-Тоо Софт)",
    body: "Салам",
    sentAt: "2026-11-20T06:00:00.000Z",
    attachment: { id: 9, fileName: "task.pdf", size: 2048 },
  },
  { id: 2, side: "graduate" as const, mine: false, from: "Айпери Жумабекова", body: null, sentAt: "2026-11-21T06:00:00.000Z", attachment: null },
];

describe("team notes and conversation cards", () => {
  for (const lang of LANGS) {
    it(`in ${lang}`, () => {
      const notes = render(lang, () => createElement(TeamNotes, { applicationId: 5, view }));
      expect(notes).toContain('action="/employer/applications/5/notes"');
      expect(notes).toContain('name="rating"');
      expect(notes).toContain('name="body"');
      expect(notes).toContain("Ольга");
      expect(notes).toContain("Сильное портфолио &lt;b&gt;");

      const open = render(lang, () =>
        createElement(Conversation, { side: "company", applicationId: 5, view: { messages, open: true, reportedAt: null, keptMonths: null } }),
      );
      expect(open).toContain('action="/employer/applications/5/messages?form"');
      expect(open).toContain('encType="multipart/form-data"');
      expect(open).toContain('type="file"');
      expect(open).toContain('href="/conversation-files/9"');
      expect(open).toContain('value="report"');
      const closed = render(lang, () =>
        createElement(Conversation, {
          side: "graduate",
          applicationId: 5,
          view: { messages, open: false, reportedAt: "2026-11-22T06:00:00.000Z", keptMonths: 12 },
        }),
      );
      expect(closed).not.toContain('value="send"');
      // The admin's retention period is said beside the thread (docs/decisions/067-data-retention.md); none when kept for good.
      expect(closed).toContain(
        { en: "Messages older than 12 months are removed.", ru: "Сообщения старше 12 месяцев удаляются.", ky: "12 айдан эски билдирүүлөр өчүрүлөт." }[lang],
      );
      expect(open).not.toContain({ en: "are removed", ru: "удаляются", ky: "өчүрүлөт" }[lang]);
      expect(closed).not.toContain('value="report"');

      const rejected = render(lang, () =>
        createElement(MessageForm, {
          side: "graduate",
          applicationId: 5,
          errors: { file: "conversations.file.notPdf" },
          values: { intent: "send", body: "Мой текст" },
        }),
      );
      expect(rejected).toContain('action="/me/applications/5/messages?form"');
      expect(rejected).toContain("Мой текст");
      expect(rejected).toContain('aria-invalid="true"');
      const tooLong = render(lang, () =>
        createElement(TeamNoteForm, { applicationId: 5, errors: { body: "errors.tooLong" }, values: { intent: "note", body: "текст" } }),
      );
      expect(tooLong).toContain("текст");
      expect(tooLong).toContain("field__error");
    });
  }
});
