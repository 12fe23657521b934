// /staff/import: choose a cohort, upload a CSV file → the dry-run report (/staff/import/:id).
// Without JavaScript the form posts as usual; with it, the upload shows its progress.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigate } from "@remix-run/react";
import { type FormEvent, useRef, useState } from "react";
import { z } from "zod";
import { requireStaff } from "~/auth/guards.server";
import { schoolIdsOf } from "~/domain/staff/scope";
import { Field, FormErrorSummary, Notice, Select, useFormFailure } from "~/components/form";
import { ListTable } from "~/components/list-table";
import { getDb } from "~/db.server";
import { checkCsvBytes, COLUMN_NAMES, MAX_DATA_ROWS, MAX_FILE_BYTES } from "~/domain/csv";
import { cohortLabel, cohortOptions } from "~/i18n/cohort-label";
import { formatDateTime, formatNumber } from "~/i18n/format";
import { useT } from "~/i18n/use-t";
import { listRecentImports, planAgainstDatabase, stageImport } from "~/models/csv-import.server";
import { cohortInScope, cohortsInScope } from "~/models/staff-scope-records.server";
import type { FieldError, FieldErrors } from "~/utils/form-types";
import { invalid, parseForm } from "~/utils/forms.server";
import { FORM_LIMITS, readBoundedForm } from "~/utils/request-body.server";
import { positiveId } from "~/utils/fields";
import { titleMeta } from "~/utils/meta";

const UploadSchema = z.object({ cohortId: positiveId });
const MAX_MB = MAX_FILE_BYTES / 1024 / 1024;
/** Room for the other fields and the multipart framing around a file of the maximum size. */
const MAX_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireStaff(request);
  const db = getDb();
  // A scoped officer imports into their schools' cohorts only (docs/decisions/063-staff-scope.md).
  const [cohorts, imports] = await Promise.all([cohortsInScope(db, schoolIdsOf(scope)), listRecentImports(db, undefined, schoolIdsOf(scope))]);
  return { cohorts, imports };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, scope } = await requireStaff(request);
  const tooLarge: FieldError = ["import.error.tooLarge", { max: MAX_MB }];
  // Refuse an oversized body before reading it into memory (the cohort cannot be kept then).
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_BODY_BYTES) {
    return data({ ok: false as const, errors: { file: tooLarge } as FieldErrors, values: {} as Record<string, string> }, { status: 413 });
  }
  // A file up to twice the limit is read, so an undeclared size still gets the field's message.
  const read = await readBoundedForm(request, { ...FORM_LIMITS, maxBytes: 2 * MAX_FILE_BYTES + 64 * 1024, maxParts: 20, maxFields: 20 });
  if (!read.ok && read.status === 413) {
    return data({ ok: false as const, errors: { file: tooLarge } as FieldErrors, values: {} as Record<string, string> }, { status: 413 });
  }
  if (!read.ok) throw data({ reason: "bad-request" }, { status: 400 });
  const form = read.form;
  const parsed = parseForm(UploadSchema, form);
  const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
  const db = getDb();
  if (parsed.ok && !(await cohortInScope(db, parsed.data.cohortId, schoolIdsOf(scope)))) {
    errors.cohortId = "errors.cohortUnknown";
  }
  const file = form.get("file");
  let checked: Extract<ReturnType<typeof checkCsvBytes>, { ok: true }> | null = null;
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) errors.file = "import.error.fileRequired";
  else if (file.size > MAX_FILE_BYTES) errors.file = tooLarge;
  else {
    const result = checkCsvBytes(new Uint8Array(await file.arrayBuffer()));
    if (result.ok) checked = result;
    else errors.file = [result.problem.key, result.problem.vars ?? {}];
  }
  if (!parsed.ok || Object.keys(errors).length > 0 || !checked || !(file instanceof File)) return invalid(errors, form);

  const cohortId = parsed.data.cohortId;
  const plan = await planAgainstDatabase(db, cohortId, checked.file);
  const id = await stageImport(db, { actorId: user.id, cohortId, fileName: file.name, text: checked.text, summary: plan.summary });
  return redirect(`/staff/import/${id}`);
}

export const meta = titleMeta("import.title", { private: true });

type Phase = { kind: "idle" } | { kind: "uploading"; percent: number } | { kind: "checking" };

/** Texts of the errors a server-rendered page shows for this form (the XHR answer to a rejected upload). */
function errorsFromPage(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, "text/html");
  const fieldErrors = [...doc.querySelectorAll("#import-form .field__error")].map((n) => n.textContent?.trim() ?? "");
  const page = doc.querySelector(".error-page h1")?.textContent?.trim();
  return fieldErrors.filter(Boolean).length > 0 ? fieldErrors.filter(Boolean) : page ? [page] : [];
}

