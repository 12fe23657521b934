// The admins' view of the outbox (docs/product.md §13, docs/decisions/051-outbox.md): what waits,
// what went, what failed and why, what expired or was never sent; a failed message can be sent
// again (POST, audited). Filtered by the URL, so it works without JavaScript.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import type { OutboxStatus } from "@db/schema";
import { requireUser } from "~/auth/require-user.server";
import { Field, FormErrorSummary, Select, SubmitButton, useFormFailure } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { formatDateTime, formatNumber } from "~/i18n/format";
import type { T } from "~/i18n/translate";
import { useT } from "~/i18n/use-t";
import { OUTBOX_STATUSES } from "~/domain/messages/outbox";
import { listOutbox, outboxCounts, outboxKinds, retryFailedMessage } from "~/models/outbox.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";
import { SMALL_FORM_LIMITS } from "~/utils/request-body.server";

// Each filter is read on its own: a malformed value is ignored rather than answered with an error (as /staff/audit).
const FilterSchemas = {
  status: z.enum(OUTBOX_STATUSES),
  kind: z.string().regex(/^[a-z-]{1,60}$/),
  channel: z.enum(["email", "telegram"]),
  email: z.string().trim().min(3).max(254),
  page: z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number)
    .refine((n) => n >= 1),
};

function readFilters(params: URLSearchParams) {
  const read = <K extends keyof typeof FilterSchemas>(key: K) => {
    const result = FilterSchemas[key].safeParse(params.get(key) ?? undefined);
    return result.success ? (result.data as z.output<(typeof FilterSchemas)[K]>) : null;
  };
  return { filters: { status: read("status") ?? "queued", kind: read("kind"), channel: read("channel"), email: read("email") }, page: read("page") ?? 1 };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  const db = getDb();
  const { filters, page } = readFilters(new URL(request.url).searchParams);
  const [counts, kinds, list] = await Promise.all([outboxCounts(db), outboxKinds(db), listOutbox(db, filters, page)]);
  return { filters, counts, kinds, rows: list.rows, total: list.total, page: list.page, pages: list.pages };
}

const RetrySchema = z.object({
  id: z
    .string("errors.required")
    .regex(/^\d{1,12}$/, "errors.required")
    .transform(Number),
});

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, { role: "admin" });
  const form = await readForm(request, SMALL_FORM_LIMITS);
  const parsed = parseForm(RetrySchema, form);
  if (!parsed.ok) return rejected(parsed);
  const retried = await retryFailedMessage(getDb(), parsed.data.id, admin.id, new Date());
  if (!retried) return invalid({ _form: "outbox.notRetryable" }, form);
  return redirect("/admin/outbox?status=failed", { headers: cookieHeaders(setFlash("outbox.flash.retried")) });
}

export const meta = titleMeta("outbox.title", { private: true });

/** The kind's name; a kind added later without a name yet shows its code. */
function kindLabel(t: T, kind: string): string {
  const key = `outbox.kind.${kind}`;
  return t.has(key) ? t(key) : kind;
}

function reasonText(t: T, reason: string | null): string | null {
  if (!reason) return null;
  const key = `outbox.reason.${reason}`;
  return t.has(key) ? t(key) : reason;
}

export default function OutboxPage() {
  const { t, lang } = useT();
  const { filters, counts, kinds, rows, total, page, pages } = useLoaderData<typeof loader>();
  const { errors } = useFormFailure();
  const tab = (status: OutboxStatus) => `/admin/outbox?${new URLSearchParams({ status })}`;
  return (
    <section>
      <h1>{t("outbox.title")}</h1>
      <p className="lead">{t("outbox.intro")}</p>
      <FormErrorSummary errors={errors} />
      <nav className="filter-links" aria-label={t("outbox.col.state")}>
        {OUTBOX_STATUSES.map((s) => (
          <Link key={s} to={tab(s)} aria-current={filters.status === s ? "page" : undefined}>
            {t(`outbox.status.${s}`)} ({formatNumber(lang, counts[s])})
          </Link>
        ))}
      </nav>
      <Form method="get" className="filters">
        <input type="hidden" name="status" value={filters.status} />
        <Select
          name="kind"
          label={t("outbox.filter.kind")}
          placeholder={t("outbox.filter.any")}
          options={kinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
          defaultValue={filters.kind}
        />
        <Select
          name="channel"
          label={t("outbox.filter.channel")}
          placeholder={t("outbox.filter.any")}
          options={(["email", "telegram"] as const).map((c) => ({ value: c, label: t(`outbox.channel.${c}`) }))}
          defaultValue={filters.channel}
        />
        <Field name="email" type="email" label={t("outbox.filter.email")} defaultValue={filters.email} optional autoComplete="off" />
        <SubmitButton>{t("outbox.filter.submit")}</SubmitButton>
      </Form>
      <p>
        {t(`outbox.status.${filters.status}`)}: {formatNumber(lang, total)}
      </p>
      {/* stacked on a phone: each message is a card (docs/decisions/032-phone-navigation-and-tables.md) */}
      <ListTable
        rows={rows}
        empty={t("outbox.none")}
        page={page}
        pages={pages}
        rowAttributes={(r) => ({ "data-outbox-id": r.id })}
        columns={[
          { header: t("audit.col.when"), className: "nowrap", cell: (r) => formatDateTime(lang, r.created_at) },
          {
            header: t("outbox.col.message"),
            cell: (r) => (
              <>
                {kindLabel(t, r.kind)}
                <br />
                <span className="muted small">{t(`outbox.channel.${r.channel}`)}</span>
              </>
            ),
          },
          { header: t("outbox.col.recipient"), cell: (r) => r.email },
          {
            header: t("outbox.col.state"),
            cell: (r) => (
              <>
                {r.status === "queued" && r.sending ? t("outbox.sending") : t(`outbox.status.${r.status}`)}
                <br />
                <span className="muted small">
                  {t("outbox.attempts", { n: r.attempts })}
                  {r.status === "queued" && !r.sending ? ` · ${t("outbox.nextTry", { time: formatDateTime(lang, r.next_attempt_at) })}` : null}
                  {r.sent_at ? ` · ${t("outbox.sentAt", { time: formatDateTime(lang, r.sent_at) })}` : null}
                </span>
                {reasonText(t, r.last_error) ? (
                  <>
                    <br />
                    <span className="small">{reasonText(t, r.last_error)}</span>
                  </>
                ) : null}
                {r.status === "failed" ? (
                  <Form method="post">
                    <input type="hidden" name="id" value={r.id} />
                    <button type="submit" className="button button--secondary">
                      {t("outbox.retry")}
                    </button>
                  </Form>
                ) : null}
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
