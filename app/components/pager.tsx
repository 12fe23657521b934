import { Link, useLocation } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** Previous / next links that keep every other query parameter (filters live in the URL). */
export function Pager({ page, pages }: { page: number; pages: number }) {
  const { t } = useT();
  const location = useLocation();
  if (pages <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(p));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="pager" aria-label={t("admin.skills.page", { page, pages })}>
      {page > 1 ? (
        <Link to={href(page - 1)} rel="prev">
          ← {t("admin.skills.prev")}
        </Link>
      ) : null}
      <span>{t("admin.skills.page", { page, pages })}</span>
      {page < pages ? (
        <Link to={href(page + 1)} rel="next">
          {t("admin.skills.next")} →
        </Link>
      ) : null}
    </nav>
  );
}
