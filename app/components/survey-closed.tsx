import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/messages/en";

/** What a survey link shows when it cannot be answered (or was just answered). */
export function SurveyClosed({ state }: { state: "unknown" | "used" | "expired" | "thanks" }) {
  const { t } = useT();
  const [title, text] = {
    unknown: ["outcomes.survey.unknownTitle", "outcomes.survey.unknown"],
    used: ["outcomes.survey.usedTitle", "outcomes.survey.used"],
    expired: ["outcomes.survey.expiredTitle", "outcomes.survey.expired"],
    thanks: ["outcomes.survey.thanksTitle", "outcomes.survey.thanks"],
  }[state] as [MessageKey, MessageKey];
  return (
    <section className="survey narrow">
      <h1>{t(title)}</h1>
      <p>{t(text)}</p>
    </section>
  );
}