export default function ImportPage() {
  const { t, lang } = useT();
  const { cohorts, imports } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  const navigate = useNavigate();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [clientErrors, setClientErrors] = useState<string[]>([]);
  const busy = useRef(false);
  const header = ({ en: 0, ru: 1, ky: 2 } as const)[lang]; // COLUMN_NAMES are [en, ru, ky]

  // With JavaScript: send the same multipart form by XMLHttpRequest to show upload progress.
  // The server answers exactly as to the plain post: a redirect to the report, or the page with errors.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (typeof XMLHttpRequest === "undefined" || typeof DOMParser === "undefined") return;
    event.preventDefault();
    if (busy.current) return;
    const form = event.currentTarget;
    const body = new FormData(form);
    const file = body.get("file");
    if (file instanceof File && file.size > MAX_FILE_BYTES) {
      setClientErrors([t("import.error.tooLarge", { max: MAX_MB })]);
      return;
    }
    busy.current = true;
    setClientErrors([]);
    setPhase({ kind: "uploading", percent: 0 });
    const target = new URL(form.action, window.location.href);
    const xhr = new XMLHttpRequest();
    let moved = false;
    const fail = (messages: string[]) => {
      busy.current = false;
      setPhase({ kind: "idle" });
      setClientErrors(messages.length > 0 ? messages : [t("import.uploadFailed")]);
    };
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setPhase({ kind: "uploading", percent: Math.round((e.loaded / e.total) * 100) });
    };
    xhr.upload.onload = () => setPhase({ kind: "checking" });
    xhr.onreadystatechange = () => {
      if (xhr.readyState !== XMLHttpRequest.HEADERS_RECEIVED || !xhr.responseURL) return;
      const landed = new URL(xhr.responseURL);
      if (landed.pathname !== target.pathname) {
        // Redirected (to the report, or to sign in): go there; the page itself is not needed.
        moved = true;
        xhr.abort();
        busy.current = false;
        navigate(`${landed.pathname}${landed.search}`);
      }
    };
    xhr.onload = () => {
      if (!moved) fail(errorsFromPage(xhr.responseText));
    };
    xhr.onerror = () => fail([]);
    xhr.open("POST", target.href);
    xhr.send(body);
  }

  const shownErrors = clientErrors.length > 0 ? clientErrors : [];
  return (
    <section>
      <h1>{t("import.title")}</h1>
      <p className="lead">{t("import.lead")}</p>
      <FormErrorSummary errors={errors} />
      {shownErrors.length > 0 ? (
        <Notice kind="error">
          {shownErrors.map((m, i) => (
            <p key={i}>{m}</p>
          ))}
        </Notice>
      ) : null}
      <div className="card">
        <Form method="post" encType="multipart/form-data" className="stack" id="import-form" noValidate onSubmit={onSubmit}>
          <Select
            name="cohortId"
            label={t("import.cohort")}
            required
            placeholder=""
            options={cohortOptions(t, lang, cohorts)}
            defaultValue={values.cohortId}
            error={errors.cohortId}
          />
          <Field
            name="file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            label={t("import.file")}
            hint={t("import.fileHint", { rows: formatNumber(lang, MAX_DATA_ROWS), mb: MAX_MB })}
            required
            error={errors.file}
          />
          {phase.kind !== "idle" ? (
            <div className="upload-progress" aria-live="polite">
              <label htmlFor="upload-progress">{phase.kind === "uploading" ? t("import.uploading", { percent: phase.percent }) : t("import.checking")}</label>
              {phase.kind === "uploading" ? <progress id="upload-progress" max={100} value={phase.percent} /> : <progress id="upload-progress" max={100} />}
            </div>
          ) : null}
          <button type="submit" className="button" disabled={phase.kind !== "idle"}>
            {t("import.check")}
          </button>
        </Form>
      </div>
      <p id="csv-example-label">{t("import.example")}</p>
      {/* Wider than a phone: it scrolls, so it takes focus to be scrolled with the keyboard. */}
      <pre className="csv-example" tabIndex={0} role="region" aria-labelledby="csv-example-label">
        {[
          [
            COLUMN_NAMES.lastName[header],
            COLUMN_NAMES.firstName[header],
            COLUMN_NAMES.sex[header],
            COLUMN_NAMES.email[header],
            COLUMN_NAMES.phone[header],
          ].join(";"),
          "Жумабекова;Айпери;ж;aiperi@mail.kg;+996 555 123 456",
          "Токтосунов;Эрмек;э;;0700 12 34 56",
        ].join("\n")}
      </pre>
      <h2>{t("import.recent")}</h2>
      {/* stacked: on a phone each row is a card, so its status stays on screen (docs/decisions/032-phone-navigation-and-tables.md) */}
      <ListTable
        rows={imports}
        empty={t("import.none")}
        columns={[
          {
            header: t("import.col.file"),
            cell: (i) => (
              <>
                <Link to={`/staff/import/${i.id}`}>{i.file_name}</Link>
                <br />
                <span className="muted small">
                  {t("import.report.accepted", { count: formatNumber(lang, i.rows_accepted) })} ·{" "}
                  {t("import.report.total", { count: formatNumber(lang, i.rows_total) })}
                </span>
              </>
            ),
          },
          { header: t("import.col.cohort"), cell: (i) => cohortLabel(t, lang, i, i.graduation_date) },
          {
            header: t("import.col.by"),
            cell: (i) => (
              <>
                {i.created_by_name}
                <br />
                <span className="muted small">{formatDateTime(lang, i.created_at)}</span>
              </>
            ),
          },
          {
            header: t("import.col.status"),
            cell: (i) =>
              i.status === "imported" ? (
                <span className="pill pill--ok">{t("import.status.imported")}</span>
              ) : (
                <span className="pill">{t("import.status.checked")}</span>
              ),
          },
        ]}
      />
    </section>
  );
}
