// The admin's "reset two-step sign-in" button in a staff account's row (docs/decisions/066-two-step-sign-in.md):
// a POST to its own route, /admin/staff/:id/two-step, which redirects back to /admin/staff.
import { Form } from "@remix-run/react";
import { SubmitButton } from "~/components/form";
import { useT } from "~/i18n/use-t";

export function TwoStepReset({ userId }: { userId: number }) {
  const { t } = useT();
  return (
    <Form method="post" action={`/admin/staff/${userId}/two-step`}>
      <SubmitButton>{t("admin.twoStep.reset")}</SubmitButton>
    </Form>
  );
}
