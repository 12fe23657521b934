// The audit log for staff and admins: read-only (no action), filtered by the URL so it works
// without JavaScript and a filtered view can be shared.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireStaff } from "~/auth/guards.server";
import { schoolIdsOf } from "~/domain/staff/scope";
import { Field, Select, SubmitButton } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { isKnownAuditAction, isKnownAuditEntity } from "~/domain/audit/actions";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { auditFilterChoices, type AuditFilters, listAudit } from "~/models/audit.server";
import { titleMeta } from "~/utils/meta";
import { isApplicationStatus } from "~/domain/applications/pipeline";

// Each filter is read on its own: a malformed value is ignored rather than answered with an error.
const code = z.string().regex(/^[a-z0-9_.-]{1,60}$/);
const FilterSchemas = {
  actor: z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number),
  action: code,
  entity: code,
  entityId: z.string().trim().min(1).max(40),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((d) => !Number.isNaN(Date.parse(d))),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((d) => !Number.isNaN(Date.parse(d))),
  page: z
    .string()
    .regex(/^\d{1,6}$/)
    .transform(Number),
};

function readFilters(params: URLSearchParams): { filters: AuditFilters; page: number } {
  const read = <K extends keyof typeof FilterSchemas>(key: K) => {
    const result = FilterSchemas[key].safeParse(params.get(key) ?? undefined);
    return result.success ? (result.data as z.output<(typeof FilterSchemas)[K]>) : null;
  };
  return {
    filters: { actorId: read("actor"), action: read("action"), entity: read("entity"), entityId: read("entityId"), from: read("from"), to: read("to") },
    page: read("page") ?? 1,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, scope } = await requireStaff(request);
  const db = getDb();
  const { filters, page } = readFilters(new URL(request.url).searchParams);
  // A school-scoped officer reads the entries about their schools and their own (decision 063).
  const reader = { userId: user.id, schoolIds: schoolIdsOf(scope) };
  const [result, choices] = await Promise.all([listAudit(db, filters, page, reader), auditFilterChoices(db, reader)]);
  return {
    filters,
    ...result,
    // Graduates act too (joining, downloading their data); the menu lists staff and admins, and a
    // click on any name in the table filters by that person.
    actors: choices.actors.filter((a) => a.role === "staff" || a.role === "admin"),
    actions: choices.actions,
    entities: choices.entities,
  };
}

export const meta = titleMeta("audit.title", { private: true });

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function parseJson(text: string | null): Json | undefined {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}

/** Recorded fields whose value is an application's stage (the bulk decisions' "to", docs/decisions/059-bulk-decisions-and-undo.md). */
const STAGE_FIELDS = new Set(["to", "from", "status", "to_status", "from_status"]);

