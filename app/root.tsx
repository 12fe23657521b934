import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useLocation,
  useMatches,
  useNavigation,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { getUser } from "~/auth/require-user.server";
import { twoStepDaysLeft } from "~/auth/two-step.server";
import { TwoStepReminder } from "~/components/two-step-reminder";
import { useNonce } from "~/components/nonce";
import { isServerRenderedOnly } from "~/utils/hydration";
import { ErrorPage, errorPageCode } from "~/components/error-page";
import { useFlashOfThisPage, useLiveHeader } from "~/components/header-state";
import { pageCatalog } from "~/i18n/catalog.server";
import { getDb } from "~/db.server";
import { companyOfUser } from "~/models/companies.server";
import { unreadCount } from "~/models/notifications.server";
import { LANGS, langOf, type Lang } from "~/i18n/negotiate";
import { httpMessages } from "~/i18n/areas/http";
import { CATALOG_ELEMENT_ID, catalogJson, catalogOf } from "~/i18n/page-catalog";
import { useMaybeT, useT } from "~/i18n/use-t";
import { cookieHeaders, takeFlash } from "~/utils/flash.server";
import stylesheet from "~/styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const lang = langOf(request);
  const user = await getUser(request);
  const { flash, clear } = takeFlash(request);
  const unread = user ? await unreadCount(getDb(), user.id) : 0;
  // The graduate directory answers 403 until an employer's company is verified: do not offer it before.
  const verifiedEmployer = user?.role === "employer" && (await companyOfUser(getDb(), user.id))?.status === "verified";
  const root = {
    lang,
    messages: pageCatalog(lang, user?.role ?? null),
    flash,
    user: user ? { id: user.id, name: user.display_name, role: user.role, unread, verifiedEmployer } : null,
    // Staff and admins in their grace period see how many days are left to set up two-step sign-in (decision 066).
    twoStepDaysLeft: user ? await twoStepDaysLeft(request, user) : null,
  };
  // On a document request the page renders with the catalog but does not serialize it with the data:
  // a page that hydrates carries it as inline JSON (Document), one that does not never needs it
  // (app/i18n/page-catalog.ts, docs/decisions/073-load-budget.md).
  if (context.documentRequest) Object.defineProperty(root, "messages", { enumerable: false });
  return data(root, { headers: cookieHeaders(clear) });
}

// The catalog only needs reloading when the language or the signed-in user may have changed.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, currentUrl, nextUrl }) => {
  if (formMethod && formMethod !== "GET") return true;
  return currentUrl.searchParams.get("lng") !== nextUrl.searchParams.get("lng");
};

type RootData = Awaited<ReturnType<typeof loader>>["data"];

