// The reminder a staff or admin account sees on every page during its grace period (docs/decisions/066-two-step-sign-in.md).
// No role="status": it is not news on each page (screen readers would announce it every time), and the flash keeps that role.
import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

export function TwoStepReminder({ daysLeft }: { daysLeft: number | null | undefined }) {
  const { t } = useT();
  if (daysLeft == null) return null;
  return (
    <p className="notice notice--info">
      {t("twoStep.reminder", { days: daysLeft })} <Link to="/account/two-step">{t("twoStep.reminderLink")}</Link>
    </p>
  );
}
