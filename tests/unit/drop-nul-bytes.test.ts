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