function Document({ lang, title, children }: { lang: Lang; title?: string; children: ReactNode }) {
  const nonce = useNonce();
  const hydrate = !useMatches().some((m) => isServerRenderedOnly(m.handle));
  // "idle" | "loading" | "submitting": drives the progress bar (slow links) and lets browser tests wait.
  const navigationState = useNavigation().state;
  const root = useRouteLoaderData("root") as RootData | undefined;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {title ? <title>{title}</title> : null}
        <Meta />
        <Links />
      </head>
      <body data-nav-state={navigationState}>
        <div className="nav-progress" hidden={navigationState === "idle"} aria-hidden="true" />
        {children}
        {hydrate ? (
          <>
            {root ? (
              <script id={CATALOG_ELEMENT_ID} type="application/json" nonce={nonce} dangerouslySetInnerHTML={{ __html: catalogJson(catalogOf(root)) }} />
            ) : null}
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

function LanguageSwitch() {
  const { t, lang } = useT();
  const location = useLocation();
  return (
    <nav className="lang-switch" aria-label={t("nav.language")}>
      {LANGS.map((l) => {
        const params = new URLSearchParams(location.search);
        params.set("lng", l);
        return (
          <Link key={l} to={`${location.pathname}?${params}`} hrefLang={l} lang={l} aria-current={l === lang ? "true" : undefined} reloadDocument>
            {t(`lang.${l}`)}
          </Link>
        );
      })}
    </nav>
  );
}

export function Header() {
  const { t } = useT();
  const root = useRouteLoaderData("root") as RootData | undefined;
  const user = root?.user ?? null;
  const live = useLiveHeader(root ?? {}, user ? { unread: user.unread, verifiedEmployer: user.verifiedEmployer } : null);
  const unread = live?.unread ?? 0;
  const { pathname } = useLocation();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            IT
          </span>
          <span>{t("brand.name")}</span>
        </Link>
        {/* On a phone the main links fold into one disclosure (no JavaScript needed); from 48rem the
            CSS shows them as a row and hides the summary (docs/decisions/032-phone-navigation-and-tables.md).
            key: a client navigation renders it fresh, so it closes after a link is followed. */}
        <details className="site-menu" key={pathname}>
          <summary>{unread > 0 ? t("nav.menuUnread", { n: unread }) : t("nav.menu")}</summary>
          <nav className="main-nav" aria-label={t("nav.main")}>
            {user?.role === "admin" ? <Link to="/admin">{t("nav.admin")}</Link> : null}
            {user?.role === "staff" || user?.role === "admin" ? <Link to="/staff">{t("nav.staff")}</Link> : null}
            <Link to="/vacancies">{t("vacancies.nav")}</Link>
            {user?.role === "staff" || user?.role === "admin" || live?.verifiedEmployer ? <Link to="/graduates">{t("directory.nav")}</Link> : null}
            {user?.role === "graduate" ? <Link to="/me/profile">{t("nav.myProfile")}</Link> : null}
            {user?.role === "employer" ? <Link to="/employer">{t("vacancies.dashboard")}</Link> : null}
            {user?.role === "employer" ? <Link to="/company">{t("companies.nav")}</Link> : null}
            {user ? (
              <>
                <Link to="/notifications">{unread > 0 ? t("notifications.navUnread", { n: unread }) : t("notifications.nav")}</Link>
                <Link to="/account" title={t("nav.signedInAs", { name: user.name })}>
                  {t("nav.account")}
                </Link>
                <Form method="post" action="/logout" className="inline-form">
                  <button type="submit" className="link-button">
                    {t("nav.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <>
                <Link to="/login">{t("nav.signIn")}</Link>
                <Link to="/join">{t("nav.join")}</Link>
              </>
            )}
          </nav>
        </details>
        <LanguageSwitch />
      </div>
    </header>
  );
}

function Footer() {
  const { t } = useT();
  return (
    <footer className="site-footer">
      <p>{t("footer.agency")}</p>
      <p>
        <Link to="/outcomes">{t("outcomes.public.nav")}</Link>
      </p>
      <p>
        <Link to="/companies">{t("companiesList.title")}</Link>
      </p>
      <p>
        <a href="/healthz">{t("footer.health")}</a>
      </p>
    </footer>
  );
}

export default function App() {
  const rootData = useLoaderData<typeof loader>();
  const { lang } = rootData;
  const flash = useFlashOfThisPage(rootData, rootData.flash);
  const { t } = useT();
  return (
    <Document lang={lang}>
      <a href="#main" className="skip-link">
        {t("nav.skipToContent")}
      </a>
      <Header />
      <main id="main" className="page" tabIndex={-1}>
        {flash ? (
          <p className="notice notice--ok" role="status">
            {t(flash)}
          </p>
        ) : null}
        <TwoStepReminder daysLeft={rootData.twoStepDaysLeft} />
        <Outlet />
      </main>
      <Footer />
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const i18n = useMaybeT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  if (!i18n) {
    // No catalog to read (the root loader failed, or did not run because an action's error
    // reached this boundary, e.g. a 413 from readForm): say it in all three languages.
    const refusal = status === 405 || status === 413 ? LANGS.map((l) => httpMessages[l][`error.${status}.title`]).join(" · ") : null;
    const heading = refusal ?? "Ката кетти · Что-то пошло не так · Something went wrong";
    return (
      <Document lang="ky" title={heading}>
        <main id="main" className="page">
          <h1>{heading}</h1>
          <p>
            <a href="/">Башкы бет · Главная · Home</a>
          </p>
        </main>
      </Document>
    );
  }
  const code = errorPageCode(status);
  return (
    <Document lang={i18n.lang} title={`${i18n.t(`error.${code}.title`)} · ${i18n.t("brand.name")}`}>
      <Header />
      <main id="main" className="page" tabIndex={-1}>
        <ErrorPage status={status} />
      </main>
      <Footer />
    </Document>
  );
}
