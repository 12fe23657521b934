import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { DropNulBytes } from "~/server/drop-nul-bytes";

async function through(chunks: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks).pipe(new DropNulBytes())) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

describe("DropNulBytes", () => {
  it("removes the zero padding React 18 leaves when a Cyrillic letter crosses its buffer", async () => {
    const text = "Удалить: Вёрстка HTML/CSS";
    const bytes = Buffer.from(text);
    const at = bytes.indexOf(Buffer.from("ё"));
    const padded = [Buffer.concat([bytes.subarray(0, at), Buffer.alloc(1)]), bytes.subarray(at)];
    expect((await through(padded)).toString("utf8")).toBe(text);
  });
  it("passes clean chunks through untouched", async () => {
    const chunks = [Buffer.from("Кыргызча "), Buffer.from("ө ү ң")];
    expect((await through(chunks)).toString("utf8")).toBe("Кыргызча ө ү ң");
  });
});

describe("streamed server rendering through DropNulBytes", () => {
  // Without the filter (a plain PassThrough) this test fails on React 18.3: NUL bytes appear.
  it("sends exactly what renderToString renders, for many short Cyrillic texts that cross React's 2 KB buffer", async () => {
    const { createElement } = await import("react");
    const { renderToPipeableStream, renderToString } = await import("react-dom/server");
    const items = Array.from({ length: 600 }, (_, i) => createElement("li", { key: i, "aria-label": `Удалить: Вёрстка ${i}` }, `Көндүм ${i}: ёжик`));
    const tree = createElement("ul", null, items);
    const streamed = await new Promise<Buffer>((resolve, reject) => {
      const out: Buffer[] = [];
      const sink = new DropNulBytes();
      sink.on("data", (c: Buffer) => out.push(c));
      sink.on("end", () => resolve(Buffer.concat(out)));
      sink.on("error", reject);
      const { pipe } = renderToPipeableStream(tree, { onAllReady: () => pipe(sink), onError: reject });
    });
    expect(streamed.includes(0)).toBe(false);
    expect(streamed.toString("utf8")).toBe(renderToString(tree));
  });
});
