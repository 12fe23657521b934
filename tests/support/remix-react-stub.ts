// Remix's React components and hooks as plain stand-ins, so a page component renders to a string in a
// unit test from data the test gives it. A test swaps the real module for this one with
//   vi.mock("@remix-run/react", () => import("../support/remix-react-stub"));
// and renders with renderPage (the stand-ins read what it sets).
import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import { expect } from "vitest";
import { NonceContext } from "~/components/nonce";
import { catalogs } from "~/i18n/catalog.server";
import type { LANGS } from "~/i18n/negotiate";

const current = { root: null as unknown, loader: null as unknown, action: undefined as unknown, location: { pathname: "/", search: "" } };

type Props = { children?: ReactNode; to?: string; method?: string; className?: string; action?: string; encType?: string };
export const Form = ({ children, method, className, action, encType }: Props) => createElement("form", { method, className, action, encType }, children);
export const Link = ({ children, to, className }: Props) => createElement("a", { href: to, className }, children);
export const NavLink = ({ children, to }: Props) => createElement("a", { href: to }, children);
export const useLoaderData = () => current.loader;
export const useActionData = () => current.action;
export const useRouteLoaderData = () => current.root;
export const useLocation = () => current.location;
/** A layout's child page: not rendered (a test renders the page it means on its own). */
export const Outlet = () => null;

/**
 * The page's HTML in one language, with the loader's (and the action's) data. Checks what every page
 * must hold: no inline style (the CSP forbids it), and no message key left untranslated — `keys`
 * matches what a raw key of the page's areas would look like.
 */
export function renderPage(
  lang: (typeof LANGS)[number],
  Page: () => ReactNode,
  data: { loader: unknown; action?: unknown; location?: { pathname: string; search: string }; user?: unknown },
  keys: RegExp,
): string {
  current.root = { messages: catalogs[lang], lang, user: data.user ?? null };
  current.loader = data.loader;
  current.action = data.action;
  current.location = data.location ?? { pathname: "/", search: "" };
  const html = renderToString(createElement(NonceContext.Provider, { value: "n0nce" }, createElement(Page)));
  expect(html).not.toMatch(/style=/);
  expect(html).not.toMatch(keys);
  return html;
}
