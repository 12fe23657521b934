// The yearly report printed by Chromium to an A4 PDF (docs/decisions/065-annual-report.md), in Kyrgyz and
// Russian, as the Agency-wide staff account sees it, JavaScript off. On screen at 360 px: no sideways
// scroll, the year chooser works. In the PDF (tests/support/pdf.ts reads it):
//  - pages: at least the title page, one per school, the regions and the definitions — the number of
//    schools counted in the database, not a constant — and each school starts on a page of its own;
//  - fonts: every font descriptor carries its font file (FontFile, FontFile2 or FontFile3), and every
//    Kyrgyz letter the document shows (ң ө ү) is in an embedded font's ToUnicode map;
//  - no cut rows. Method: Chromium's tagged PDF (`tagged: true`) has a structure tree in which every
//    table row (/S /TR) leads down to marked content, each piece naming its page (/Pg). A row whose
//    pieces lie on two pages was cut. The layout on screen cannot show this (print media emulated in
//    the DOM is one long page), the PDF can. A control prints the same page with `break-inside: avoid`
//    overridden and tall rows, and the same check must then find cut rows: the check can fail.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, launchBrowser } from "../support/browser";
import { expectNoSidewaysScroll, openActor, readDb, signInWithCookie } from "../support/journey-steps";
import { type PdfObject, pdfFonts, pdfMappedText, pdfObjects, pdfPages } from "../support/pdf";
import { type RunningServer, startServer } from "../support/server";

const MONTHS = { graduation: 0, m6: 6, m12: 12, m36: 36 } as const;

/** Page number (1-based) of every structure element of a tagged PDF, by its tag. */
function taggedPages(objects: Map<number, PdfObject>) {
  const pageNo = new Map(pdfPages(objects).map((id, i) => [id, i + 1]));
  const elements = [...objects.values()].filter((o) => /\/Type\s*\/StructElem\b/.test(o.dict));
  const children = new Map<number, number[]>();
  for (const e of elements) {
    const parent = /\/P (\d+) 0 R/.exec(e.dict);
    if (parent) children.set(Number(parent[1]), [...(children.get(Number(parent[1])) ?? []), e.id]);
  }
  const memo = new Map<number, Set<number>>();
  const pagesOf = (id: number): Set<number> => {
    if (memo.has(id)) return memo.get(id)!;
    const own = /\/Pg (\d+) 0 R/.exec(objects.get(id)!.dict);
    const set = new Set<number>(own ? [pageNo.get(Number(own[1]))!] : []);
    for (const child of children.get(id) ?? []) for (const p of pagesOf(child)) set.add(p);
    memo.set(id, set);
    return set;
  };
  return elements.map((e) => ({ tag: /\/S \/(\w+)/.exec(e.dict)?.[1] ?? "?", pages: [...pagesOf(e.id)].sort((a, b) => a - b) }));
}

async function printed(page: Page): Promise<Map<number, PdfObject>> {
  await page.emulateMedia({ media: "print" });
  return pdfObjects(await page.pdf({ format: "A4", tagged: true }));
}

