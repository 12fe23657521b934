import { formatDate } from "~/i18n/format";
import { useT } from "~/i18n/use-t";

export type InvitationStateView = { kind: "none" } | { kind: "used"; date: string | null } | { kind: "expired" } | { kind: "open"; date: string | null };

/** Where a graduate's invitation stands: joined (when), open (until when), expired, or no code. */
export function InvitationStatus({ state }: { state: InvitationStateView }) {
  const { t, lang } = useT();
  switch (state.kind) {
    case "none":
      return <>{t("import.print.noCode")}</>;
    case "used":
      return <>{t("staff.invite.statusUsed", { date: state.date ? formatDate(lang, state.date) : "" })}</>;
    case "expired":
      return <>{t("staff.invite.statusExpired")}</>;
    case "open":
      return <>{state.date ? t("staff.invite.statusOpen", { date: formatDate(lang, state.date) }) : null}</>;
  }
}
