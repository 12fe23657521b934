// The account page's two-step sign-in card (docs/decisions/066-two-step-sign-in.md): its state and the
// way to the set-up page; a demo account is told it skips the second step while it is one (issue 19 item 6).
import { Link } from "@remix-run/react";
import { Notice } from "~/components/form";
import { useT } from "~/i18n/use-t";

export function TwoStepCard({ on, staffRole, demo }: { on: boolean; staffRole: boolean; demo: boolean }) {
  const { t } = useT();
  return (
    <div className="card" id="two-step">
      <h2>{t("twoStep.title")}</h2>
      <p>{t(on ? "twoStep.statusOn" : "twoStep.statusOff")}</p>
      <p className="muted">{t(staffRole ? "twoStep.requiredForStaff" : "twoStep.optional")}</p>
      {demo ? <Notice kind="info">{t("twoStep.demo")}</Notice> : null}
      <p>
        <Link to="/account/two-step">{t("twoStep.manage")}</Link>
      </p>
    </div>
  );
}
