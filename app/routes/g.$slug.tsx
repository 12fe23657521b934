import { SERVER_RENDERED_ONLY } from "~/utils/hydration";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrorSummary, Select, SubmitButton, useFormFailure } from "~/components/form";
import { ProfileDetails, ProfileFacts, ProfileHeader } from "~/components/graduate-profile";
import { ProjectCard, projectCardLinks } from "~/components/project-card";
import { getDb } from "~/db.server";
import { dependsOn, PIECES } from "~/utils/page-pieces.server";
import { langOf } from "~/i18n/negotiate";
import { useT } from "~/i18n/use-t";
import { requireCompanyMember, viewerOf } from "~/auth/guards.server";
import { invite } from "~/models/applications.server";
import { inviteChoices } from "~/models/invite-choices.server";
import { loadPublicProfile } from "~/models/public-profile.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { slug as slugField } from "~/utils/fields";
import { badRequest, notFound } from "~/utils/http.server";

// Read, not worked in: plain HTML, no JavaScript (app/utils/hydration.ts).
export const handle = SERVER_RENDERED_ONLY;

export const links: LinksFunction = () => projectCardLinks();

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Replayed to visitors until this graduate's profile changes (decision 069).
  dependsOn(context, [PIECES.graduate(params.slug ?? "")]);
  const viewer = await viewerOf(request);
  const profile = await loadPublicProfile(getDb(), viewer, params.slug, langOf(request));
  // A verified employer invites from here with a button (issue 14, item 9), not by typing an address.
  return { ...profile, invite: await inviteChoices(getDb(), viewer, profile.graduate.slug) };
}

const InviteSchema = z.object({
  intent: z.literal("invite"),
  vacancyId: z
    .string("errors.required")
    .regex(/^\d{1,12}$/, "errors.required")
    .transform(Number),
});

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, company } = await requireCompanyMember(request);
  const slug = slugField.safeParse(params.slug ?? "");
  if (!slug.success) notFound();
  const form = await readForm(request);
  if (form.get("intent") !== "invite") badRequest();
  const parsed = parseForm(InviteSchema, form);
  if (!parsed.ok) return rejected(parsed);
  // invite() checks that the vacancy is this company's and open, and that the graduate may be invited.
  const result = await invite(getDb(), company.id, parsed.data.vacancyId, { slug: slug.data }, user.id);
  if (!result.ok) {
    const key =
      result.reason === "not-open"
        ? "applications.invite.notOpen"
        : result.reason === "graduate"
          ? "applications.invite.unknown"
          : "applications.invite.already";
    return invalid({ vacancyId: key }, form);
  }
  return redirect(`/g/${slug.data}`, { headers: cookieHeaders(setFlash("flash.invitationSent")) });
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
      {data.invite ? <InviteForm name={data.graduate.name} vacancies={data.invite.vacancies} /> : null}
      <div className="grid grid--2">
        <div>
          <ProfileDetails data={data} />
        </div>
        <section aria-labelledby="projects-title">
          <h2 id="projects-title">{t("public.projects")}</h2>
          {data.projects.length === 0 ? (
            <p className="muted">{t("public.noProjects")}</p>
          ) : (
            data.projects.map((p) => <ProjectCard key={p.id} project={p} headingLevel={3} />)
          )}
        </section>
      </div>
    </article>
  );
}

function InviteForm({ name, vacancies }: { name: string; vacancies: { id: number; title: string }[] }) {
  const { t } = useT();
  const { errors, values } = useFormFailure();
  return (
    <section aria-labelledby="invite-title" className="card stack">
      <h2 id="invite-title" className="h3">
        {t("applications.invite.title")}
      </h2>
      {vacancies.length === 0 ? (
        <p className="muted">{t("applications.invite.noneOpen")}</p>
      ) : (
        <>
          <FormErrorSummary errors={errors} />
          <Form method="post" className="filters invite-form" noValidate>
            <input type="hidden" name="intent" value="invite" />
            <Select
              name="vacancyId"
              label={t("applications.invite.vacancy")}
              hint={t("applications.invite.profileHint")}
              options={vacancies.map((v) => ({ value: v.id, label: v.title }))}
              defaultValue={values.vacancyId ?? String(vacancies[0]!.id)}
              error={errors.vacancyId}
              required
            />
            <SubmitButton>
              {t("applications.invite.button")}
              <span className="visually-hidden"> — {name}</span>
            </SubmitButton>
          </Form>
        </>
      )}
    </section>
  );
}
