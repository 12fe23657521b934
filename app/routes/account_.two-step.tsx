// Two-step sign-in for one's own account (docs/product.md §8, docs/decisions/066-two-step-sign-in.md).
// Set up: "start" makes a new secret (sealed, waiting), the page shows it as a QR code and as text; the
// first correct code switches it on and the ten recovery codes are shown once. Turning off needs a code.
// A staff or admin account past its grace period can reach only this page (and sign out).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/require-user.server";
import { releaseAttempt, reserveAttempt, twoStepCounters } from "~/auth/throttle.server";
import { checkSecondStep, newRecoveryCodes, openSecret, recoveryCodeHash, sealSecret, twoStepRequirementFor } from "~/auth/two-step.server";
import { CodeSchema } from "~/auth/two-step-schema.server";
import { Field, FormErrorSummary, Notice, SubmitButton, useFormFailure } from "~/components/form";
import { SectionErrorBoundary } from "~/components/section-error";
import { getDb } from "~/db.server";
import { requiresTwoStep } from "~/domain/two-step/policy";
import { groupedSecret, matchingStep, newTotpSecret, totpUri } from "~/domain/two-step/totp";
import { useT } from "~/i18n/use-t";
import { cancelTwoStepSetup, disableTwoStep, enableTwoStep, isDemoAccount, pendingSecretOf, startTwoStepSetup, twoStepStateOf } from "~/models/two-step.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { parseForm, readForm, rejected, throttled, typedValues } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";
import { qrSvg } from "~/utils/qr.server";
import { passOnHeaders } from "~/utils/route-headers";

const HERE = "/account/two-step";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const state = await twoStepStateOf(db, user.id);
  const requirement = await twoStepRequirementFor(request, user);
  let setup: { qr: string; secret: string } | null = null;
  if (state.pending) {
    const sealed = await pendingSecretOf(db, user.id);
    const secret = sealed ? openSecret(sealed, user.id) : null;
    if (secret) setup = { qr: await qrSvg(totpUri(secret, user.email)), secret: groupedSecret(secret) };
  }
  return {
    on: state.enabledAt !== null,
    recoveryLeft: state.enabledAt ? state.recoveryLeft : 0,
    setup,
    demo: await isDemoAccount(db, user),
    staffRole: requiresTwoStep(user.role),
    mustSetUp: requirement.kind === "required",
  };
}

const codeError = (form: FormData) => data({ ok: false as const, errors: { code: "errors.twoStepCode" as const }, values: typedValues(form) }, { status: 400 });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "start") {
    // Demo accounts skip the second step (issue 19 item 6): switching it on would mean nothing.
    if (await isDemoAccount(db, user)) return data({ ok: false as const, errors: { _form: "twoStep.demo" as const }, values: {} }, { status: 409 });
    await startTwoStepSetup(db, user.id, sealSecret(newTotpSecret(), user.id));
    return redirect(HERE);
  }
  if (intent === "cancel") {
    await cancelTwoStepSetup(db, user.id);
    return redirect(HERE, { headers: cookieHeaders(setFlash("twoStep.flash.cancelled")) });
  }
  if (intent !== "confirm" && intent !== "disable")
    return data({ ok: false as const, errors: { _form: "errors.invalid" as const }, values: {} }, { status: 400 });
  const parsed = parseForm(CodeSchema, form);
  if (!parsed.ok) return rejected(parsed);
  if (intent === "confirm") {
    const sealed = await pendingSecretOf(db, user.id);
    const secret = sealed ? openSecret(sealed, user.id) : null;
    if (!secret) return redirect(HERE);
    const step = matchingStep(secret, parsed.data.code, new Date());
    if (step === null) return codeError(form);
    const codes = newRecoveryCodes();
    if (
      !(await enableTwoStep(
        db,
        user.id,
        step,
        codes.map((c) => recoveryCodeHash(user.id, c)),
      ))
    )
      return redirect(HERE);
    // Shown once, in this answer only: the database keeps their hashes.
    return { ok: true as const, recoveryCodes: codes };
  }
  // Turning off: a stolen session must not switch it off without the phone (or a recovery code); throttled like sign-in.
  const reservation = await reserveAttempt(db, twoStepCounters(user.id, context.clientAddress ?? "unknown"));
  if (!reservation.allowed) return throttled(reservation, form);
  if (!(await checkSecondStep(user.id, parsed.data.code))) return codeError(form);
  await releaseAttempt(db, reservation);
  await disableTwoStep(db, user.id);
  return redirect(HERE, { headers: cookieHeaders(setFlash("twoStep.flash.off")) });
}

