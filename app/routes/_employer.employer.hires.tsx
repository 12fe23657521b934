// An employer's hires (placements) and the confirmation that they still work there at a
// reached checkpoint (an `employer`-source outcome). Only the company's own hires: 404 otherwise.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrorSummary, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { CHECKPOINTS, type Checkpoint } from "~/domain/outcomes/codes";
import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { requireCompanyMember } from "~/auth/guards.server";
import { confirmHire, listCompanyHires } from "~/models/outcomes.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { parseForm, readForm, rejected } from "~/utils/forms.server";
import { positiveId } from "~/utils/fields";
import { notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

const ConfirmSchema = z.object({ intent: z.literal("confirm"), placementId: positiveId, checkpoint: z.enum(CHECKPOINTS, "errors.invalid") });

export async function loader({ request }: LoaderFunctionArgs) {
  const { company } = await requireCompanyMember(request);
  return { company, hires: await listCompanyHires(getDb(), company.id) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, company } = await requireCompanyMember(request);
  const parsed = parseForm(ConfirmSchema, await readForm(request));
  if (!parsed.ok) return rejected(parsed);
  const result = await confirmHire(getDb(), company.id, parsed.data.placementId, parsed.data.checkpoint, user.id);
  if (!result.ok) {
    if (result.reason === "not-found") notFound();
    return data({ ok: false as const, errors: { _form: "errors.invalid" as const }, values: {} }, { status: 409 });
  }
  return redirect("/employer/hires", { headers: cookieHeaders(setFlash("flash.hireConfirmed")) });
}

export const meta = titleMeta("outcomes.hires.title", { private: true });

export default function HiresPage() {
  const { t, lang } = useT();
  const { hires } = useLoaderData<typeof loader>();
  const { errors } = useFormFailure();
  const label = (c: Checkpoint) => t(`outcomes.checkpoint.${c}`);
  return (
    <section>
      <h1>{t("outcomes.hires.title")}</h1>
      <p className="lead">{t("outcomes.hires.lead")}</p>
      <FormErrorSummary errors={errors} />
      {hires.length === 0 ? (
        <p className="muted">{t("outcomes.hires.empty")}</p>
      ) : (
        <ul className="application-list">
          {hires.map((h) => (
            <li key={h.id} className="card">
              <h2 className="application-list__title">{h.name ?? t("outcomes.hires.deleted")}</h2>
              <p>{t("outcomes.graduate.job", { title: h.job_title, date: formatDate(lang, h.start_date) })}</p>
              {h.confirmed.length ? (
                <p className="small">{h.confirmed.map((c) => t("outcomes.hires.confirmed", { checkpoint: label(c) })).join(" · ")}</p>
              ) : null}
              {h.confirmable.length === 0 ? (
                <p className="small muted">{t("outcomes.hires.nothingDue")}</p>
              ) : (
                h.confirmable.map((c) => (
                  <Form method="post" className="row-form" key={c.checkpoint}>
                    <input type="hidden" name="intent" value="confirm" />
                    <input type="hidden" name="placementId" value={h.id} />
                    <input type="hidden" name="checkpoint" value={c.checkpoint} />
                    <button type="submit" className="button">
                      {t("outcomes.hires.confirm", {
                        checkpoint: t("outcomes.checkpointOn", { checkpoint: label(c.checkpoint), date: formatDate(lang, c.date) }),
                      })}
                    </button>
                  </Form>
                ))
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
