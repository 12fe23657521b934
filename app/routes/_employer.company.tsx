import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { publicOrigin } from "~/config.server";
import { requireUser } from "~/auth/require-user.server";
import { Field, FormErrorSummary, Notice, SubmitButton, TextArea, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { deleteStoredImage, storeUploadedImage } from "~/domain/images/store.server";
import { readUploadForm } from "~/domain/images/upload-form.server";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import {
  companyOfUser,
  createCompanyInvite,
  getCompany,
  latestIdentityChange,
  listCompanyInvites,
  listCompanyMembers,
  resubmitCompany,
  revokeCompanyInvite,
  setCompanyLogo,
  updateCompanyProfile,
} from "~/models/companies.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, rejected } from "~/utils/forms.server";
import { optionalText, positiveId, requiredText } from "~/utils/fields";
import { badRequest, forbidden } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".") && !url.username && !url.password;
  } catch {
    return false;
  }
}

const CompanyProfileSchema = z.object({
  intent: z.literal("profile"),
  name: requiredText(160),
  htpNumber: optionalText(40),
  website: optionalText(300).pipe(z.string().refine(isHttpUrl, "companies.errors.website").nullable()),
  city: optionalText(80),
  about: optionalText(5000),
});
const InviteRef = z.object({ inviteId: positiveId });

/** An employer and the one company they belong to; an employer without a company is refused. */
async function requireCompanyMember(request: Request) {
  const user = await requireUser(request, { role: "employer" });
  const membership = await companyOfUser(getDb(), user.id);
  if (!membership) forbidden();
  return { user, companyId: membership.id };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { companyId } = await requireCompanyMember(request);
  const db = getDb();
  const [company, members, invites, change] = await Promise.all([
    getCompany(db, companyId),
    listCompanyMembers(db, companyId),
    listCompanyInvites(db, companyId),
    latestIdentityChange(db, companyId),
  ]);
  if (!company) forbidden();
  // Only a waiting or a rejected request needs a notice: approved values are the company's now.
  const identityChange = change && (change.status === "pending" || change.status === "rejected") ? change : null;
  return { company, identityChange, members: members.map((m) => ({ id: m.id, name: m.display_name, email: m.email })), invites, now: new Date().toISOString() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, companyId } = await requireCompanyMember(request);
  const db = getDb();
  // Size-limited reading: a huge body is refused (413) before it is held in memory.
  const read = await readUploadForm(request);
  if (!read.ok) return data({ ok: false as const, errors: { logo: read.reason }, values: { intent: "logo" } }, { status: read.status });
  const form = read.form;
  const done = (flash: Parameters<typeof setFlash>[0] = "flash.saved") => redirect("/company", { headers: cookieHeaders(setFlash(flash)) });
  switch (form.get("intent")) {
    case "profile": {
      const parsed = parseForm(CompanyProfileSchema, form);
      if (!parsed.ok) return rejected(parsed);
      const d = parsed.data;
      // A verified company's new name, HTP number or website waits for staff review (docs/product.md §8).
      const saved = await updateCompanyProfile(
        db,
        companyId,
        { name: d.name, htpNumber: d.htpNumber, website: d.website, city: d.city, about: d.about },
        user.id,
      );
      return done(saved.review ? "flash.identityReview" : "flash.saved");
    }
    case "logo": {
      const file = form.get("logo");
      if (!(file instanceof File) || file.size === 0) return invalid({ logo: "errors.required" }, form);
      const stored = await storeUploadedImage(file, { maxWidth: 256, maxHeight: 256 });
      if (!stored.ok) return invalid({ logo: stored.reason }, form);
      const previous = await setCompanyLogo(db, companyId, stored.fileName);
      if (previous) await deleteStoredImage(previous);
      return done();
    }
    case "removeLogo": {
      const previous = await setCompanyLogo(db, companyId, null);
      if (previous) await deleteStoredImage(previous);
      return done();
    }
    case "resubmit": {
      await resubmitCompany(db, companyId);
      return done("flash.companyResubmitted");
    }
    case "invite": {
      const invite = await createCompanyInvite(db, companyId, user.id);
      const link = `${publicOrigin()}/signup?invite=${encodeURIComponent(invite.code)}`;
      // Shown once: only the code's hash is stored.
      return data({ ok: true as const, invite: { link, expiresAt: invite.expiresAt } });
    }
    case "revoke": {
      const parsed = parseForm(InviteRef, form);
      if (!parsed.ok) badRequest();
      // Scoped to this company: another company's invitation id changes nothing.
      await revokeCompanyInvite(db, companyId, parsed.data.inviteId);
      return done("flash.inviteRevoked");
    }
    default:
      badRequest();
  }
}

export const meta = titleMeta("companies.my.title", { private: true });

