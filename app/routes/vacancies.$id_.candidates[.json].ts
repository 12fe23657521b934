// /vacancies/:id/candidates.json — the candidates page's ranking as data: best first, each
// with its score and full explanation (skills named in three languages). Same access as the
// page: staff, or members of the owning verified company.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getConnection } from "~/db.server";
import { candidateView, requireCandidateViewer } from "~/auth/guards.server";
import { candidateQueryFrom } from "~/domain/matching/queries";
import { explanationJson } from "~/domain/matching/json";
import { candidatesFor } from "~/models/matching.server";
import { idParam, notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const vacancyId = idParam(params.id);
  const viewer = await requireCandidateViewer(request, vacancyId);
  const query = candidateQueryFrom(new URL(request.url));
  const result = await candidatesFor(getConnection(), viewer.vacancy, query, candidateView(viewer));
  if (!result) notFound();
  return Response.json(
    {
      vacancyId,
      count: result.count,
      page: result.page,
      pages: result.pages,
      items: result.items.map(({ graduate: g, explanation, applicationStatus }) => ({
        graduate: { id: g.id, slug: g.slug, name: `${g.first_name} ${g.last_name}`, school: g.school, graduationDate: g.graduation_date, city: g.city },
        score: explanation.score,
        applicationStatus,
        explanation: explanationJson(explanation, result.skills),
      })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
