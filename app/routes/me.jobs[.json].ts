// /me/jobs.json — "jobs for you" as data: open vacancies best first, each with its score and
// explanation (what is met, what is missing, what to learn next). The signed-in graduate only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getConnection } from "~/db.server";
import { requireGraduate } from "~/auth/guards.server";
import { JobParams } from "~/domain/matching/queries";
import { explanationJson } from "~/domain/matching/json";
import { jobsFor } from "~/models/matching.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  const { page } = JobParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  const result = await jobsFor(getConnection(), graduate.id, page);
  const body = result
    ? {
        count: result.count,
        page: result.page,
        pages: result.pages,
        items: result.items.map(({ vacancy, explanation, applicationStatus }) => ({
          vacancy: {
            id: vacancy.id,
            title: vacancy.title,
            company: vacancy.company_name,
            city: vacancy.city,
            workMode: vacancy.work_mode,
            deadline: vacancy.deadline,
          },
          score: explanation.score,
          applicationStatus,
          explanation: explanationJson(explanation, result.skills),
        })),
      }
    : { count: 0, page: 1, pages: 1, items: [] };
  return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
}