export const ErrorBoundary = SectionErrorBoundary;

export const meta = titleMeta("twoStep.title", { private: true });

export const headers = passOnHeaders;

export default function TwoStepPage() {
  const { t } = useT();
  const page = useLoaderData<typeof loader>();
  const done = useActionData() as { recoveryCodes?: string[] } | undefined;
  const { errors, values } = useFormFailure();
  if (done?.recoveryCodes) {
    return (
      <section className="narrow">
        <h1>{t("twoStep.codesTitle")}</h1>
        <Notice kind="ok">{t("twoStep.statusOn")}</Notice>
        <p>{t("twoStep.codesLead")}</p>
        <ul className="recovery-codes">
          {done.recoveryCodes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ul>
        <p>
          <Link className="button" to="/account">
            {t("twoStep.codesDone")}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="narrow">
      <h1>{t("twoStep.title")}</h1>
      {page.mustSetUp ? <Notice kind="error">{t("twoStep.mustSetUp")}</Notice> : null}
      <p>{t("twoStep.intro")}</p>
      <p className="muted">{t(page.staffRole ? "twoStep.requiredForStaff" : "twoStep.optional")}</p>
      <FormErrorSummary errors={errors} />
      {page.demo ? <Notice kind="info">{t("twoStep.demo")}</Notice> : null}
      {page.on ? (
        <div className="stack">
          <p>{t("twoStep.statusOn")}</p>
          <p>{t("twoStep.recoveryLeft", { count: page.recoveryLeft })}</p>
          <h2>{t("twoStep.offTitle")}</h2>
          <Form method="post" className="stack" noValidate>
            <Field
              name="code"
              label={t("twoStep.offCode")}
              hint={t("twoStep.offLead")}
              autoComplete="one-time-code"
              required
              defaultValue={values.code}
              error={errors.code}
            />
            <SubmitButton name="intent" value="disable">
              {t("twoStep.offSubmit")}
            </SubmitButton>
          </Form>
        </div>
      ) : page.setup ? (
        <div className="stack">
          <p>{t("twoStep.scan")}</p>
          {/* The SVG comes from the qrcode library on the server (paths only, no script). */}
          <div className="qr-code" role="img" aria-label={t("twoStep.qrLabel")} dangerouslySetInnerHTML={{ __html: page.setup.qr }} />
          <p>{t("twoStep.typeSecret")}</p>
          <p>
            <code className="two-step-secret">{page.setup.secret}</code>
          </p>
          <Form method="post" className="stack" noValidate>
            <Field
              name="code"
              label={t("twoStep.code")}
              hint={t("twoStep.confirmLead")}
              autoComplete="one-time-code"
              inputMode="numeric"
              required
              defaultValue={values.code}
              error={errors.code}
            />
            <SubmitButton name="intent" value="confirm">
              {t("twoStep.confirm")}
            </SubmitButton>
          </Form>
          <Form method="post">
            <SubmitButton name="intent" value="cancel">
              {t("twoStep.cancel")}
            </SubmitButton>
          </Form>
        </div>
      ) : (
        <div className="stack">
          <p>{t("twoStep.statusOff")}</p>
          {page.demo ? null : (
            <Form method="post">
              <SubmitButton name="intent" value="start">
                {t("twoStep.start")}
              </SubmitButton>
            </Form>
          )}
        </div>
      )}
      {page.mustSetUp ? null : (
        <p>
          <Link to="/account">{t("account.title")}</Link>
        </p>
      )}
    </section>
  );
}
