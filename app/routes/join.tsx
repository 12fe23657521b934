import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireAnonymous } from "~/auth/require-user.server";
import { startSession } from "~/auth/session.server";
import { isShortInvitationCode, normalizeInvitationCode } from "~/auth/tokens.server";
import { joinCodeCounters, releaseAttempt, reserveAttempt } from "~/auth/throttle.server";
import { Field, FormErrorSummary, Notice, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { formatDate } from "~/i18n/format";
import { langOf } from "~/i18n/negotiate";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { invitationProblem } from "~/domain/invitations";
import { findInvitation, joinWithInvitation } from "~/models/invitations.server";
import { emailTaken } from "~/models/users.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected, throttled } from "~/utils/forms.server";
import type { FieldError } from "~/utils/form-types";
import { SMALL_FORM_LIMITS } from "~/utils/request-body.server";
import { email, newPassword, requiredText } from "~/utils/fields";
import { titleMeta } from "~/utils/meta";
import { SectionErrorBoundary } from "~/components/section-error";
import { passOnHeaders } from "~/utils/route-headers";
import { SERVER_RENDERED_ONLY } from "~/utils/hydration";

const JoinSchema = z
  .object({ code: requiredText(40), email, password: newPassword, passwordRepeat: z.string("errors.required") })
  .refine((v) => v.password === v.passwordRepeat, { path: ["passwordRepeat"], message: "errors.passwordMismatch" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const code = new URL(request.url).searchParams.get("code")?.slice(0, 40) ?? "";
  if (!code) return data({ code, problem: null as FieldError | null, welcome: null });
  // A code checked by link counts like one typed in the form: wrong ones are throttled per address (item 14).
  const db = getDb();
  const reservation = await reserveAttempt(db, joinCodeCounters(context.clientAddress ?? "unknown", isShortInvitationCode(normalizeInvitationCode(code))));
  if (!reservation.allowed) {
    const problem: FieldError = ["errors.throttled", { minutes: reservation.retryAfterMinutes }];
    return data({ code, problem, welcome: null }, { status: 429, headers: { "Retry-After": String(reservation.retryAfterMinutes * 60) } });
  }
  const invitation = await findInvitation(db, code);
  const problem = invitationProblem(invitation);
  if (!problem) await releaseAttempt(db, reservation);
  const lang = langOf(request);
  const welcome =
    invitation && !problem ? { name: invitation.first_name, school: pick(invitation, "name", lang), date: formatDate(lang, invitation.graduation_date) } : null;
  return data({ code: invitation?.code ?? code, problem: problem as FieldError | null, welcome });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const form = await readForm(request, SMALL_FORM_LIMITS);
  const parsed = parseForm(JoinSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const db = getDb();
  const reservation = await reserveAttempt(
    db,
    joinCodeCounters(context.clientAddress ?? "unknown", isShortInvitationCode(normalizeInvitationCode(parsed.data.code))),
  );
  if (!reservation.allowed) return throttled(reservation, form);
  const invitation = await findInvitation(db, parsed.data.code);
  const problem = invitationProblem(invitation);
  if (problem || !invitation) return invalid({ code: problem ?? "errors.inviteUnknown" }, form);
  await releaseAttempt(db, reservation);
  if (await emailTaken(db, parsed.data.email)) return invalid({ email: "errors.emailTaken" }, form);

  // The page's language becomes the account's: e-mail and Telegram messages are written in it (docs/product.md §13).
  const joined = await joinWithInvitation(db, invitation, { email: parsed.data.email, password: parsed.data.password, locale: langOf(request) });
  if (!joined.ok) return invalid({ code: joined.problem }, form);
  const cookie = await startSession(request, joined.userId);
  return redirect("/me/profile", { headers: cookieHeaders(cookie, setFlash("flash.welcome")) });
}

// A refused body (413) or bad request (400) is shown in the reader's language, inside the site.
export const ErrorBoundary = SectionErrorBoundary;

export const headers = passOnHeaders;

// The graduate's first pages, often opened on a slow regional link: plain HTML forms, no scripts
// (React alone would take longer than the 2 s budget at 400 kbit/s). docs/decisions/033-light-first-load.md
export const handle = SERVER_RENDERED_ONLY;

export const meta = titleMeta("join.title");

export default function JoinPage() {
  const { t } = useT();
  const { code, problem, welcome } = useLoaderData<typeof loader>();
  const { errors, values } = useFormFailure();
  return (
    <section className="narrow">
      <h1>{t("join.title")}</h1>
      <p className="lead">{t("join.lead")}</p>
      {welcome ? <Notice kind="info">{t("join.welcome", welcome)}</Notice> : null}
      {welcome ? (
        <>
          <FormErrorSummary errors={errors} />
          {errors.code ? <Notice kind="error">{t(typeof errors.code === "string" ? errors.code : errors.code[0])}</Notice> : null}
          <Form method="post" className="stack" noValidate>
            <input type="hidden" name="code" value={code} />
            <Field
              name="email"
              type="email"
              label={t("join.email")}
              autoComplete="email"
              inputMode="email"
              required
              defaultValue={values.email}
              error={errors.email}
            />
            <Field
              name="password"
              type="password"
              label={t("join.password")}
              hint={t("join.passwordHint")}
              autoComplete="new-password"
              required
              error={errors.password}
            />
            <Field name="passwordRepeat" type="password" label={t("join.passwordRepeat")} autoComplete="new-password" required error={errors.passwordRepeat} />
            <SubmitButton>{t("join.submit")}</SubmitButton>
          </Form>
        </>
      ) : (
        // Step one: check the code (a GET, so it works without JavaScript and can be a link).
        <Form method="get" className="stack">
          <Field name="code" label={t("join.code")} hint={t("join.codeHint")} required defaultValue={code} error={problem ?? undefined} autoComplete="off" />
          <SubmitButton>{t("join.checkCode")}</SubmitButton>
        </Form>
      )}
    </section>
  );
}
