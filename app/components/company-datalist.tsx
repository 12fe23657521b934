// Known companies to pick from while typing an employer's name (docs/product.md §6): a native <datalist>, so it
// works without JavaScript; each option carries the name in the other script as its label, so the list
// filters on Latin or Cyrillic. Whatever is typed is matched to a company on the server
// (app/models/employer-links.server.ts); a name no company has stays free text.
export function CompanyDatalist({ id, companies }: { id: string; companies: readonly { name: string; other: string }[] }) {
  return (
    <datalist id={id}>
      {companies.map((c) => (
        <option key={c.name} value={c.name} label={c.other === c.name ? undefined : c.other} />
      ))}
    </datalist>
  );
}
