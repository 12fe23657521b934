// A small reader of the PDFs Chromium prints (Skia's writer): numbered objects with plain dictionaries
// and (Flate-compressed) streams, no object streams. Enough to count pages, check that every font is
// embedded, read the ToUnicode maps and follow a tagged PDF's structure tree (docs/decisions/065-annual-report.md).
import zlib from "node:zlib";

export type PdfObject = { id: number; dict: string; stream: Buffer | null };

/** Every "N 0 obj … endobj" of the file, its dictionary text and its stream (inflated when Flate). */
export function pdfObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString("latin1");
  if (!text.startsWith("%PDF-")) throw new Error("not a PDF");
  if (/\/Type\s*\/ObjStm/.test(text)) throw new Error("object streams: this reader cannot see inside them");
  const objects = new Map<number, PdfObject>();
  const header = /(\d+) 0 obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = header.exec(text))) {
    const start = m.index + m[0].length;
    const streamAt = text.indexOf("stream", start);
    const endAt = text.indexOf("endobj", start);
    let dict: string;
    let stream: Buffer | null = null;
    if (streamAt !== -1 && streamAt < endAt && text.slice(start, streamAt).trimEnd().endsWith(">>")) {
      dict = text.slice(start, streamAt);
      const dataStart = streamAt + "stream".length + (text[streamAt + 6] === "\r" ? 2 : 1);
      const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
      const dataEnd = length ? dataStart + Number(length[1]) : text.indexOf("endstream", dataStart);
      const raw = Buffer.from(text.slice(dataStart, dataEnd), "latin1");
      stream = /\/FlateDecode/.test(dict) ? zlib.inflateSync(raw, { finishFlush: zlib.constants.Z_SYNC_FLUSH }) : raw;
      const after = text.indexOf("endobj", dataEnd);
      header.lastIndex = after;
    } else {
      dict = text.slice(start, endAt);
      header.lastIndex = endAt;
    }
    objects.set(Number(m[1]), { id: Number(m[1]), dict, stream });
  }
  return objects;
}

/** The page objects in document order (the /Kids of the page tree, depth first). */
export function pdfPages(objects: Map<number, PdfObject>): number[] {
  const root = [...objects.values()].find((o) => /\/Type\s*\/Pages\b/.test(o.dict) && !/\/Parent\b/.test(o.dict));
  if (!root) throw new Error("no page tree");
  const walk = (o: PdfObject): number[] => {
    if (!/\/Type\s*\/Pages\b/.test(o.dict)) return [o.id];
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(o.dict)![1]!;
    return [...kids.matchAll(/(\d+) 0 R/g)].flatMap((k) => walk(objects.get(Number(k[1]))!));
  };
  return walk(root);
}

/** Font dictionaries, their descriptors, and which descriptors carry no font file (not embedded). */
export function pdfFonts(objects: Map<number, PdfObject>) {
  const fonts = [...objects.values()].filter((o) => /\/Type\s*\/Font\b/.test(o.dict));
  const descriptors = [...objects.values()].filter((o) => /\/Type\s*\/FontDescriptor\b/.test(o.dict));
  const nameOf = (o: PdfObject) => /\/(?:BaseFont|FontName)\s*\/([^\s/<>[\]]+)/.exec(o.dict)?.[1] ?? `object ${o.id}`;
  return {
    fonts: fonts.map((o) => ({ id: o.id, name: nameOf(o), subtype: /\/Subtype\s*\/(\w+)/.exec(o.dict)?.[1] ?? "?", dict: o.dict })),
    descriptors: descriptors.map((o) => ({ id: o.id, name: nameOf(o), embedded: /\/FontFile[23]?\s+\d+ 0 R/.test(o.dict) })),
  };
}

/** Every Unicode text a ToUnicode map of the file maps a glyph to: what the embedded fonts drew. */
export function pdfMappedText(objects: Map<number, PdfObject>): string {
  let out = "";
  for (const o of objects.values()) {
    if (!o.stream) continue;
    const cmap = o.stream.toString("latin1");
    if (!cmap.includes("begincmap")) continue;
    const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((u) => parseInt(u, 16)));
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const pair of block[1]!.matchAll(/<[0-9A-Fa-f]+>\s*<([0-9A-Fa-f]+)>/g)) out += hex(pair[1]!);
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const range of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const count = parseInt(range[2]!, 16) - parseInt(range[1]!, 16);
        const first = parseInt(range[3]!, 16);
        for (let i = 0; i <= count; i++) out += String.fromCodePoint(first + i);
      }
  }
  return out;
}
