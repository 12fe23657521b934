import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ProjectCard, projectCardLinks } from "~/components/project-card";
import { getDb } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { requireGraduate } from "~/auth/guards.server";
import { listProjects, moveProject } from "~/models/projects.server";
import { parseForm, readForm } from "~/utils/forms.server";
import { positiveId } from "~/utils/fields";
import { badRequest, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const MoveSchema = z.object({
  intent: z.literal("move"),
  projectId: positiveId,
  direction: z.enum(["up", "down"]),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  return { projects: await listProjects(getDb(), graduate.id) };
}

/** Moves one of the graduate's own projects one place up or down (small forms, no JavaScript needed). */
export async function action({ request }: ActionFunctionArgs) {
  const { graduate } = await requireGraduate(request);
  const parsed = parseForm(MoveSchema, await readForm(request));
  if (!parsed.ok) badRequest();
  const { projectId, direction } = parsed.data;
  if (!(await moveProject(getDb(), graduate.id, projectId, direction))) notFound();
  return redirect(`/me/projects#project-${projectId}`);
}

export const meta = titleMeta("portfolio.title", { private: true });
export const links = projectCardLinks;

export default function PortfolioPage() {
  const { t } = useT();
  const { projects } = useLoaderData<typeof loader>();
  return (
    <section>
      <h1>{t("portfolio.title")}</h1>
      <p className="lead">{t("portfolio.lead")}</p>
      <p>
        <Link className="button" to="/me/projects/new">
          {t("portfolio.add")}
        </Link>
      </p>
      {projects.length === 0 ? (
        <p className="notice notice--info">{t("portfolio.empty")}</p>
      ) : (
        <ol className="project-list">
          {projects.map((project, index) => (
            <li key={project.id} id={`project-${project.id}`}>
              <ProjectCard project={project} showDescription={false}>
                <div className="actions">
                  <Link className="button button--secondary" to={`/me/projects/${project.id}`}>
                    {t("common.edit")}
                  </Link>
                  {projects.length > 1 ? (
                    <Form method="post" className="order-form">
                      <input type="hidden" name="intent" value="move" />
                      <input type="hidden" name="projectId" value={project.id} />
                      {index > 0 ? (
                        <button type="submit" name="direction" value="up" className="button button--secondary">
                          <span aria-hidden="true">↑ </span>
                          {t("portfolio.moveUp")}
                          <span className="project-card__sr"> ({project.title})</span>
                        </button>
                      ) : null}
                      {index < projects.length - 1 ? (
                        <button type="submit" name="direction" value="down" className="button button--secondary">
                          <span aria-hidden="true">↓ </span>
                          {t("portfolio.moveDown")}
                          <span className="project-card__sr"> ({project.title})</span>
                        </button>
                      ) : null}
                    </Form>
                  ) : null}
                </div>
              </ProjectCard>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
