// A checkbox with its label, sent as "1" when ticked: the filters of the board, the graduates
// directory and the candidates list, and the vacancy editor's "hide the salary".
import type { ReactNode } from "react";

export function Checkbox({ name, checked, children }: { name: string; checked?: boolean; children: ReactNode }) {
  return (
    <label className="checkbox">
      <input type="checkbox" name={name} value="1" defaultChecked={checked} />
      {children}
    </label>
  );
}
