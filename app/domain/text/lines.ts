// Typed lists: one entry per line (or comma, or semicolon), blanks dropped.

export function splitLines(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(/[\n\r,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
