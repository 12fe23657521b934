import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

const KNOWN = [400, 403, 404, 405, 413] as const;

/** The status whose page is shown: a known 4xx, otherwise 500. */
export function errorPageCode(status: number): (typeof KNOWN)[number] | 500 {
  return KNOWN.find((code) => code === status) ?? 500;
}

/** The 400/403/404/405/413/500 page in the reader's language. */
export function ErrorPage({ status }: { status: number }) {
  const { t } = useT();
  const code = errorPageCode(status);
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__code">{status}</p>
      <h1 id="error-title">{t(`error.${code}.title`)}</h1>
      <p>{t(`error.${code}.text`)}</p>
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </section>
  );
}
