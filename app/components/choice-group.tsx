// A radio group wired like the form fields: legend, error (aria-describedby), the typed value kept.
// No aria-invalid on the radios: ARIA 1.2 gives it to the group, not to a radio (jsx-a11y); the error is read through the fieldset.
import { useT } from "~/i18n/use-t";
import type { FieldError } from "~/utils/form-types";

export function ChoiceGroup({
  name,
  legend,
  options,
  defaultValue,
  error,
  required,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  defaultValue?: string | null;
  error?: FieldError;
  required?: boolean;
}) {
  const { t } = useT();
  const text = error === undefined ? undefined : typeof error === "string" ? t(error) : t(error[0], error[1]);
  const errorId = `f-${name}-error`;
  return (
    <fieldset className={`stack choice-group${text ? " field--invalid" : ""}`} aria-describedby={text ? errorId : undefined}>
      <legend>{legend}</legend>
      {text ? (
        <p className="field__error" id={errorId}>
          {text}
        </p>
      ) : null}
      {options.map((o) => (
        <div className="checkbox choice" key={o.value}>
          <input type="radio" id={`f-${name}-${o.value}`} name={name} value={o.value} defaultChecked={defaultValue === o.value} required={required} />
          <label htmlFor={`f-${name}-${o.value}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
