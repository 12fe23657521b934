import { SERVER_RENDERED_ONLY } from "~/utils/hydration";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProfileDetails, ProfileFacts, ProfileHeader } from "~/components/graduate-profile";
import { ProjectCard, projectCardLinks } from "~/components/project-card";
import { useT } from "~/i18n/use-t";
import { loadPublicProfile } from "~/models/public-profile.server";

// Read, not worked in: plain HTML, no JavaScript (app/utils/hydration.ts).
export const handle = SERVER_RENDERED_ONLY;

export const links: LinksFunction = () => projectCardLinks();

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadPublicProfile(request, params.slug);
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "404" }];
  const tags = [{ title: `${data.graduate.name}${data.graduate.headline ? ` — ${data.graduate.headline}` : ""}` }];
  if (data.graduate.headline) tags.push({ name: "description", content: data.graduate.headline } as never);
  if (!data.graduate.indexable) tags.push({ name: "robots", content: "noindex, nofollow" } as never);
  return tags;
};

export default function GraduatePortfolioPage() {
  const { t } = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <article className="profile-page">
      <ProfileHeader data={data} />
      <ProfileFacts data={data} />
      <p className="actions">
        <Link to={`/g/${data.graduate.slug}/cv`}>{t("public.printCv")}</Link>
      </p>
      {data.graduate.about ? <p className="about">{data.graduate.about}</p> : null}
      <div className="grid grid--2">
        <div>
          <ProfileDetails data={data} />
        </div>
        <section aria-labelledby="projects-title">
          <h2 id="projects-title">{t("public.projects")}</h2>
          {data.projects.length === 0 ? <p className="muted">{t("public.noProjects")}</p> : data.projects.map((p) => <ProjectCard key={p.id} project={p} headingLevel={3} />)}
        </section>
      </div>
    </article>
  );
}
