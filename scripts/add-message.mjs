// Dev helper: node scripts/add-message.mjs key "en text" "ru text" "ky text" — appends one key to all three catalogs.
import fs from "node:fs";
const [key, en, ru, ky] = process.argv.slice(2);
if (!key || !en || !ru || !ky) throw new Error("usage: add-message key en ru ky");
for (const [lang, text] of [["en", en], ["ru", ru], ["ky", ky]]) {
  const file = `app/i18n/messages/${lang}.ts`;
  const src = fs.readFileSync(file, "utf8");
  if (src.includes(`"${key}":`)) throw new Error(`${key} already in ${file}`);
  const closing = lang === "en" ? "} as const;" : "\n};";
  const at = src.lastIndexOf(closing);
  fs.writeFileSync(file, `${src.slice(0, at).replace(/\s*$/, "")}\n  ${JSON.stringify(key)}: ${JSON.stringify(text)},${lang === "en" ? "\n" : ""}${src.slice(at)}`);
}
