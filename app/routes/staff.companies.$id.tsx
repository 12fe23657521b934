import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAgencyStaff } from "~/auth/guards.server";
import { FormErrorSummary, Notice, SubmitButton, TextArea, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import {
  approveIdentityChange,
  getCompanyForStaff,
  pendingIdentityChangeForStaff,
  rejectCompany,
  rejectIdentityChange,
  setCompanyTrusted,
  verifyCompany,
} from "~/models/companies.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { parseForm, readForm, rejected } from "~/utils/forms.server";
import { requiredText } from "~/utils/fields";
import { badRequest, idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const RejectSchema = z.object({ intent: z.literal("reject"), reason: requiredText(1000) });
const RejectIdentitySchema = z.object({ intent: z.literal("rejectIdentity"), identityReason: requiredText(1000) });

async function companyFromParam(id: string | undefined) {
  return (await getCompanyForStaff(getDb(), idParam(id))) ?? notFound();
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Companies and vacancies belong to no school: the whole Agency's work (403 for a scoped officer, decision 063).
  await requireAgencyStaff(request);
  const found = await companyFromParam(params.id);
  return { company: found.company, members: found.members, identityChange: await pendingIdentityChangeForStaff(getDb(), found.company.id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user: staff } = await requireAgencyStaff(request);
  const { company } = await companyFromParam(params.id);
  const db = getDb();
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "verify":
      await verifyCompany(db, company.id, staff.id);
      break;
    case "reject": {
      const parsed = parseForm(RejectSchema, form);
      if (!parsed.ok) return rejected(parsed);
      await rejectCompany(db, company.id, staff.id, parsed.data.reason);
      break;
    }
    case "approveIdentity":
    case "rejectIdentity": {
      let decided;
      if (form.get("intent") === "approveIdentity") decided = await approveIdentityChange(db, company.id, staff.id);
      else {
        const parsed = parseForm(RejectIdentitySchema, form);
        if (!parsed.ok) return rejected(parsed);
        decided = await rejectIdentityChange(db, company.id, staff.id, parsed.data.identityReason);
      }
      // Decided already (another tab, a colleague): nothing is waiting any more.
      if (!decided.ok) return data({ ok: false as const, errors: { identity: "companies.staff.identityNone" as const }, values: {} }, { status: 409 });
      break;
    }
    case "trust":
      await setCompanyTrusted(db, company.id, staff.id, true);
      break;
    case "untrust":
      await setCompanyTrusted(db, company.id, staff.id, false);
      break;
    default:
      badRequest();
  }
  return redirect(`/staff/companies/${company.id}`, { headers: cookieHeaders(setFlash("flash.saved")) });
}

export const meta = titleMeta("companies.title", { private: true });

export default function StaffCompanyPage() {
  const { t, lang } = useT();
  const { company: c, members, identityChange } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  return (
    <section>
      <p>
        <Link to="/staff/companies">← {t("companies.staff.back")}</Link>
      </p>
      <div className="company-head">
        {c.logo ? <img className="company-logo" src={`/uploads/${c.logo}`} alt={t("companies.logoAlt", { company: c.name })} width={96} height={96} /> : null}
        <div>
          <h1>{c.name}</h1>
          <p>
            {t(`companies.label.${c.status}`)}
            {c.trusted ? (
              <>
                {" "}
                · <span className="badge-verified">{t("companies.staff.trusted")}</span>
              </>
            ) : null}
          </p>
        </div>
      </div>
      {c.status === "verified" && c.verified_at ? (
        <p className="small muted">{t("companies.staff.verifiedBy", { name: c.verified_by_name ?? "—", date: formatDate(lang, c.verified_at) })}</p>
      ) : null}
      {c.status === "rejected" ? (
        <Notice kind="error">
          <p>{t("companies.staff.rejectedWith", { reason: c.reject_reason ?? "—" })}</p>
        </Notice>
      ) : null}
      <FormErrorSummary errors={errors} />
      {identityChange ? (
        <div className="card stack company-identity-change">
          <h2>{t("companies.staff.identityTitle")}</h2>
          <p className="small muted">
            {t("companies.staff.identityRequestedBy", { name: identityChange.requested_by_name ?? "—", date: formatDate(lang, identityChange.created_at) })}
          </p>
          <dl className="company-facts">
            <dt>{t("companies.name")}</dt>
            <dd>
              {t("companies.staff.identityNow")}: {c.name}
              <br />
              {t("companies.staff.identityRequested")}: <strong>{identityChange.name}</strong>
            </dd>
            <dt>{t("companies.htpNumber")}</dt>
            <dd>
              {t("companies.staff.identityNow")}: {c.htp_number ?? "—"}
              <br />
              {t("companies.staff.identityRequested")}: <strong>{identityChange.htp_number ?? "—"}</strong>
            </dd>
            <dt>{t("companies.website")}</dt>
            <dd>
              {t("companies.staff.identityNow")}: {c.website ?? "—"}
              <br />
              {t("companies.staff.identityRequested")}: <strong>{identityChange.website ?? "—"}</strong>
            </dd>
          </dl>
          {identityChange.clashes.length ? (
            <Notice kind="error">
              <p>{t("companies.staff.identityClash")}</p>
              <ul>
                {identityChange.clashes.map((x) => (
                  <li key={x.id}>
                    <Link to={`/staff/companies/${x.id}`}>{x.name}</Link>
                    {x.htp_number ? ` · ${x.htp_number}` : ""}
                  </li>
                ))}
              </ul>
            </Notice>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="approveIdentity" />
            <SubmitButton>{t("companies.staff.identityApprove")}</SubmitButton>
          </Form>
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="intent" value="rejectIdentity" />
            <TextArea
              name="identityReason"
              label={t("companies.staff.reason")}
              required
              rows={3}
              defaultValue={values.intent === "rejectIdentity" ? values.identityReason : undefined}
              error={errors.identityReason}
            />
            <SubmitButton>{t("companies.staff.identityReject")}</SubmitButton>
          </Form>
        </div>
      ) : null}
      <div className="grid grid--2">
        <div className="card">
          <dl className="company-facts">
            <dt>{t("companies.htpNumber")}</dt>
            <dd>{c.htp_number ?? "—"}</dd>
            <dt>{t("companies.website")}</dt>
            <dd>
              {c.website ? (
                <a href={c.website} rel="noopener noreferrer nofollow" target="_blank">
                  {c.website}
                </a>
              ) : (
                "—"
              )}
            </dd>
            <dt>{t("companies.city")}</dt>
            <dd>{c.city ?? "—"}</dd>
            <dt>{t("companies.staff.created")}</dt>
            <dd>{formatDate(lang, c.created_at)}</dd>
            <dt>{t("companies.members")}</dt>
            <dd>
              <ul className="company-members">
                {members.map((m) => (
                  <li key={m.id}>
                    {m.display_name} <span className="small muted">{m.email}</span>
                  </li>
                ))}
              </ul>
            </dd>
          </dl>
          {c.about ? <p className="about">{c.about}</p> : null}
        </div>
        <div className="stack">
          {c.status !== "verified" ? (
            <Form method="post" className="card stack">
              <input type="hidden" name="intent" value="verify" />
              <SubmitButton>{t("companies.staff.verify")}</SubmitButton>
            </Form>
          ) : null}
          <Form method="post" className="card stack" noValidate>
            <input type="hidden" name="intent" value="reject" />
            <TextArea
              name="reason"
              label={t("companies.staff.reason")}
              required
              rows={3}
              defaultValue={values.intent === "reject" ? values.reason : undefined}
              error={errors.reason}
            />
            <SubmitButton>{t("companies.staff.reject")}</SubmitButton>
          </Form>
          <Form method="post" className="card stack">
            <input type="hidden" name="intent" value={c.trusted ? "untrust" : "trust"} />
            <p className="small">{t("companies.staff.trustHint")}</p>
            <SubmitButton>{c.trusted ? t("companies.staff.untrust") : t("companies.staff.trust")}</SubmitButton>
          </Form>
        </div>
      </div>
    </section>
  );
}
