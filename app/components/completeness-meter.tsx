import { Link } from "@remix-run/react";
import { type CompletenessItem, ITEM_PAGE } from "~/domain/profile/completeness";
import { useT } from "~/i18n/use-t";
import { wholePercent } from "~/i18n/format";

/** How complete the profile is, and links to what is missing. */
export function CompletenessMeter({
  percent,
  missing,
  id = "meter-title",
  className,
}: {
  percent: number;
  missing: CompletenessItem[];
  id?: string;
  className?: string;
}) {
  const { t } = useT();
  return (
    <section className={className ? `card meter ${className}` : "card meter"} aria-labelledby={id}>
      <h2 id={id} className="h3">
        {t("profile.meter", { percent })}
      </h2>
      <progress max={100} value={percent} aria-labelledby={id}>
        {wholePercent(percent)}
      </progress>
      {missing.length === 0 ? (
        <p className="small">{t("profile.meterDone")}</p>
      ) : (
        <p className="small">
          {t("profile.missing")}{" "}
          {missing.map((item, i) => (
            <span key={item}>
              <Link to={ITEM_PAGE[item]}>{t(`profile.item.${item}`)}</Link>
              {i < missing.length - 1 ? ", " : ""}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
