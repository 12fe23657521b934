// /staff/cohorts/:id/invitations: every graduate of a cohort with their invitation code,
// its status and join link — a page meant to be printed and handed out (print stylesheet).
// Staff renew an expired code or issue a new one here (issue 14, item 4); those controls do not print.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrorSummary, Notice } from "~/components/form";
import { useEffect, useState } from "react";
import { publicOrigin } from "~/config.server";
import { requireStaff } from "~/auth/guards.server";
import { schoolIdsOf } from "~/domain/staff/scope";
import { InvitationStatus } from "~/components/invitation-status";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { cohortLabel } from "~/i18n/cohort-label";
import { formatDate, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { invitationState } from "~/domain/invitations";
import { graduatesWithInvitations } from "~/models/csv-import.server";
import { renewInvitation } from "~/models/invitations.server";
import { getCohort } from "~/models/reference.server";
import { cohortInScope } from "~/models/staff-scope-records.server";
import { positiveId } from "~/utils/fields";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { badRequest, idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const id = idParam(params.id);
  const db = getDb();
  // Another school's cohort is a 404 (docs/decisions/063-staff-scope.md).
  if (!(await cohortInScope(db, id, schoolIdsOf(scope)))) notFound();
  const cohort = await getCohort(db, id);
  if (!cohort) notFound();
  const origin = publicOrigin();
  const now = new Date().toISOString();
  const graduates = (await graduatesWithInvitations(db, { cohortId: id })).map((g) => ({
    id: g.id,
    name: `${g.last_name} ${g.first_name}`,
    code: g.code,
    link: g.code ? `${origin}/join?code=${encodeURIComponent(g.code)}` : null,
    state: invitationState(g, now),
  }));
  return { cohort, graduates, joinUrl: `${origin}/join` };
}

const RenewSchema = z.object({ intent: z.enum(["renew", "reissue"], "errors.invalid"), graduateId: positiveId });

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireStaff(request);
  const cohortId = idParam(params.id);
  if (!(await cohortInScope(getDb(), cohortId, schoolIdsOf(scope)))) notFound();
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent !== "renew" && intent !== "reissue") badRequest();
  const parsed = parseForm(RenewSchema, form);
  if (!parsed.ok) return rejected(parsed);
  // The graduate must belong to the cohort in the address (renewInvitation checks both).
  const result = await renewInvitation(getDb(), parsed.data.graduateId, cohortId, parsed.data.intent, user.id);
  if (!result.ok) {
    if (result.reason === "not-found") notFound();
    return invalid({ _form: "invite.renew.joined" }, form);
  }
  // Confirmed in place, next to the row (no flash: it belongs to this answer only).
  return data({ ok: true as const, renewed: { graduateId: parsed.data.graduateId, name: result.name, code: result.code, expiresAt: result.expiresAt } });
}

export const meta = titleMeta("staff.invitations", { private: true });

/** window.print() needs JavaScript; without it the browser's own Print menu does the same. */
function PrintButton({ label }: { label: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button button--secondary no-print" onClick={() => window.print()}>
      {label}
    </button>
  );
}

export default function CohortInvitationsPage() {
  const { t, lang } = useT();
  const { cohort, graduates, joinUrl } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const renewed = result && "renewed" in result ? result.renewed : null;
  const errors = result && "errors" in result ? result.errors : {};
  const failedFor = result && "values" in result ? Number(result.values.graduateId) : null;
  const cohortName = cohortLabel(t, lang, cohort, cohort.graduation_date);
  return (
    <section className="invite-sheet">
      <h1>{t("import.print.title", { cohort: cohortName })}</h1>
      <p>{t("import.print.lead", { url: joinUrl })}</p>
      <p className="muted">{t("import.print.count", { count: formatNumber(lang, graduates.length) })}</p>
      <p className="no-print">
        <PrintButton label={t("import.print.button")} />
      </p>
      {/* stacked: on a phone each graduate is a card, so the renew and reissue buttons stay on screen (docs/decisions/032-phone-navigation-and-tables.md) */}
      <ListTable
        rows={graduates}
        empty={t("import.print.empty")}
        rowAttributes={(g) => ({ id: `g-${g.id}` })}
        columns={[
          { header: "#", cell: (_g, i) => i + 1 },
          { header: t("import.col.name"), cell: (g) => g.name },
          { header: t("import.col.code"), cell: (g) => (g.code ? <span className="code">{g.code}</span> : t("import.print.noCode")) },
          { header: t("staff.invite.status"), cell: (g) => <InvitationStatus state={g.state} /> },
          { header: t("import.col.link"), cell: (g) => (g.link ? <span className="invite-link">{g.link}</span> : null) },
          {
            header: t("invite.renew.column"),
            className: "no-print",
            headerClassName: "no-print",
            cell: (g) => (
              <>
                {renewed?.graduateId === g.id ? (
                  <Notice kind="ok">{t("invite.renew.done", { name: renewed.name, code: renewed.code, date: formatDate(lang, renewed.expiresAt) })}</Notice>
                ) : null}
                {failedFor === g.id ? <FormErrorSummary errors={errors} /> : null}
                {g.state.kind === "used" ? null : (
                  // The #fragment brings a browser without JavaScript back to this row.
                  <Form method="post" action={`/staff/cohorts/${cohort.id}/invitations#g-${g.id}`} className="row-form">
                    <input type="hidden" name="graduateId" value={g.id} />
                    {g.state.kind === "expired" ? (
                      <button type="submit" className="button" name="intent" value="renew" aria-label={t("invite.renew.renewLabel", { name: g.name })}>
                        {t("invite.renew.renew")}
                      </button>
                    ) : null}
                    <button
                      type="submit"
                      className={g.state.kind === "expired" ? "button button--secondary" : "button"}
                      name="intent"
                      value="reissue"
                      aria-label={g.state.kind === "none" ? undefined : t("invite.renew.reissueLabel", { name: g.name })}
                    >
                      {g.state.kind === "none" ? t("invite.renew.create") : t("invite.renew.reissue")}
                    </button>
                  </Form>
                )}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