describe.skipIf(!hasChromium)("the yearly report printed to PDF", () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const lang of ["ky", "ru"] as const) {
    it(`prints an A4 PDF with a page per school, embedded fonts and no cut rows (${lang})`, async () => {
      const s = await openActor(browser, server, { js: false, width: 360, height: 740, lang });
      await signInWithCookie(s, "staff@demo.kg");
      await s.goto(`/staff/reports/annual?lng=${lang}`);
      const doc = s.page.locator("article.annual-doc");
      const year = Number(await doc.getAttribute("data-year"));
      const checkpoint = (await doc.getAttribute("data-checkpoint")) as keyof typeof MONTHS;
      await expectNoSidewaysScroll(s.page, `the yearly report (${lang})`);

      // The schools with graduates of the report's year or before whose checkpoint date has passed (Bishkek's day).
      const schools = readDb(
        server,
        (db) =>
          (
            db
              .prepare(
                `select count(distinct c.school_id) as n from cohorts c join graduates g on g.cohort_id = c.id
                 where cast(substr(c.graduation_date, 1, 4) as integer) <= ? and date(c.graduation_date, '+' || ? || ' months') <= date('now', '+6 hours')`,
              )
              .get(year, MONTHS[checkpoint]) as { n: number }
          ).n,
      );
      expect(schools).toBeGreaterThan(1);
      expect(await s.page.locator("section.annual-school").count()).toBe(schools);

      // No table wider than the paper: laid out for print at the width between the A4 margins (186 mm = 703 px), every
      // table ends inside it (a wider one would lose its last columns in the PDF).
      await s.page.setViewportSize({ width: 703, height: 1000 });
      await s.page.emulateMedia({ media: "print" });
      const tooWide = await s.page
        .locator(".annual-doc table")
        .evaluateAll((tables) =>
          tables.filter((t) => t.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5).map((t) => t.textContent!.slice(0, 80)),
        );
      expect(tooWide).toEqual([]);
      // No menu, form or button in print: the document alone.
      const controls = await s.page
        .locator("nav, form, button, select, a.skip-link")
        .evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).map((e) => e.outerHTML.slice(0, 80)));
      expect(controls).toEqual([]);

      const objects = await printed(s.page);
      const pages = pdfPages(objects);
      // Title page, one page per school at least, the regions, the definitions.
      expect(pages.length).toBeGreaterThanOrEqual(1 + schools + 2);
      for (const id of pages) expect(objects.get(id)!.dict).toMatch(/\/MediaBox \[0 0 595\.9\d* 842\.8\d*\]/); // A4 in points

      // Each school's heading (the second H2 onward: the first is the title page's summary) on a page of its own.
      const tagged = taggedPages(objects);
      const headings = tagged.filter((e) => e.tag === "H2").map((e) => e.pages[0]!);
      expect(headings[0]).toBe(1);
      const schoolPages = headings.slice(1, 1 + schools);
      expect(schoolPages[0]).toBe(2);
      for (let i = 1; i < schoolPages.length; i++) expect(schoolPages[i]!).toBeGreaterThan(schoolPages[i - 1]!);

      // No row cut across two pages.
      const rows = tagged.filter((e) => e.tag === "TR");
      expect(rows.length).toBeGreaterThan(schools * 3);
      expect(rows.filter((r) => r.pages.length > 1)).toEqual([]);

      // Fonts embedded, and the Kyrgyz letters shown drawn from them.
      const { fonts, descriptors } = pdfFonts(objects);
      expect(descriptors.length).toBeGreaterThan(0);
      expect(descriptors.filter((d) => !d.embedded)).toEqual([]);
      for (const f of fonts) {
        if (f.subtype === "Type0") expect(f.dict).toMatch(/\/DescendantFonts/);
        else if (f.subtype !== "Type3") expect(f.dict, f.name).toMatch(/\/FontDescriptor \d+ 0 R/);
      }
      const shown = await doc.innerText();
      const mapped = pdfMappedText(objects);
      const kyrgyz = ["ң", "ө", "ү", "Ң", "Ө", "Ү"].filter((c) => shown.includes(c));
      if (lang === "ky") expect(kyrgyz.length).toBeGreaterThan(0);
      for (const c of kyrgyz) expect(mapped, `"${c}" drawn by an embedded font`).toContain(c);

      // The year chooser (a GET form) works with JavaScript off.
      await s.page.emulateMedia({ media: "screen" });
      const earlier = (await s.page.locator("select[name=year] option").allTextContents()).at(-1)!;
      await s.page.locator("select[name=year]").selectOption(earlier);
      await s.search(s.m["annual.show"], s.page.locator(".annual-controls"), (u) => u.searchParams.get("year") === earlier);
      expect(await s.page.locator("article.annual-doc").getAttribute("data-year")).toBe(earlier);
      expect(s.errors).toEqual([]);
      await s.close();
    });
  }

  it("the cut-row check finds cut rows when rows may break (control)", async () => {
    const s = await openActor(browser, server, { js: true, width: 1000, height: 1400, lang: "ru" });
    await signInWithCookie(s, "staff@demo.kg");
    const context = await browser.newContext({ bypassCSP: true });
    await context.addCookies(await s.context.cookies());
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/reports/annual?lng=ru`);
    await page.addStyleTag({
      content:
        ".annual-doc tr { break-inside: auto !important } .annual-doc td::before { content: '1\\A 2\\A 3\\A 4\\A 5\\A 6\\A 7\\A 8\\A 9\\A 10\\A '; white-space: pre }",
    });
    const rows = taggedPages(await printed(page)).filter((e) => e.tag === "TR");
    expect(rows.filter((r) => r.pages.length > 1).length).toBeGreaterThan(0);
    await context.close();
    await s.close();
  });
});
