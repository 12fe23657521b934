// The checkpoint chooser (graduation, +6, +12, +36 months) of the outcome pages: the public
// /outcomes figures and the staff dashboard, both plain GET forms.
import { CHECKPOINTS, type Checkpoint } from "~/domain/outcomes/codes";
import type { MessageKey } from "~/i18n/messages/en";
import { useT } from "~/i18n/use-t";

export function CheckpointField({ id, label, value }: { id: string; label: MessageKey; value: Checkpoint }) {
  const { t } = useT();
  return (
    <div className="field">
      <label htmlFor={id}>{t(label)}</label>
      <select id={id} name="checkpoint" defaultValue={value}>
        {CHECKPOINTS.map((c) => (
          <option key={c} value={c}>
            {t(`outcomes.checkpoint.${c}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
