import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n/messages/en";
import { useT } from "~/i18n/use-t";

const KNOWN = new Set([400, 403, 404, 405, 413]);

/** The 400/403/404/405/413/500 page in the reader's language. */
export function ErrorPage({ status }: { status: number }) {
  const { t } = useT();
  const code = KNOWN.has(status) ? status : 500;
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__code">{status}</p>
      <h1 id="error-title">{t(`error.${code}.title` as MessageKey)}</h1>
      <p>{t(`error.${code}.text` as MessageKey)}</p>
      <p><Link to="/">{t("error.backHome")}</Link></p>
    </section>
  );
}
