// The admin's "reset two-step sign-in" button in a staff account's row (docs/decisions/066-two-step-sign-in.md):
// a POST to its own route, /admin/staff/:id/two-step, which redirects back to /admin/staff.
import { Form } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

export function TwoStepReset({ userId }: { userId: number }) {
  const { t } = useT();
  return (
    <Form method="post" action={`/admin/staff/${userId}/two-step`}>
      {/* A secondary button: it undoes a person's protection, and every row carries one. */}
      <button type="submit" className="button button--secondary">
        {t("admin.twoStep.reset")}
      </button>
    </Form>
  );
}
