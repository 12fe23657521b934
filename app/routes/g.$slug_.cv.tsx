import { SERVER_RENDERED_ONLY } from "~/utils/hydration";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProfileDetails, ProfileFacts, ProfileHeader } from "~/components/graduate-profile";
import { sortByShownName } from "~/domain/search/name-order";
import { formatMonth } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import type { Messages } from "~/i18n/messages/en";
import { useT } from "~/i18n/use-t";
import { viewerOf } from "~/auth/guards.server";
import { getDb } from "~/db.server";
import { dependsOn, PIECES } from "~/utils/page-pieces.server";
import { langOf } from "~/i18n/negotiate";
import { loadPublicProfile } from "~/models/public-profile.server";

// Read, not worked in: plain HTML, no JavaScript (app/utils/hydration.ts).
export const handle = SERVER_RENDERED_ONLY;

// A one-to-two page A4 CV: the print stylesheet hides the site's header and footer.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Replayed to visitors until this graduate's profile changes (decision 069).
  dependsOn(context, [PIECES.graduate(params.slug ?? "")]);
  return loadPublicProfile(getDb(), await viewerOf(request), params.slug, langOf(request));
}

// The title is in the page's language too (it was English "CV" on every page; issue 14 walk).
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const messages = (matches.find((m) => m.id === "root")?.data as { messages?: Messages } | undefined)?.messages;
  return data
    ? [{ title: `${messages?.["profile.viewCv"] ?? "CV"} — ${data.graduate.name}` }, { name: "robots", content: "noindex, nofollow" }]
    : [{ title: "404" }];
};

export default function GraduateCvPage() {
  const { t, lang } = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <article className="cv">
      <ProfileHeader data={data} />
      <ProfileFacts data={data} />
      {data.graduate.about ? <p className="about">{data.graduate.about}</p> : null}
      <ProfileDetails data={data} />
      {data.projects.length ? (
        <section aria-labelledby="cv-projects">
          <h2 id="cv-projects">{t("public.projects")}</h2>
          {data.projects.map((p) => (
            <div key={p.id} className="cv-project">
              <h3>
                {p.title}
                {p.role ? ` — ${p.role}` : ""}
              </h3>
              {p.summary ? <p>{p.summary}</p> : null}
              <p className="small muted">
                {sortByShownName(p.skills, lang)
                  .map((s) => pick(s, "name", lang))
                  .join(", ")}
                {p.started_on ? ` · ${formatMonth(lang, p.started_on)}` : ""}
                {p.repo_url ? ` · ${p.repo_url}` : ""}
                {p.demo_url ? ` · ${p.demo_url}` : ""}
              </p>
            </div>
          ))}
        </section>
      ) : null}
    </article>
  );
}
