// Form fields wired for people and screen readers: label, hint, error (aria-invalid +
// aria-describedby), and the value typed before a rejected submit.
import { useActionData } from "@remix-run/react";
import { type ReactNode, useEffect, useRef } from "react";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/messages/en";
import type { FieldError, FieldErrors, FormFailureData } from "~/utils/form-types";

export function useFormFailure(): { errors: FieldErrors; values: Record<string, string> } {
  const data = useActionData() as Partial<FormFailureData> | undefined;
  if (data && data.ok === false) return { errors: data.errors ?? {}, values: data.values ?? {} };
  return { errors: {}, values: {} };
}

function useErrorText() {
  const { t } = useT();
  return (error: FieldError | undefined) => (error === undefined ? undefined : typeof error === "string" ? t(error) : t(error[0], error[1]));
}

type Common = {
  name: string;
  /** Needed when one page repeats a field name in several forms (ids must be unique). */
  id?: string;
  label: string;
  hint?: string;
  error?: FieldError;
  required?: boolean;
  optional?: boolean;
};

function Described({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

function LabelText({ label, optional }: { label: string; optional?: boolean }) {
  const { t } = useT();
  return (
    <>
      {label}
      {optional ? <span className="field__optional"> ({t("common.optional")})</span> : null}
    </>
  );
}

export function Field({
  type = "text",
  defaultValue,
  autoComplete,
  inputMode,
  accept,
  list,
  ...props
}: Common & { type?: string; defaultValue?: string | null; autoComplete?: string; inputMode?: "text" | "email" | "numeric"; accept?: string; list?: string }) {
  const text = useErrorText()(props.error);
  const id = props.id ?? `f-${props.name}`;
  return (
    <div className={`field${text ? " field--invalid" : ""}`}>
      <label htmlFor={id}>
        <LabelText label={props.label} optional={props.optional} />
      </label>
      <input
        id={id}
        name={props.name}
        type={type}
        defaultValue={defaultValue ?? undefined}
        autoComplete={autoComplete}
        inputMode={inputMode}
        accept={accept}
        list={list}
        required={props.required}
        aria-invalid={text ? true : undefined}
        aria-describedby={describedBy(id, props.hint, text)}
      />
      <Described id={id} hint={props.hint} error={text} />
    </div>
  );
}

export function TextArea({ defaultValue, rows = 4, ...props }: Common & { defaultValue?: string | null; rows?: number }) {
  const text = useErrorText()(props.error);
  const id = props.id ?? `f-${props.name}`;
  return (
    <div className={`field${text ? " field--invalid" : ""}`}>
      <label htmlFor={id}>
        <LabelText label={props.label} optional={props.optional} />
      </label>
      <textarea
        id={id}
        name={props.name}
        rows={rows}
        defaultValue={defaultValue ?? undefined}
        required={props.required}
        aria-invalid={text ? true : undefined}
        aria-describedby={describedBy(id, props.hint, text)}
      />
      <Described id={id} hint={props.hint} error={text} />
    </div>
  );
}

export function Select({
  options,
  defaultValue,
  placeholder,
  ...props
}: Common & { options: { value: string | number; label: string }[]; defaultValue?: string | number | null; placeholder?: string }) {
  const text = useErrorText()(props.error);
  const id = props.id ?? `f-${props.name}`;
  return (
    <div className={`field${text ? " field--invalid" : ""}`}>
      <label htmlFor={id}>
        <LabelText label={props.label} optional={props.optional} />
      </label>
      <select
        id={id}
        name={props.name}
        defaultValue={defaultValue == null ? "" : String(defaultValue)}
        required={props.required}
        aria-invalid={text ? true : undefined}
        aria-describedby={describedBy(id, props.hint, text)}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Described id={id} hint={props.hint} error={text} />
    </div>
  );
}

/**
 * Announced to screen readers when a submit comes back with errors, and focused (so scrolled
 * into view) when it appears: on a long page it may be far from the button pressed.
 */
export function FormErrorSummary({ errors, title }: { errors: FieldErrors; title?: string }) {
  const { t } = useT();
  const errorText = useErrorText();
  const box = useRef<HTMLDivElement>(null);
  const formLevel = errors._form;
  const shown = Object.keys(errors).length > 0;
  useEffect(() => {
    if (shown) box.current?.focus();
  }, [errors, shown]);
  if (!shown) return null;
  return (
    <div className="notice notice--error" role="alert" tabIndex={-1} ref={box}>
      <p>{formLevel ? errorText(formLevel) : (title ?? t("errors.formTitle"))}</p>
    </div>
  );
}

/** The new password and its repeat, as a password change and a reset link ask for them (one pair of fields, one wording). */
export function NewPasswordFields({ errors }: { errors: FieldErrors }) {
  const { t } = useT();
  return (
    <>
      <Field
        name="password"
        type="password"
        label={t("account.newPassword")}
        hint={t("join.passwordHint")}
        autoComplete="new-password"
        required
        error={errors.password}
      />
      <Field name="passwordRepeat" type="password" label={t("account.newPasswordRepeat")} autoComplete="new-password" required error={errors.passwordRepeat} />
    </>
  );
}

export function SubmitButton({ children, name, value, "aria-label": label }: { children: ReactNode; name?: string; value?: string; "aria-label"?: string }) {
  return (
    <button type="submit" className="button" name={name} value={value} aria-label={label}>
      {children}
    </button>
  );
}

export function Notice({ kind = "ok", children }: { kind?: "ok" | "info" | "error"; children: ReactNode }) {
  return (
    <div className={`notice notice--${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

export type { MessageKey };
