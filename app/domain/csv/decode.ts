// Bytes → text: UTF-8 only (a leading BOM is dropped), with a clear reason for the files
// people actually send instead (Windows-1251 from old Excel, UTF-16, a workbook).
import { MAX_FILE_BYTES } from "./limits";
import type { CsvFileProblem } from "./messages";

export type Decoded = { ok: true; text: string } | { ok: false; problem: CsvFileProblem };

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

export function decodeCsvBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, problem: { key: "import.error.empty" } };
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problem: { key: "import.error.tooLarge", vars: { max: MAX_FILE_BYTES / 1024 / 1024 } } };
  // .xlsx (a zip) and .xls (an OLE compound file) are the usual "CSV" that is not one.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return { ok: false, problem: { key: "import.error.spreadsheet" } };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return { ok: false, problem: { key: "import.error.utf16" } };
  let text: string;
  try {
    // ignoreBOM: false → a leading UTF-8 BOM is consumed, not returned as U+FEFF.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const loose = new TextDecoder("utf-8").decode(bytes);
    const at = loose.indexOf("\uFFFD");
    const line = at < 0 ? 1 : loose.slice(0, at).split("\n").length;
    return { ok: false, problem: { key: "import.error.encoding", vars: { line } } };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a second BOM, or one from an editor that doubled it
  if (text.includes("\u0000")) return { ok: false, problem: { key: "import.error.binary" } };
  if (text.trim() === "") return { ok: false, problem: { key: "import.error.empty" } };
  return { ok: true, text };
}
