// The graduate's "What happens next" card agrees with the interview and offer cards below it
// (docs/product.md §15, docs/decisions/061-interview-slots-and-offers.md). Found by the hiring journey
// (tests/e2e/journeys/hiring.ts): with times proposed and none chosen it said "come at the time and
// place below", and with an open offer "agree the terms; the company records the hire" — while the
// card below asked them to choose a time, or to accept the offer themselves (accepting is the hire); and
// the offer card told the graduate it was "waiting for the candidate's answer".
import { describe, expect, it, vi } from "vitest";
import { catalogs } from "~/i18n/catalog.server";
import { LANGS } from "~/i18n/negotiate";
import { makeT } from "~/i18n/translate";
import { renderPage } from "../support/remix-react-stub";

vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));

const { default: MyApplication } = await import("~/routes/me.applications.$id");

const application = {
  id: 9,
  status: "interview",
  created_at: "2026-11-20T06:00:00.000Z",
  updated_at: "2026-11-22T06:00:00.000Z",
  vacancy_id: 7,
  vacancy_title: "Junior QA",
  vacancy_status: "open",
  company_name: "Ала-Тоо Софт",
  company_slug: "ala-too",
  note: null,
  snapshot: null,
  events: [],
  interview: null,
};
const interview = {
  status: "proposed",
  minutes: 45,
  place: "Бишкек, ул. Ибраимова 115",
  startsAt: null,
  slots: [{ id: 1, start: "2027-02-15T04:00:00.000Z", end: "2027-02-15T04:45:00.000Z" }],
  requestNote: null,
  reason: null,
};
const offer = { status: "open", startDate: "2027-03-01", monthlyPay: 42000, answerBy: "2027-02-20", note: null, expired: false };

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/'/g, "&#x27;").replace(/"/g, "&quot;");

/** The text of the "What happens next" card. */
function nextStep(lang: (typeof LANGS)[number], loader: unknown): string {
  const html = renderPage(
    lang,
    MyApplication,
    { loader, location: { pathname: "/me/applications/9", search: "" } },
    /\b(applications|interviews|offers)\.[a-zA-Z]+/,
  );
  const card = html.match(/<div class="card stack next-steps">([\s\S]*?)<\/div>/)?.[1] ?? "";
  return card
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

describe("the graduate's next step matches the interview and offer cards", () => {
  for (const lang of LANGS) {
    const t = makeT(catalogs[lang], lang);
    const company = { company: application.company_name };
    it(`in ${lang}: times proposed → choose one; asked for another → wait; confirmed → come; open offer → answer it`, () => {
      expect(nextStep(lang, { application, slots: interview, offer: null, conversation: null })).toContain(t("applications.next.interviewChoose", company));
      expect(
        nextStep(lang, { application, slots: { ...interview, status: "another-time", requestNote: "Можно вечером?" }, offer: null, conversation: null }),
      ).toContain(t("applications.next.interviewWaiting", company));
      const confirmed = { ...interview, status: "confirmed", startsAt: interview.slots[0]!.start };
      expect(nextStep(lang, { application, slots: confirmed, offer: null, conversation: null })).toContain(t("applications.next.interview", company));
      // An interview set the old way (the pipeline's move with a time, no slots) still reads "come at the time below".
      expect(nextStep(lang, { application, slots: null, offer: null, conversation: null })).toContain(t("applications.next.interview", company));

      const offered = { ...application, status: "offer" };
      expect(nextStep(lang, { application: offered, slots: null, offer, conversation: null })).toContain(t("applications.next.offerAnswer", company));
      // The graduate's own offer card does not tell them "waiting for the candidate's answer" (the employer's words).
      const html = renderPage(lang, MyApplication, { loader: { application: offered, slots: null, offer, conversation: null } }, /\boffers\.[a-zA-Z]+/);
      expect(html).toContain(t("offers.accept.submit"));
      expect(html).not.toContain(escapeHtml(t("offers.state.open")));
      // An offer stage without an offer to answer in the portal keeps the old words.
      expect(nextStep(lang, { application: offered, slots: null, offer: null, conversation: null })).toContain(t("applications.next.offer", company));
    });
  }
});
