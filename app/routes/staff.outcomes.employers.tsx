// Employer names in outcome records that no company link stands behind (docs/product.md §6): staff link each
// name, in every spelling and script, to a known company; the records are superseded (history kept)
// with the company's HTP status on each job's start date, and the link is audited. docs/decisions/021.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireStaff } from "~/auth/guards.server";
import { schoolIdsOf } from "~/domain/staff/scope";
import { CompanyDatalist } from "~/components/company-datalist";
import { Field, FormErrorSummary, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { companyByName, companyChoices, linkEmployerName, listUnlinkedEmployers } from "~/models/employer-links.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { requiredText } from "~/utils/fields";
import { badRequest } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const LinkSchema = z.object({ intent: z.literal("link"), key: requiredText(400), company: requiredText(200) });

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const db = getDb();
  // Names in the scope's graduates' records only (docs/decisions/063-staff-scope.md "Outcome pages").
  const [names, companies] = await Promise.all([listUnlinkedEmployers(db, schoolIdsOf(scope)), companyChoices(db, { verifiedOnly: false })]);
  return { names, companies: companies.map((c) => ({ name: c.name, other: c.other })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user: staff, scope } = await requireStaff(request);
  const db = getDb();
  const form = await readForm(request);
  if (form.get("intent") !== "link") badRequest();
  const parsed = parseForm(LinkSchema, form);
  if (!parsed.ok) return rejected(parsed);
  // The company is named as typed or picked, in either script (one company must have that name).
  const company = await companyByName(db, parsed.data.company);
  if (!company) return invalid({ company: "outcomes.employers.unknownCompany" }, form);
  const linked = await linkEmployerName(db, parsed.data.key, company.id, staff.id, schoolIdsOf(scope));
  if (!linked.ok)
    return invalid(linked.reason === "company" ? { company: "outcomes.employers.unknownCompany" } : { _form: "outcomes.employers.noRecords" }, form);
  return redirect("/staff/outcomes/employers", { headers: cookieHeaders(setFlash("flash.employerLinked")) });
}

export const meta = titleMeta("outcomes.employers.title", { private: true });

export default function UnlinkedEmployersPage() {
  const { t, lang } = useT();
  const { names, companies } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  return (
    <section>
      <p>
        <Link to="/staff/outcomes">← {t("outcomes.dashboard.nav")}</Link>
      </p>
      <h1>{t("outcomes.employers.title")}</h1>
      <p className="lead">{t("outcomes.employers.lead")}</p>
      <FormErrorSummary errors={errors} />
      <CompanyDatalist id="known-companies" companies={companies} />
      {names.length === 0 ? (
        <p className="muted">{t("outcomes.employers.none")}</p>
      ) : (
        <ul className="stack employer-names">
          {names.map((n) => {
            const mine = values.key === n.key;
            return (
              <li key={n.key} className="card">
                <p>
                  <strong>{n.name}</strong> · {t("outcomes.employers.records", { n: formatNumber(lang, n.count) })}
                </p>
                {n.spellings.length > 1 ? <p className="small muted">{t("outcomes.employers.spellings", { names: n.spellings.join(", ") })}</p> : null}
                <Form method="post" className="stack" noValidate>
                  <input type="hidden" name="intent" value="link" />
                  <input type="hidden" name="key" value={n.key} />
                  <Field
                    name="company"
                    id={`company-${n.key}`}
                    label={t("outcomes.employers.company")}
                    hint={t("outcomes.employers.companyHint")}
                    list="known-companies"
                    required
                    defaultValue={mine ? values.company : (n.suggested?.name ?? "")}
                    error={mine ? errors.company : undefined}
                  />
                  <SubmitButton>{t("outcomes.employers.link")}</SubmitButton>
                </Form>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
