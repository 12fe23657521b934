// One survey campaign (docs/product.md §6 and §13, docs/decisions/055-survey-campaigns.md): counts at
// the top; per graduate whether the message went out by e-mail and Telegram (read from the outbox)
// and whether they answered (their link used); the one reminder to those who did not. Staff only.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireStaff } from "~/auth/guards.server";
import { schoolIdsOf } from "~/domain/staff/scope";
import { FormErrorSummary, Notice, SubmitButton } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { cohortLabel } from "~/i18n/cohort-label";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { campaignPage, sendReminder } from "~/models/survey-campaigns.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { readForm, typedValues } from "~/utils/forms.server";
import { badRequest, idParam, notFound } from "~/utils/http.server";
import type { FieldErrors } from "~/utils/form-types";
import { titleMeta } from "~/utils/meta";
import { pageParam } from "~/utils/params";
import { passOnHeaders } from "~/utils/route-headers";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const id = idParam(params.id);
  // A campaign with another school's graduates is not found (docs/decisions/063-staff-scope.md "Outcome pages").
  const page = await campaignPage(getDb(), id, schoolIdsOf(scope), pageParam.parse(new URL(request.url).searchParams.get("page") ?? undefined));
  if (!page) notFound();
  return data(page, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope } = await requireStaff(request);
  const id = idParam(params.id);
  const form = await readForm(request);
  if (form.get("intent") !== "remind") badRequest();
  const result = await sendReminder(getDb(), id, user.id, schoolIdsOf(scope));
  if (result.ok) return redirect(`/staff/outcomes/campaigns/${id}`, { headers: cookieHeaders(setFlash("flash.campaignReminded")) });
  if (result.reason === "not-found") notFound();
  // Only one reminder per campaign: a second post (or a second member of staff at the same time) sends nothing.
  const why = result.reason === "already" ? "campaigns.remind.already" : "campaigns.remind.nobody";
  const errors: FieldErrors = { _form: why };
  return data({ ok: false as const, errors, values: typedValues(form) }, { status: 409 });
}

export const meta = titleMeta("campaigns.title", { private: true });

// No-store (and no Referer) from the loader reach the document answer too.
export const headers = passOnHeaders;

export default function CampaignPage() {
  const { t, lang } = useT();
  const { campaign, members, counts, reminded, remindable, page, pages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : {};
  const filters = [
    campaign.school_ky ? pick({ name_ky: campaign.school_ky, name_ru: campaign.school_ru ?? "", name_en: campaign.school_en ?? "" }, "name", lang) : null,
    campaign.cohort_date
      ? cohortLabel(t, lang, { name_ky: campaign.cohort_ky ?? "", name_ru: campaign.cohort_ru ?? "", name_en: campaign.cohort_en ?? "" }, campaign.cohort_date)
      : null,
  ].filter(Boolean);
  const channelLine = (channel: "email" | "telegram") =>
    t("campaigns.count.channel", {
      channel: t(`outbox.channel.${channel}`),
      sent: formatNumber(lang, counts[channel].sent),
      pending: formatNumber(lang, counts[channel].pending),
      failed: formatNumber(lang, counts[channel].failed),
      notSent: formatNumber(lang, counts[channel].not_sent),
    });
  return (
    <section>
      <p>
        <Link to="/staff/outcomes/campaigns">{t("campaigns.title")}</Link>
      </p>
      <h1>{t("campaigns.page.title", { date: formatDateTime(lang, campaign.created_at) })}</h1>
      <p className="lead">
        {filters.length ? filters.join(" · ") : t("campaigns.new.allGraduates")}
        {campaign.created_by_name ? ` · ${t("campaigns.page.by", { name: campaign.created_by_name })}` : null}
      </p>
      <ul className="campaign-counts">
        <li>{t("campaigns.count.members", { n: formatNumber(lang, counts.total) })}</li>
        <li>{t("campaigns.count.messaged", { n: formatNumber(lang, counts.messaged) })}</li>
        <li>
          <strong>{t("campaigns.count.answered", { n: formatNumber(lang, counts.answered) })}</strong>
        </li>
        <li>{t("campaigns.count.waiting", { n: formatNumber(lang, counts.waiting) })}</li>
        <li>{channelLine("email")}</li>
        <li>{channelLine("telegram")}</li>
        {counts.optedOut ? <li>{t("campaigns.count.optedOut", { n: formatNumber(lang, counts.optedOut) })}</li> : null}
        {counts.noChannel ? <li>{t("campaigns.count.noChannel", { n: formatNumber(lang, counts.noChannel) })}</li> : null}
      </ul>
      <FormErrorSummary errors={errors} />
      {reminded ? (
        <Notice kind="info">
          <p>
            {t("campaigns.remind.done", {
              date: campaign.reminded_at ? formatDateTime(lang, campaign.reminded_at) : "",
              name: campaign.reminded_by_name ?? "—",
            })}
          </p>
        </Notice>
      ) : remindable > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="remind" />
          <p className="small muted">{t("campaigns.remind.hint")}</p>
          <SubmitButton>{t("campaigns.remind.button", { n: formatNumber(lang, remindable) })}</SubmitButton>
        </Form>
      ) : (
        <p>{t("campaigns.remind.nobody")}</p>
      )}
      <ListTable
        rows={members.map((m) => ({ ...m, id: m.graduateId }))}
        tableClass="campaign-members"
        page={page}
        pages={pages}
        columns={[
          {
            header: t("campaigns.col.graduate"),
            rowHeader: true,
            cell: (m) => (
              <>
                <Link to={`/staff/outcomes/graduates/${m.graduateId}?checkpoint=${m.checkpoint}#record`}>{m.name}</Link>
                <br />
                <span className="small">{t(`outcomes.checkpoint.${m.checkpoint}`)}</span>
              </>
            ),
          },
          {
            header: t("campaigns.col.email"),
            cell: (m) => (m.reach === "messaged" ? t(`campaigns.delivery.${m.email}`) : t(`campaigns.reach.${m.reach}`)),
          },
          { header: t("campaigns.col.telegram"), cell: (m) => t(`campaigns.delivery.${m.telegram}`) },
          {
            header: t("campaigns.col.answer"),
            cell: (m) =>
              m.reach !== "messaged" ? (
                "—"
              ) : (
                <span data-answer={m.answered ? "yes" : "no"}>
                  {t(m.answered ? "campaigns.answer.yes" : m.expired ? "campaigns.answer.expired" : "campaigns.answer.no")}
                  {m.reminded && !m.answered ? <span className="small muted"> ({t("campaigns.answer.reminded")})</span> : null}
                </span>
              ),
          },
        ]}
      />
    </section>
  );
}
