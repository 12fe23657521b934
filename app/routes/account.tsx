import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { verifyPassword } from "~/auth/password.server";
import { requireUser } from "~/auth/require-user.server";
import { passwordCheckCounters, releaseAttempt, reserveAttempt } from "~/auth/throttle.server";
import { startSession } from "~/auth/session.server";
import { Field, FormErrorSummary, NewPasswordFields, Notice, SubmitButton, useFormFailure } from "~/components/form";
import { getDb } from "~/db.server";
import { formatDate } from "~/i18n/format";
import { pick } from "~/i18n/pick";
import { useT } from "~/i18n/use-t";
import { companyOfUser } from "~/models/companies.server";
import { graduateSchoolOfUser } from "~/models/graduates.server";
import { passwordHashOf, setPassword } from "~/models/users.server";
import { cookieHeaders, setFlash } from "~/utils/flash.server";
import { invalid, parseForm, readForm, rejected, throttled } from "~/utils/forms.server";
import { newPassword } from "~/utils/fields";
import { titleMeta } from "~/utils/meta";
import { SectionErrorBoundary } from "~/components/section-error";
import { passOnHeaders } from "~/utils/route-headers";
import { config } from "~/config.server";
import { deepLink } from "~/domain/messages/telegram";
import { createLinkToken, telegramStateOf, unlinkUser } from "~/models/telegram.server";
import { botUsername } from "~/server/telegram-bot";
import { TOPICS, topicsFor } from "~/domain/messages/kinds";
import { type PostedPreferences, readPostedPreferences } from "~/domain/messages/preferences-form";
import { applyPreferencesForm, preferencesOf } from "~/models/message-preferences.server";
import { clearEmailFailure, emailFailingSince } from "~/models/outbox.server";
import { twoStepCardOf } from "~/models/two-step.server";
import { TwoStepCard } from "~/components/two-step-card";

