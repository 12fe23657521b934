import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { verifyPassword } from "~/auth/password.server";
import { endSession } from "~/auth/session.server";
import { passwordCheckCounters, releaseAttempt, reserveAttempt } from "~/auth/throttle.server";
import { Field, FormErrorSummary, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { deleteStoredImage } from "~/domain/images/store.server";
import { useT } from "~/i18n/use-t";
import { requireGraduate } from "~/auth/guards.server";
import { deleteGraduateAccount } from "~/models/personal-data.server";
import { RetentionPeriods } from "~/components/retention-settings";
import { retentionSettings } from "~/models/retention.server";
import { passwordHashOf } from "~/models/users.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected, throttled } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";
import { passOnHeaders } from "~/utils/route-headers";

const DeleteSchema = z.object({ password: z.string("errors.required").min(1, "errors.required").max(200, "errors.passwordLong") });

export async function loader({ request }: LoaderFunctionArgs) {
  await requireGraduate(request);
  // How long each kind is kept, from the admin's settings (docs/decisions/067-data-retention.md).
  return { retention: await retentionSettings(getDb()) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, graduate } = await requireGraduate(request);
  const form = await readForm(request);
  const parsed = parseForm(DeleteSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const db = getDb();
  // Counted before the slow check, like sign-in (item 14).
  const reservation = await reserveAttempt(db, passwordCheckCounters(user.id, context.clientAddress ?? "unknown"));
  if (!reservation.allowed) return throttled(reservation, form);
  if (!(await verifyPassword(parsed.data.password, await passwordHashOf(db, user.id)))) return invalid({ password: "errors.currentPasswordWrong" }, form);
  await releaseAttempt(db, reservation);
  const cleared = await endSession(request);
  const files = await deleteGraduateAccount(db, user.id, graduate.id);
  await Promise.all(files.map((f) => deleteStoredImage(f)));
  return redirect("/", { headers: cookieHeaders(cleared, setFlash("flash.accountDeleted")) });
}

export const headers = passOnHeaders;

export const meta = titleMeta("data.title", { private: true });

export default function MyDataPage() {
  const { t } = useT();
  const { errors } = useFormFailure();
  const { retention } = useLoaderData<typeof loader>();
  return (
    <section className="narrow">
      <h1>{t("data.title")}</h1>
      <p>{t("data.lead")}</p>
      <p>{t("data.messages")}</p>
      <p>{t("data.conversations")}</p>
      <RetentionPeriods settings={retention} />
      <p>
        <a className="button button--secondary" href="/me/data.json" download>
          {t("data.download")}
        </a>
      </p>
      <h2>{t("data.delete")}</h2>
      <p>{t("data.deleteLead")}</p>
      <FormErrorSummary errors={errors} />
      <Form method="post" className="stack card" noValidate>
        <Field name="password" type="password" label={t("data.deleteConfirm")} required autoComplete="current-password" error={errors.password} />
        <button type="submit" className="button button--danger">
          {t("data.deleteSubmit")}
        </button>
      </Form>
    </section>
  );
}