export default function CompanyPage() {
  const { t, lang } = useT();
  const { company, identityChange, members, invites, now } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const created = result && "invite" in result ? result.invite : null;
  const { errors, values } = useFormFailure();
  const typed = values.intent === "profile";
  const v = (name: string, current: string | null) => (typed ? (values[name] ?? "") : (current ?? ""));
  return (
    <section>
      <h1>{t("companies.my.title")}</h1>
      {company.status === "pending" ? (
        <Notice kind="info">
          <p>{t("companies.status.pending")}</p>
        </Notice>
      ) : company.status === "rejected" ? (
        <Notice kind="error">
          <p>{t("companies.status.rejected", { reason: company.reject_reason ?? "—" })}</p>
          <p>{t("companies.status.rejectedHint")}</p>
          <Form method="post" className="company-resubmit">
            <input type="hidden" name="intent" value="resubmit" />
            <SubmitButton>{t("companies.resubmit")}</SubmitButton>
          </Form>
        </Notice>
      ) : (
        <Notice kind="ok">
          <p>
            {t("companies.status.verified")} <Link to={`/companies/${company.slug}`}>{t("companies.publicPage")}</Link>
          </p>
        </Notice>
      )}
      {identityChange?.status === "pending" ? (
        <Notice kind="info">
          <p>{t("companies.identity.pending")}</p>
          <dl className="company-facts">
            <dt>{t("companies.name")}</dt>
            <dd>{identityChange.name}</dd>
            <dt>{t("companies.htpNumber")}</dt>
            <dd>{identityChange.htp_number ?? "—"}</dd>
            <dt>{t("companies.website")}</dt>
            <dd>{identityChange.website ?? "—"}</dd>
          </dl>
        </Notice>
      ) : identityChange?.status === "rejected" ? (
        <Notice kind="error">
          <p>{t("companies.identity.rejected", { reason: identityChange.reason ?? "—" })}</p>
        </Notice>
      ) : null}
      {created ? (
        <Notice kind="ok">
          <p>{t("companies.invite.created", { date: formatDate(lang, created.expiresAt) })}</p>
          <p className="small">
            <span className="code company-invite-link">{created.link}</span>
          </p>
        </Notice>
      ) : null}
      <FormErrorSummary errors={errors} />
      <div className="grid grid--2">
        <Form method="post" className="card stack" noValidate>
          <input type="hidden" name="intent" value="profile" />
          <h2>{t("companies.profile")}</h2>
          {company.status === "verified" ? <p className="small muted">{t("companies.identity.hint")}</p> : null}
          <Field name="name" label={t("companies.name")} required autoComplete="organization" defaultValue={v("name", company.name)} error={errors.name} />
          <Field
            name="htpNumber"
            label={t("companies.htpNumber")}
            hint={t("companies.htpHint")}
            optional
            defaultValue={v("htpNumber", company.htp_number)}
            error={errors.htpNumber}
          />
          <Field
            name="website"
            type="url"
            label={t("companies.website")}
            hint={t("companies.websiteHint")}
            optional
            autoComplete="url"
            defaultValue={v("website", company.website)}
            error={errors.website}
          />
          <Field name="city" label={t("companies.city")} optional autoComplete="address-level2" defaultValue={v("city", company.city)} error={errors.city} />
          <TextArea
            name="about"
            label={t("companies.about")}
            hint={t("companies.aboutHint")}
            optional
            rows={8}
            defaultValue={v("about", company.about)}
            error={errors.about}
          />
          <SubmitButton>{t("common.save")}</SubmitButton>
        </Form>
        <div className="stack">
          <div className="card" id="logo">
            <h2>{t("companies.logo")}</h2>
            {company.logo ? (
              <p>
                <img className="company-logo" src={`/uploads/${company.logo}`} alt={t("companies.logoAlt", { company: company.name })} width={96} height={96} />
              </p>
            ) : null}
            <Form method="post" encType="multipart/form-data" className="stack">
              <input type="hidden" name="intent" value="logo" />
              <Field
                name="logo"
                type="file"
                accept="image/png,image/jpeg,image/webp"
                label={t("companies.logoUpload")}
                hint={t("companies.logoHint")}
                error={errors.logo}
              />
              <SubmitButton>{t("companies.logoUpload")}</SubmitButton>
            </Form>
            {company.logo ? (
              <Form method="post" className="company-logo-remove">
                <input type="hidden" name="intent" value="removeLogo" />
                <button type="submit" className="button button--secondary">
                  {t("companies.logoRemove")}
                </button>
              </Form>
            ) : null}
          </div>
          <div className="card">
            <h2>{t("companies.members")}</h2>
            <ul className="company-members">
              {members.map((m) => (
                <li key={m.id}>
                  {m.name} <span className="small muted">{m.email}</span>
                </li>
              ))}
            </ul>
          </div>
          <div className="card">
            <h2>{t("companies.invite.title")}</h2>
            <p className="small">{t("companies.invite.lead")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="invite" />
              <SubmitButton>{t("companies.invite.submit")}</SubmitButton>
            </Form>
            <h3>{t("companies.invite.list")}</h3>
            {invites.length === 0 ? (
              <p className="muted">{t("companies.invite.none")}</p>
            ) : (
              <ul className="company-invites">
                {invites.map((i) => (
                  <li key={i.id}>
                    <span className="small muted">{t("companies.invite.createdBy", { name: i.created_by_name, date: formatDate(lang, i.created_at) })}</span>
                    <br />
                    {i.used_at
                      ? t("companies.invite.statusUsed", { date: formatDate(lang, i.used_at) })
                      : i.expires_at <= now
                        ? t("companies.invite.statusExpired")
                        : t("companies.invite.statusOpen", { date: formatDate(lang, i.expires_at) })}
                    {!i.used_at ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="inviteId" value={i.id} />{" "}
                        <button type="submit" className="link-button">
                          {t("companies.invite.revoke")}
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
      </div>
    </section>
  );
}
