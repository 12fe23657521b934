// The grace period after which staff and admin accounts must use two-step sign-in (docs/product.md §8,
// docs/decisions/066-two-step-sign-in.md). /admin/settings shows the form and posts here; a refused value
// is shown on this page with what was typed.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/require-user.server";
import { FormErrorSummary, useFormFailure } from "~/components/form";
import { SectionErrorBoundary } from "~/components/section-error";
import { TwoStepSettings } from "~/components/two-step-settings";
import { getDb } from "~/db.server";
import { MAX_GRACE_DAYS } from "~/domain/two-step/policy";
import { setGraceDays, twoStepPolicy } from "~/models/two-step.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { parseForm, readForm, rejected } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";

const GraceSchema = z.object({
  grace_days: z
    .string("errors.graceDays")
    .trim()
    .regex(/^\d{1,3}$/, "errors.graceDays")
    .transform(Number)
    .refine((n) => n <= MAX_GRACE_DAYS, "errors.graceDays"),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, { role: "admin" });
  return { graceDays: (await twoStepPolicy(getDb())).graceDays };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireUser(request, { role: "admin" });
  const form = await readForm(request);
  const parsed = parseForm(GraceSchema, form);
  if (!parsed.ok) return rejected(parsed);
  await setGraceDays(getDb(), parsed.data.grace_days, admin.id);
  return redirect("/admin/settings#two-step", { headers: cookieHeaders(setFlash("twoStep.flash.graceSaved")) });
}

export const ErrorBoundary = SectionErrorBoundary;

export const meta = titleMeta("admin.twoStep.title", { private: true });

export default function TwoStepSettingsPage() {
  const { graceDays } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  return (
    <section className="narrow">
      <FormErrorSummary errors={errors} />
      <TwoStepSettings graceDays={graceDays} errors={errors} typed={values.grace_days} />
    </section>
  );
}
