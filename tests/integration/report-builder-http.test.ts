// The report builder over HTTP on the real build with the demo data (docs/decisions/064-report-builder.md): the page
// renders without JavaScript in Kyrgyz with the demo's saved reports, a GET form's choice becomes the table, the
// printable page carries no form, and the .xlsx downloads and opens in the reader's language.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../support/server";
import { signInOverHttp } from "../support/sign-in";

let server: RunningServer;
let staff: string;
beforeAll(async () => {
  server = await startServer();
  staff = await signInOverHttp(server.url, "staff@demo.kg");
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const page = async (path: string) => {
  const res = await fetch(`${server.url}${path}`, { headers: { Cookie: staff }, redirect: "manual" });
  return { status: res.status, html: await res.text() };
};

describe("/staff/reports over HTTP", () => {
  it("renders in Kyrgyz with the demo's saved reports, and the GET form's choice is the table", { timeout: 60_000 }, async () => {
    const { status, html } = await page("/staff/reports?lng=ky");
    expect(status).toBe(200);
    expect(html).toContain("Отчет түзүү");
    expect(html).toContain("Министрлик үчүн: окуу жайлар, 6 ай");
    expect(html).toContain('name="ind"');
    expect(html).toMatch(/href="\/staff\/reports\.xlsx\?by=school&amp;ind=n/);

    const byYear = await page("/staff/reports?lng=en&by=year&ind=employmentRate&checkpoint=m12");
    expect(byYear.status).toBe(200);
    expect(byYear.html).toContain("Employment (EQAVET)");
    expect(byYear.html).toContain("Employment (EQAVET) by group");
    expect(byYear.html).not.toContain("HTP placement</th>");
  });

  it("prints without the builder's forms", { timeout: 60_000 }, async () => {
    const { status, html } = await page("/staff/reports?lng=ru&by=school&ind=n&ind=employmentRate&print=1");
    expect(status).toBe(200);
    expect(html).toContain("report--print");
    expect(html).toContain("Ctrl+P");
    expect(html).not.toContain('name="ind"');
    expect(html).not.toContain('name="intent" value="save"');
    // Nor the saved list the printout does not show (the loader sends only what the page shows).
    expect(html).not.toContain("Трудоустройство по годам выпуска");
  });

  it("downloads the .xlsx in the reader's language", { timeout: 60_000 }, async () => {
    const res = await fetch(`${server.url}/staff/reports.xlsx?by=school&ind=n&ind=employmentRate&checkpoint=m6&lng=ky`, { headers: { Cookie: staff } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((s) => s.name)).toEqual(["Отчет", "Аныктамалар"]);
    const total = book.getWorksheet("Отчет")!.getRow(2);
    expect(total.getCell(1).value).toBe("Бардыгы");
    expect(Number.isInteger(total.getCell(2).value)).toBe(true);
    expect(total.getCell(3).numFmt).toBe("0.0%");
  });

  it("refuses a graduate the download", { timeout: 60_000 }, async () => {
    const graduate = await signInOverHttp(server.url, "graduate@demo.kg");
    const res = await fetch(`${server.url}/staff/reports.xlsx`, { headers: { Cookie: graduate }, redirect: "manual" });
    expect(res.status).toBe(403);
  });
});
