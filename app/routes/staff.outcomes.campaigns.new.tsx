// Sending a survey campaign (docs/product.md §6 and §13, docs/decisions/055-survey-campaigns.md):
// the follow-up list's filters, how many due graduates the campaign reaches by e-mail and by
// Telegram, who it cannot reach (listed, to be reached otherwise), and the confirm button. The
// form carries a one-time key, so a double submit sends once. Staff only.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { randomToken } from "~/auth/tokens.server";
import { config } from "~/config.server";
import { requireStaff } from "~/auth/guards.server";
import { schoolIdsOf } from "~/domain/staff/scope";
import { FormErrorSummary, Notice, SubmitButton } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { followUpQueryFrom } from "~/domain/outcomes/follow-up-query";
import { schoolWithin } from "~/domain/outcomes/scope";
import { formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { CAMPAIGN_MAX, previewCampaign, sendCampaign } from "~/models/survey-campaigns.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { parseForm, readForm, rejected, typedValues } from "~/utils/forms.server";
import { badRequest } from "~/utils/http.server";
import type { FieldErrors } from "~/utils/form-types";
import { titleMeta } from "~/utils/meta";
import { passOnHeaders } from "~/utils/route-headers";

const optionalId = z
  .string()
  .regex(/^([1-9]\d{0,11})?$/, "errors.invalid")
  .transform((v) => (v ? Number(v) : null))
  .optional()
  .transform((v) => v ?? null);

const SendSchema = z.object({
  intent: z.literal("send"),
  key: z.string("errors.invalid").regex(/^[A-Za-z0-9_-]{16,64}$/, "errors.invalid"),
  school: optionalId,
  cohort: optionalId,
});

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const asked = followUpQueryFrom(new URL(request.url));
  // The scope's due graduates only (docs/decisions/063-staff-scope.md "Outcome pages"): another school in the address is dropped.
  const query = { ...asked, schoolId: schoolWithin(scope, asked.schoolId) };
  const preview = await previewCampaign(getDb(), { ...query, within: schoolIdsOf(scope) });
  // A new key per page view: the same form posted twice is one campaign.
  // Without a configured channel the messages are still written and wait in the outbox (README, decision 051): say so before sending.
  const channels = { email: config().smtp !== null, telegram: config().telegram !== null };
  return data({ query, preview, channels, sendKey: randomToken(18), max: CAMPAIGN_MAX }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, scope } = await requireStaff(request);
  const form = await readForm(request);
  if (form.get("intent") !== "send") badRequest();
  const parsed = parseForm(SendSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const { key, school, cohort } = parsed.data;
  const result = await sendCampaign(getDb(), {
    query: { schoolId: school, cohortId: cohort, page: 1, within: schoolIdsOf(scope) },
    sendKey: key,
    actorId: user.id,
  });
  if (!result.ok && result.reason === "unknown-filter")
    return data({ ok: false as const, errors: { _form: "errors.invalid" } as FieldErrors, values: typedValues(form) }, { status: 400 });
  if (!result.ok) {
    const why = result.reason === "too-many" ? "campaigns.errors.tooMany" : "campaigns.errors.nobody";
    const errors: FieldErrors = { _form: why };
    return data({ ok: false as const, errors, values: typedValues(form) }, { status: 409 });
  }
  return redirect(`/staff/outcomes/campaigns/${result.id}`, {
    headers: cookieHeaders(setFlash(result.repeated ? "flash.campaignRepeated" : "flash.campaignSent")),
  });
}

export const meta = titleMeta("campaigns.new.title", { private: true });

// No-store (and no Referer) from the loader reach the document answer too.
export const headers = passOnHeaders;

export default function NewCampaignPage() {
  const { t, lang } = useT();
  const { query, preview, channels, sendKey, max } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result && "errors" in result ? result.errors : {};
  const back = new URLSearchParams([
    ...(query.schoolId ? [["school", String(query.schoolId)]] : []),
    ...(query.cohortId ? [["cohort", String(query.cohortId)]] : []),
  ]).toString();
  return (
    <section>
      <h1>{t("campaigns.new.title")}</h1>
      <p className="lead">{t("campaigns.new.lead")}</p>
      <p>
        <Link to={`/staff/outcomes/follow-up${back ? `?${back}` : ""}`}>{t("campaigns.new.back")}</Link>
      </p>
      <FormErrorSummary errors={errors} />
      {!channels.email || !channels.telegram ? (
        <Notice kind="info">
          {!channels.email ? <p>{t("campaigns.new.noEmail")}</p> : null}
          {!channels.telegram ? <p>{t("campaigns.new.noTelegram")}</p> : null}
        </Notice>
      ) : null}
      {!preview.ok ? (
        <Notice kind="error">
          <p>{t("campaigns.new.tooMany", { n: formatNumber(lang, preview.total), max: formatNumber(lang, max) })}</p>
        </Notice>
      ) : (
        <>
          <ul className="campaign-counts">
            <li>{t("campaigns.new.total", { n: formatNumber(lang, preview.total) })}</li>
            <li>{t("campaigns.new.byEmail", { n: formatNumber(lang, preview.byEmail) })}</li>
            <li>{t("campaigns.new.byTelegram", { n: formatNumber(lang, preview.byTelegram) })}</li>
            <li>{t("campaigns.new.unreached", { n: formatNumber(lang, preview.unreached.length) })}</li>
            {preview.alreadyInvited > 0 ? <li>{t("campaigns.new.alreadyInvited", { n: formatNumber(lang, preview.alreadyInvited) })}</li> : null}
          </ul>
          {preview.byEmail + preview.byTelegram > 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="send" />
              <input type="hidden" name="key" value={sendKey} />
              <input type="hidden" name="school" value={query.schoolId ?? ""} />
              <input type="hidden" name="cohort" value={query.cohortId ?? ""} />
              <SubmitButton>{t("campaigns.new.confirm")}</SubmitButton>
            </Form>
          ) : (
            <p>{t("campaigns.new.nobody")}</p>
          )}
          {preview.unreached.length > 0 ? (
            <>
              <p>{t("campaigns.new.unreachedLead")}</p>
              <ListTable
                rows={preview.unreached.map((u) => ({ ...u, id: u.graduateId }))}
                tableClass="campaign-unreached"
                columns={[
                  {
                    header: t("campaigns.col.graduate"),
                    rowHeader: true,
                    cell: (u) => <Link to={`/staff/outcomes/graduates/${u.graduateId}?checkpoint=${u.checkpoint}#record`}>{u.name}</Link>,
                  },
                  { header: t("outcomes.followUp.checkpoint"), cell: (u) => t(`outcomes.checkpoint.${u.checkpoint}`) },
                  { header: t("campaigns.col.reach"), cell: (u) => t(`campaigns.reach.${u.reach}`) },
                ]}
              />
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
