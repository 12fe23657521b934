// readBoundedForm (issue 13, item 11): the limits hold before parsing, and a form within them
// reads exactly as Request.formData() would.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type BodyLimits, readBoundedBytes, readBoundedForm } from "~/utils/request-body.server";

const LIMITS: BodyLimits = { maxBytes: 1_000, maxFields: 5, maxFieldBytes: 100, maxParts: 5 };

const urlencoded = (body: string, headers: Record<string, string> = {}) =>
  new Request("http://x/f", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers }, body });

function multipart(parts: [string, string | File][]): Request {
  const form = new FormData();
  for (const [k, v] of parts) form.append(k, v);
  return new Request("http://x/f", { method: "POST", body: form });
}

describe("readBoundedForm", () => {
  it("reads a urlencoded and a multipart form within the limits like formData() does", async () => {
    const a = await readBoundedForm(urlencoded("name=%D0%96%D0%B0%D0%BD%D1%8B&x=1&x=2&empty="), LIMITS);
    expect(a.ok && [...a.form.entries()]).toEqual([
      ["name", "Жаны"],
      ["x", "1"],
      ["x", "2"],
      ["empty", ""],
    ]);
    const b = await readBoundedForm(
      multipart([
        ["intent", "upload"],
        ["file", new File(["abc"], "a.png", { type: "image/png" })],
      ]),
      LIMITS,
    );
    expect(b.ok).toBe(true);
    if (b.ok) {
      expect(b.form.get("intent")).toBe("upload");
      expect(await (b.form.get("file") as File).text()).toBe("abc");
    }
  });

  it("answers 413 for too many bytes (declared or not), fields, parts or bytes in one field", async () => {
    const cases: [string, Request][] = [
      ["declared", urlencoded("a=1", { "Content-Length": "5000" })],
      ["streamed", urlencoded(`a=${"x".repeat(2_000)}`)],
      ["fields", urlencoded("a=&b=&c=&d=&e=&f=")],
      ["parts", multipart(Array.from({ length: 6 }, (_, i) => [`f${i}`, new File([""], "a")] as [string, File]))],
      ["field bytes", urlencoded(`a=${"я".repeat(60)}`)],
    ];
    for (const [name, request] of cases) expect(await readBoundedForm(request, LIMITS), name).toEqual({ ok: false, status: 413 });
  });

  it("answers 400 for a body that is not a form, or a multipart body without its boundary", async () => {
    const plain = new Request("http://x/f", { method: "POST", headers: { "Content-Type": "text/plain" }, body: "a=1" });
    expect(await readBoundedForm(plain, LIMITS)).toEqual({ ok: false, status: 400 });
    const noBoundary = new Request("http://x/f", { method: "POST", headers: { "Content-Type": "multipart/form-data" }, body: "--x\r\n" });
    expect(await readBoundedForm(noBoundary, LIMITS)).toEqual({ ok: false, status: 400 });
    const broken = new Request("http://x/f", {
      method: "POST",
      headers: { "Content-Type": 'multipart/form-data; boundary="x"' },
      body: "not multipart at all",
    });
    expect(await readBoundedForm(broken, LIMITS)).toEqual({ ok: false, status: 400 });
  });
});

// Decision 078: the webhook read its body with request.text() — whole, whatever its size — after the
// secret check. Every body is read by the bounded readers here; no other module reads one itself.
describe("request bodies are read only within limits", () => {
  const unbounded = /\b(request|req)\s*\.\s*(text|json|arrayBuffer|formData|blob)\s*\(\s*\)/;
  const files = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));

  it("the check recognises a whole-body read", () => {
    expect(unbounded.test("const text = await request.text();")).toBe(true);
    expect(unbounded.test("await request .formData( )")).toBe(true);
    expect(unbounded.test("await readBoundedBytes(request, MAX_BODY)")).toBe(false);
  });

  it("no module in app/ reads a request body whole (readForm, readBoundedForm, readBoundedBytes do)", () => {
    const offenders = files("app").filter((f) => f !== path.join("app", "utils", "request-body.server.ts") && unbounded.test(fs.readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });

  it("readBoundedBytes stops past its limit, declared or streamed", async () => {
    const body = (n: number, headers: Record<string, string> = {}) => new Request("http://x/w", { method: "POST", headers, body: "x".repeat(n) });
    expect(Buffer.from((await readBoundedBytes(body(100), 100))!).toString()).toBe("x".repeat(100));
    expect(await readBoundedBytes(body(101), 100)).toBeNull();
    expect(await readBoundedBytes(body(10, { "Content-Length": "5000" }), 100)).toBeNull();
  });
});
