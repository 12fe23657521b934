import { SurveyClosed } from "~/components/survey-closed";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta("outcomes.survey.thanksTitle", { private: true });

export default function SurveyThanks() {
  return <SurveyClosed state="thanks" />;
}
