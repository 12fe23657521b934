import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrorSummary, NewPasswordFields, Notice, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { findUsableReset, redeemPasswordReset } from "~/models/password-resets.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected } from "~/utils/forms.server";
import { SMALL_FORM_LIMITS } from "~/utils/request-body.server";
import { newPassword } from "~/utils/fields";
import { titleMeta } from "~/utils/meta";
import { SectionErrorBoundary } from "~/components/section-error";
import { passOnHeaders } from "~/utils/route-headers";

const ResetSchema = z
  .object({ password: newPassword, passwordRepeat: z.string("errors.required") })
  .refine((v) => v.password === v.passwordRepeat, { path: ["passwordRepeat"], message: "errors.passwordMismatch" });

// The link itself is the credential: no sign-in is needed, and it works once.
export async function loader({ params }: LoaderFunctionArgs) {
  const reset = await findUsableReset(getDb(), params.token ?? "");
  // The page names the account and its address holds the credential: kept by no cache, sent as no Referer.
  return data({ email: reset?.email ?? null }, { status: reset ? 200 : 404, headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request, SMALL_FORM_LIMITS);
  const parsed = parseForm(ResetSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const ok = await redeemPasswordReset(getDb(), params.token ?? "", parsed.data.password);
  if (!ok) return invalid({ _form: "errors.resetInvalid" }, form);
  return redirect("/login", { headers: cookieHeaders(setFlash("flash.passwordReset")) });
}

// A refused body (413) or bad request (400) is shown in the reader's language, inside the site.
export const ErrorBoundary = SectionErrorBoundary;

export const meta = titleMeta("reset.title", { private: true });

// No-store (and no Referer) from the loader reach the document answer too.
export const headers = passOnHeaders;

export default function ResetPasswordPage() {
  const { t } = useT();
  const { email } = useLoaderData<typeof loader>();
  const { errors } = useFormFailure();
  return (
    <section className="narrow">
      <h1>{t("reset.title")}</h1>
      {email ? (
        <>
          <p>{t("reset.lead", { email })}</p>
          <FormErrorSummary errors={errors} />
          <Form method="post" className="stack" noValidate>
            <NewPasswordFields errors={errors} />
            <SubmitButton>{t("reset.submit")}</SubmitButton>
          </Form>
        </>
      ) : (
        <Notice kind="error">{t("errors.resetInvalid")}</Notice>
      )}
    </section>
  );
}
