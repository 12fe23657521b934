// The demo's saved reports (docs/decisions/064-report-builder.md): two reports staff@demo.kg saved for the ministry,
// made by saveReport — the function the "Save this report" form calls — so /staff/reports shows the list, running a
// saved report again, renaming and deleting.
import type { DB } from "../connection";
import { reportQueryFrom } from "../../app/domain/outcomes/report";
import { saveReport } from "../../app/models/outcome-report.server";

const REPORTS = [
  {
    name: "Министрлик үчүн: окуу жайлар, 6 ай",
    query: "by=school&ind=n&ind=knowledgeRate&ind=careerOutcomesRate&ind=employmentRate&ind=htpPlacementRate&ind=within6&ind=medianPay&checkpoint=m6",
  },
  { name: "Трудоустройство по годам выпуска", query: "by=year&ind=n&ind=knowledgeRate&ind=employmentRate&ind=htpPlacementRate&checkpoint=m12" },
] as const;

export async function seedSavedReports(db: DB, staffId: number): Promise<void> {
  for (const r of REPORTS) await saveReport(db, staffId, r.name, reportQueryFrom(new URLSearchParams(r.query)));
}
