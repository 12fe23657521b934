import { Link, useLocation } from "@remix-run/react";

type Item = { to: string; label: string; end?: boolean };

/**
 * The one item marked active here: the longest `to` that matches (so /staff/outcomes/follow-up beats
 * /staff, and /staff/reports/annual beats /staff/reports — NavLink would mark both of the latter).
 */
function currentItem(items: Item[], pathname: string): Item | undefined {
  const path = pathname.replace(/\/+$/, "") || "/";
  return items.filter((i) => path === i.to || (!i.end && path.startsWith(`${i.to}/`))).sort((a, b) => b.to.length - a.to.length)[0];
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
        <summary>
          <span className="section-nav__area">{label}</span>
          {current ? <strong className="section-nav__current">{current.label}</strong> : null}
        </summary>
        <div className="section-nav__list">{links}</div>
      </details>
      <div className="section-nav__tabs">{links}</div>
    </nav>
  );
}
