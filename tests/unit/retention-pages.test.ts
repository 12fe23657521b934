// The retention section of /admin/settings, its own page after a refused form, and the personal-data
// page's periods, in ky, ru and en (docs/decisions/067-data-retention.md): every text translated, the
// form posts to its own route without JavaScript, a refused period shows beside its field with what was
// typed, and "kept for good" reads as such.
import { createElement } from "react";
import { describe, expect, it, vi } from "vitest";
import { LANGS } from "~/i18n/negotiate";
import { renderPage } from "../support/remix-react-stub";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));

const { RetentionSettingsForm, RetentionPeriods } = await import("~/components/retention-settings");
const RetentionPage = (await import("~/routes/admin.settings_.retention")).default;

const KEYS = /\b(retention|errors|admin)\.[a-zA-Z]+/;

describe("retention pages", () => {
  for (const lang of LANGS) {
    it(`in ${lang}`, () => {
      const settings = { surveyText: 24, messages: null, rejected: 6 };
      const section = renderPage(lang, () => createElement(RetentionSettingsForm, { settings }), { loader: null }, KEYS);
      expect(section).toContain('action="/admin/settings/retention"');
      expect(section).toMatch(/name="surveyText"[^>]*value="24"/);
      expect(section).toMatch(/name="messages"[^>]*value=""/);
      expect(section).toContain("<h2");

      const refused = renderPage(
        lang,
        () => createElement(RetentionPage),
        {
          loader: { settings },
          action: { ok: false, errors: { messages: "retention.errors.months" }, values: { surveyText: "24", messages: "0", rejected: "6" } },
        },
        KEYS,
      );
      expect(refused).toContain("<h1");
      expect(refused).toMatch(/name="messages"[^>]*value="0"/);
      expect(refused).toContain('aria-invalid="true"');
      expect(refused).toContain({ en: "from 1 to 120", ru: "от 1 до 120", ky: "1ден 120га" }[lang]);

      const periods = renderPage(lang, () => createElement(RetentionPeriods, { settings }), { loader: null }, KEYS);
      expect(periods).toContain({ en: "24 months after the answer", ru: "через 24 месяца после ответа", ky: "жооптон 24 ай өткөндөн кийин" }[lang]);
      expect(periods).toContain({ en: "kept until you delete your account", ru: "пока вы не удалите", ky: "өчүргөнгө чейин сакталат" }[lang]);
      expect(periods).toContain({ en: "6 months after the rejection", ru: "через 6 месяцев после отказа", ky: "четке кагылгандан 6 ай" }[lang]);
    });
  }
});
