// The in-memory views keep their columns in typed arrays indexed by id (app/models/directory-view.server.ts,
// app/models/follow-up-view.server.ts, app/models/text-hits-replica.server.ts).

/** `a` when it holds `size` elements already; else a copy at least twice as long, so growing one id at a time stays linear. */
export function grown<T extends Int8Array | Uint8Array | Int32Array | Float64Array>(a: T, size: number, make: (n: number) => T): T {
  if (a.length >= size) return a;
  const b = make(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}
