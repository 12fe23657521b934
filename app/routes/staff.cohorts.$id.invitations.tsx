// /staff/cohorts/:id/invitations: every graduate of a cohort with their invitation code,
// its status and join link — a page meant to be printed and handed out (print stylesheet).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { publicOrigin } from "~/config.server";
import { requireUser, STAFF_ROLES } from "~/auth/require-user.server";
import { InvitationStatus } from "~/components/invitation-status";
import { getDb } from "~/db.server";
import { formatDate, formatNumber } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { graduatesWithInvitations, invitationState } from "~/models/csv-import.server";
import { idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { role: STAFF_ROLES });
  const id = idParam(params.id);
  const db = getDb();
  const cohort = await db
    .selectFrom("cohorts")
    .innerJoin("schools", "schools.id", "cohorts.school_id")
    .select(["cohorts.id", "cohorts.graduation_date", "schools.name_ky", "schools.name_ru", "schools.name_en"])
    .where("cohorts.id", "=", id)
    .executeTakeFirst();
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
  const cohortLabel = t("staff.cohorts.label", { school: pick(cohort, "name", lang), date: formatDate(lang, cohort.graduation_date) });
  return (
    <section className="invite-sheet">
      <h1>{t("import.print.title", { cohort: cohortLabel })}</h1>
      <p>{t("import.print.lead", { url: joinUrl })}</p>
      <p className="muted">{t("import.print.count", { count: formatNumber(lang, graduates.length) })}</p>
      <p className="no-print">
        <PrintButton label={t("import.print.button")} />
      </p>
      {graduates.length === 0 ? (
        <p className="muted">{t("import.print.empty")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t("import.col.name")}</th>
                <th scope="col">{t("import.col.code")}</th>
                <th scope="col">{t("staff.invite.status")}</th>
                <th scope="col">{t("import.col.link")}</th>
              </tr>
            </thead>
            <tbody>
              {graduates.map((g, i) => (
                <tr key={g.id}>
                  <td>{i + 1}</td>
                  <td>{g.name}</td>
                  <td>{g.code ? <span className="code">{g.code}</span> : t("import.print.noCode")}</td>
                  <td><InvitationStatus state={g.state} /></td>
                  <td>{g.link ? <span className="invite-link">{g.link}</span> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