const ChangePasswordSchema = z
  .object({
    currentPassword: z.string("errors.required").min(1, "errors.required").max(200, "errors.passwordLong"),
    password: newPassword,
    passwordRepeat: z.string("errors.required"),
  })
  .refine((v) => v.password === v.passwordRepeat, { path: ["passwordRepeat"], message: "errors.passwordMismatch" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = getDb();
  const graduate = user.role === "graduate" ? await graduateSchoolOfUser(db, user.id) : null;
  const company = user.role === "employer" ? await companyOfUser(db, user.id) : null;
  const telegram = { configured: config().telegram !== null, ...(await telegramStateOf(db, user.id)) };
  // The "Messages" card (docs/decisions/053-message-preferences-and-digests.md): the topics this role may change.
  const current = await preferencesOf(db, user.id);
  const messages = {
    topics: topicsFor(user.role).map((topic) => ({
      topic,
      digest: TOPICS[topic].digest,
      email: current[topic].email,
      telegram: current[topic].telegram,
      mode: current[topic].mode,
    })),
    telegramShown: telegram.configured && telegram.linked,
    digestHour: config().digestHour,
    // An address that bounced: e-mail is paused until the person says it works (docs/product.md §13).
    emailFailingSince: await emailFailingSince(db, user.id),
  };
  // Two-step sign-in (docs/decisions/066-two-step-sign-in.md): on or off, and whether this is a demo account that skips it.
  const twoStep = await twoStepCardOf(db, user);
  return {
    user: { email: user.email, name: user.display_name, role: user.role },
    graduate: graduate ?? null,
    company: company ?? null,
    telegram,
    messages,
    twoStep,
  };
}

/** The "Messages" card: every box of the role's topics, saved whole; a value the page did not offer is a 400 that keeps the ticks. */
async function preferencesAction(user: { id: number; role: Parameters<typeof topicsFor>[0] }, form: FormData) {
  const saved = await applyPreferencesForm(getDb(), user, readPostedPreferences(form), config().telegram !== null);
  if (!saved.ok) return data({ prefsError: "errors.preferenceChoice" as const, prefsPosted: saved.posted }, { status: 400 });
  return redirect("/account#messages", { headers: cookieHeaders(setFlash("flash.preferencesSaved")) });
}

/**
 * The Telegram card (docs/decisions/052-telegram-channel.md): "link" makes a one-time token and
 * shows its deep link once (only the hash is kept); "unlink" forgets the chat.
 */
async function telegramAction(userId: number, intent: "telegram-link" | "telegram-unlink") {
  const db = getDb();
  if (intent === "telegram-unlink") {
    await unlinkUser(db, userId);
    return redirect("/account", { headers: cookieHeaders(setFlash("flash.telegramUnlinked")) });
  }
  const settings = config().telegram;
  if (!settings) return data({ telegramError: "account.telegram.notConfigured" as const }, { status: 409 });
  let username: string;
  try {
    username = await botUsername(settings);
  } catch {
    return data({ telegramError: "account.telegram.unavailable" as const }, { status: 503 });
  }
  return { telegramLink: deepLink(username, await createLinkToken(db, userId, new Date())) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "telegram-link" || intent === "telegram-unlink") return telegramAction(user.id, intent);
  if (intent === "preferences") return preferencesAction(user, form);
  if (intent === "email-retry") {
    await clearEmailFailure(getDb(), user.id);
    return redirect("/account#messages", { headers: cookieHeaders(setFlash("flash.emailRetry")) });
  }
  const parsed = parseForm(ChangePasswordSchema, form);
  if (!parsed.ok) return rejected(parsed);
  const db = getDb();
  // Counted before the slow check, like sign-in: a session is not a licence to guess (item 14).
  const reservation = await reserveAttempt(db, passwordCheckCounters(user.id, context.clientAddress ?? "unknown"));
  if (!reservation.allowed) return throttled(reservation, form);
  if (!(await verifyPassword(parsed.data.currentPassword, await passwordHashOf(db, user.id)))) {
    return invalid({ currentPassword: "errors.currentPasswordWrong" }, form);
  }
  await releaseAttempt(db, reservation);
  // Ends every session (other devices too), then starts a fresh one for this device.
  await setPassword(db, user.id, parsed.data.password);
  const cookie = await startSession(request, user.id);
  return redirect("/account", { headers: cookieHeaders(cookie, setFlash("flash.passwordChanged")) });
}

// A refused body (413) or bad request (400) is shown in the reader's language, inside the site.
export const ErrorBoundary = SectionErrorBoundary;

export const headers = passOnHeaders;

export const meta = titleMeta("account.title", { private: true });

export default function AccountPage() {
  const { t, lang } = useT();
  const { user, graduate, company, telegram, messages, twoStep } = useLoaderData<typeof loader>();
  const { errors } = useFormFailure();
  const telegramResult = useActionData() as
    | {
        telegramLink?: string;
        telegramError?: "account.telegram.notConfigured" | "account.telegram.unavailable";
        prefsError?: "errors.preferenceChoice";
        prefsPosted?: PostedPreferences;
      }
    | undefined;
  // After a refused post the boxes show what was ticked, not what is stored.
  const posted = telegramResult?.prefsPosted;
  const ticked = (field: keyof PostedPreferences, topic: string, stored: boolean) => (posted ? posted[field].includes(topic) : stored);
  return (
    <section>
      <h1>{t("account.title")}</h1>
      <div className="grid grid--2">
        <div className="card">
          <h2>{user.name}</h2>
          <dl className="dl">
            <dt>{t("account.role")}</dt>
            <dd>{t(`role.${user.role}`)}</dd>
            <dt>{t("account.email")}</dt>
            <dd>{user.email}</dd>
            {graduate ? (
              <>
                <dt>{t("account.school")}</dt>
                <dd>{pick(graduate, "name", lang)}</dd>
                <dt>{t("account.cohort")}</dt>
                <dd>{formatDate(lang, graduate.graduation_date)}</dd>
              </>
            ) : null}
            {company ? (
              <>
                <dt>{t("account.company")}</dt>
                <dd>{company.name}</dd>
                <dt>{t("account.companyStatus")}</dt>
                <dd>
                  <span className={`pill ${company.status === "verified" ? "pill--ok" : company.status === "pending" ? "pill--warn" : "pill--error"}`}>
                    {t(`account.status.${company.status}`)}
                  </span>
                </dd>
              </>
            ) : null}
          </dl>
          {company?.status === "pending" ? <Notice kind="info">{t("account.pendingNotice")}</Notice> : null}
        </div>
        <div className="card">
          <h2>{t("account.changePassword")}</h2>
          <FormErrorSummary errors={errors} />
          <Form method="post" className="stack" noValidate>
            <Field
              name="currentPassword"
              type="password"
              label={t("account.currentPassword")}
              autoComplete="current-password"
              required
              error={errors.currentPassword}
            />
            <NewPasswordFields errors={errors} />
            <SubmitButton>{t("account.passwordSubmit")}</SubmitButton>
          </Form>
        </div>
        <TwoStepCard {...twoStep} />
        <div className="card" id="telegram">
          <h2>{t("account.telegram.title")}</h2>
          <p>{t("account.telegram.intro")}</p>
          {telegram.configured ? (
            <>
              {telegram.failing ? (
                <Notice kind="error">{t("account.telegram.failing")}</Notice>
              ) : (
                <p>{t(telegram.linked ? "account.telegram.linked" : "account.telegram.notLinked")}</p>
              )}
              {telegramResult?.telegramError ? <Notice kind="error">{t(telegramResult.telegramError)}</Notice> : null}
              {telegramResult?.telegramLink ? (
                <div className="stack">
                  <p>{t("account.telegram.linkReady")}</p>
                  <p>
                    <a className="button" href={telegramResult.telegramLink} rel="noopener noreferrer">
                      {t("account.telegram.openLink")}
                    </a>
                  </p>
                  <p>
                    <code className="code--link">{telegramResult.telegramLink}</code>
                  </p>
                </div>
              ) : null}
              <Form method="post" action="/account#telegram">
                <SubmitButton name="intent" value="telegram-link">
                  {t(telegram.linked || telegram.failing ? "account.telegram.relink" : "account.telegram.link")}
                </SubmitButton>
              </Form>
              {telegram.linked ? (
                <Form method="post" action="/account#telegram">
                  <SubmitButton name="intent" value="telegram-unlink">
                    {t("account.telegram.unlink")}
                  </SubmitButton>
                </Form>
              ) : null}
            </>
          ) : (
            <p>{t("account.telegram.notConfigured")}</p>
          )}
        </div>
        {messages.topics.length ? (
          <div className="card" id="messages">
            <h2>{t("prefs.title")}</h2>
            <p>{t("prefs.intro")}</p>
            <p className="muted">{t("prefs.portalOnly")}</p>
            {messages.emailFailingSince ? (
              <div className="stack">
                <Notice kind="error">
                  {t("account.email.failing", { email: user.email, date: formatDate(lang, messages.emailFailingSince.slice(0, 10)) })}
                </Notice>
                <Form method="post" action="/account#messages">
                  <SubmitButton name="intent" value="email-retry">
                    {t("account.email.retry")}
                  </SubmitButton>
                </Form>
              </div>
            ) : null}
            {telegramResult?.prefsError ? <Notice kind="error">{t(telegramResult.prefsError)}</Notice> : null}
            <Form method="post" action="/account#messages" className="stack" noValidate>
              {messages.topics.map((m) => (
                <fieldset key={m.topic} className="stack">
                  <legend>{t(`prefs.topic.${m.topic}`)}</legend>
                  <p className="muted">{t(`prefs.topic.${m.topic}.hint`)}</p>
                  <label className="checkbox">
                    <input type="checkbox" name="email" value={m.topic} defaultChecked={ticked("email", m.topic, m.email)} />
                    {t("prefs.channel.email")}
                  </label>
                  {messages.telegramShown ? (
                    <label className="checkbox">
                      <input type="checkbox" name="telegram" value={m.topic} defaultChecked={ticked("telegram", m.topic, m.telegram)} />
                      {t("prefs.channel.telegram")}
                    </label>
                  ) : null}
                  {m.digest === "choice" ? (
                    <label className="checkbox">
                      <input type="checkbox" name="digest" value={m.topic} defaultChecked={ticked("digest", m.topic, m.mode === "digest")} />
                      {messages.digestHour === null ? t("prefs.mode.digestNoHour") : t("prefs.mode.digest", { hour: messages.digestHour })}
                    </label>
                  ) : m.digest === "only" ? (
                    <p className="muted">
                      {messages.digestHour === null ? t("prefs.mode.digestNoHour") : t("prefs.mode.digest", { hour: messages.digestHour })}
                    </p>
                  ) : null}
                </fieldset>
              ))}
              {telegram.configured && !telegram.linked ? <p className="muted">{t("prefs.telegramHint")}</p> : null}
              <p className="muted">{t("prefs.alwaysSent")}</p>
              <SubmitButton name="intent" value="preferences">
                {t("prefs.save")}
              </SubmitButton>
            </Form>
          </div>
        ) : null}
      </div>
    </section>
  );
}
