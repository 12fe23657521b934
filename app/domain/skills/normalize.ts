// How typed skill text is compared: case-, accent- and punctuation-insensitive, ё = е,
// so "Node.js", "nodejs" and "NODE JS" are one key, while "C", "C++" and "C#" stay apart.

const CYRILLIC_LOOKALIKES: Record<string, string> = {
  а: "a",
  в: "b",
  е: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
};

/** "С++" typed with a Cyrillic С, or "Рython" with a Cyrillic Р, means the Latin word (judged word by word). */
function fixMixedScriptWord(s: string): string {
  const cyrillic = s.match(/\p{Script=Cyrillic}/gu) ?? [];
  if (cyrillic.length === 0) return s;
  const allLookalikes = cyrillic.every((ch) => ch in CYRILLIC_LOOKALIKES);
  const looksLatin = /[a-z+#]/.test(s);
  if (!allLookalikes || !looksLatin) return s;
  return s.replace(/\p{Script=Cyrillic}/gu, (ch) => CYRILLIC_LOOKALIKES[ch] ?? ch);
}

export function normalizeSkillText(input: string): string {
  const lowered = input.normalize("NFC").toLowerCase().replace(/ё/g, "е");
  // Strip accents, but keep й (it decomposes to и + breve and is a letter of its own).
  const unaccented = lowered
    .replace(/й/g, "\uE000")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/\uE000/g, "й");
  return unaccented.replace(/[\p{L}\p{N}+#]+/gu, fixMixedScriptWord).replace(/[^\p{L}\p{N}+#]/gu, "");
}
