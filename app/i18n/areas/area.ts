/**
 * Messages of one area of the portal (profile, portfolio, import …), kept in one file in
 * all three languages. The English object defines the keys; the types force ky and ru to
 * have exactly the same ones. Areas are merged into the main catalogs in messages/*.ts.
 */
export type AreaMessages<E extends Record<string, string>> = {
  en: E;
  ru: { [K in keyof E]: string };
  ky: { [K in keyof E]: string };
};