function showValue(value: Json | undefined): string {
  if (value === undefined || value === null || value === "") return "—";
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" && v !== null ? JSON.stringify(v) : String(v))).join(", ") || "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** A recorded field's name in words (`cohortId` and `cohort_id` → "Cohort"); an unknown one as it is. */
function useFieldLabel() {
  const { t } = useT();
  return (key: string) => {
    const id = `audit.field.${key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase()}`;
    return t.has(id) ? t(id) : key;
  };
}

/** Before and after side by side, key by key; the keys that changed are marked. */
function Change({ before, after }: { before: string | null; after: string | null }) {
  const { t } = useT();
  const fieldLabel = useFieldLabel();
  const b = parseJson(before);
  const a = parseJson(after);
  if (b === undefined && a === undefined) return <span className="muted">{t("audit.noDetails")}</span>;
  const isRecord = (v: Json | undefined): v is { [key: string]: Json } => typeof v === "object" && v !== null && !Array.isArray(v);
  // An application's stage is recorded as its code ("rejected"): shown in the reader's words.
  const show = (key: string, v: Json | undefined) => (STAGE_FIELDS.has(key) && isApplicationStatus(v) ? t(`applications.status.${v}`) : showValue(v));
  if ((b === undefined || isRecord(b)) && (a === undefined || isRecord(a))) {
    const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
    return (
      <dl className="audit-change">
        {keys.map((key) => {
          const was = show(key, b?.[key]);
          const now = show(key, a?.[key]);
          const changed = b !== undefined && a !== undefined && was !== now;
          return (
            <div key={key} className={changed ? "audit-change__row is-changed" : "audit-change__row"}>
              <dt>{fieldLabel(key)}</dt>
              <dd>
                {b !== undefined ? (
                  <span>
                    <span className="visually-hidden">{t("audit.before")}: </span>
                    {changed ? <del>{was}</del> : was}
                  </span>
                ) : null}
                {changed || b === undefined ? (
                  <>
                    {b !== undefined ? " → " : null}
                    <span>
                      <span className="visually-hidden">{t("audit.after")}: </span>
                      {changed ? <ins>{now}</ins> : now}
                    </span>
                  </>
                ) : null}
              </dd>
            </div>
          );
        })}
      </dl>
    );
  }
  return (
    <dl className="audit-change">
      {b !== undefined ? (
        <div className="audit-change__row">
          <dt>{t("audit.before")}</dt>
          <dd>{showValue(b)}</dd>
        </div>
      ) : null}
      {a !== undefined ? (
        <div className="audit-change__row">
          <dt>{t("audit.after")}</dt>
          <dd>{showValue(a)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

export default function AuditPage() {
  const { t, lang } = useT();
  const { filters, entries, total, page, pages, actors, actions, entities } = useLoaderData<typeof loader>();
  const actionLabel = (a: string) => (isKnownAuditAction(a) ? t(`audit.action.${a}`) : a);
  const entityLabel = (e: string) => (isKnownAuditEntity(e) ? t(`audit.entity.${e}`) : e);
  const only = (params: Record<string, string>) => `/staff/audit?${new URLSearchParams(params)}`;
  return (
    <section>
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.lead")}</p>
      <Form method="get" className="filters">
        <Select
          name="actor"
          label={t("audit.filter.actor")}
          placeholder={t("audit.filter.any")}
          options={actors.map((a) => ({ value: a.id, label: `${a.display_name} (${a.email})` }))}
          defaultValue={filters.actorId}
        />
        <Select
          name="action"
          label={t("audit.filter.action")}
          placeholder={t("audit.filter.any")}
          options={actions.map((a) => ({ value: a, label: actionLabel(a) }))}
          defaultValue={filters.action}
        />
        <Select
          name="entity"
          label={t("audit.filter.entity")}
          placeholder={t("audit.filter.any")}
          options={entities.map((e) => ({ value: e, label: entityLabel(e) }))}
          defaultValue={filters.entity}
        />
        <Field name="entityId" label={t("audit.filter.entityId")} defaultValue={filters.entityId} optional inputMode="numeric" />
        <Field name="from" type="date" label={t("audit.filter.from")} defaultValue={filters.from} optional />
        <Field name="to" type="date" label={t("audit.filter.to")} defaultValue={filters.to} optional />
        <SubmitButton>{t("audit.filter.show")}</SubmitButton>
      </Form>
      <p>
        {t("audit.count", { count: formatNumber(lang, total) })} · <Link to="/staff/audit">{t("audit.filter.reset")}</Link>
      </p>
      <ListTable
        rows={entries}
        empty={t("audit.none")}
        tableClass="audit-table"
        wrapClass="audit-wrap"
        page={page}
        pages={pages}
        rowAttributes={(e) => ({ "data-audit-id": e.id })}
        columns={[
          { header: t("audit.col.when"), className: "nowrap", cell: (e) => formatDateTime(lang, e.created_at) },
          {
            header: t("audit.col.who"),
            cell: (e) =>
              e.actor_user_id !== null && e.actor_name ? (
                <>
                  <Link to={only({ actor: String(e.actor_user_id) })}>{e.actor_name}</Link>
                  <br />
                  <span className="muted small">
                    {e.actor_email}
                    {e.actor_role ? ` · ${t(`role.${e.actor_role}`)}` : null}
                  </span>
                </>
              ) : (
                <span className="muted">{t("audit.system")}</span>
              ),
          },
          {
            header: t("audit.col.what"),
            cell: (e) => (
              <>
                {actionLabel(e.action)}
                <br />
                <code className="small" translate="no">
                  {e.action}
                </code>
              </>
            ),
          },
          {
            header: t("audit.col.record"),
            cell: (e) => (
              <>
                {entityLabel(e.entity)}
                {e.entity_id !== null ? (
                  <>
                    {" "}
                    <Link to={only({ entity: e.entity, entityId: e.entity_id })} title={t("audit.onlyThis")}>
                      #{e.entity_id}
                    </Link>
                  </>
                ) : null}
              </>
            ),
          },
          { header: t("audit.col.change"), cell: (e) => <Change before={e.before_json} after={e.after_json} /> },
        ]}
      />
    </section>
  );
}
