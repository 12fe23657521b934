import { Link, useLocation } from "@remix-run/react";

/**
 * `also`: other addresses that belong to the item — a vacancy's applicants to the dashboard, an
 * application to the list of applicants — so the folded menu on a phone always names where one is
 * (probe-ux: «Иш берүүчү:» with nothing after it on every page of a vacancy).
 */
type Item = { to: string; label: string; end?: boolean; also?: readonly string[] };

/**
 * The one item marked active here: the longest `to` that matches (so /staff/outcomes/follow-up beats
 * /staff, and /staff/reports/annual beats /staff/reports — NavLink would mark both of the latter).
 */
function currentItem<I extends Item>(items: I[], pathname: string): I | undefined {
  const path = pathname.replace(/\/+$/, "") || "/";
  const under = (prefix: string) => path === prefix || path.startsWith(`${prefix}/`);
  // How closely the item matches: the length of its longest matching address, -1 when none does.
  const closeness = (i: Item) =>
    Math.max(path === i.to || (!i.end && under(i.to)) ? i.to.length : -1, ...(i.also ?? []).map((a) => (under(a) ? a.length : -1)));
  let best: I | undefined;
  for (const i of items) if (closeness(i) >= 0 && (!best || closeness(i) > closeness(best))) best = i;
  return best;
}

/**
 * The second-level menu of a section (graduate's area, administration, placement office).
 * On a phone the ten tabs would fill the first screen, so there they fold into one disclosure
 * that names the current section; on a wide screen the tabs show as a row. <details> needs no
 * JavaScript; CSS picks one of the two by width (docs/decisions/032-phone-navigation-and-tables.md).
 */
export function SectionNav({ label, items }: { label: string; items: Item[] }) {
  const { pathname } = useLocation();
  const current = currentItem(items, pathname);
  const links = (
    <>
      {items.map((item) => (
        <Link key={item.to} to={item.to} className={item === current ? "is-active" : undefined} aria-current={item === current ? "page" : undefined}>
          {item.label}
        </Link>
      ))}
    </>
  );
  return (
    <nav className="section-nav" aria-label={label}>
      {/* key: a client navigation to another section renders a fresh, closed disclosure */}
      <details className="section-nav__menu" key={pathname}>
        {/* The ▼ is an element of its own beside the names, so a long name (Kyrgyz ones are) shrinks to
            an ellipsis instead of pushing it onto a line of its own (polish; page-tours checks every name). */}
        <summary>
          <span className="section-nav__where">
            <span className="section-nav__area">{label}</span> {current ? <strong className="section-nav__current">{current.label}</strong> : null}
          </span>
          <span className="section-nav__marker" aria-hidden="true" />
        </summary>
        <div className="section-nav__list">{links}</div>
      </details>
      <div className="section-nav__tabs">{links}</div>
    </nav>
  );
}
