// A Map that forgets its least recently used entry once it holds more than `limit`: a Map iterates in
// insertion order, so an entry read again is moved last and the first one is the one to drop. Used for
// the prepared statements (db/connection.ts) and the remembered outcome figures
// (app/models/outcome-facts.server.ts).
export class RecentlyUsed<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly limit: number) {}

  /** The value kept for `key` (now the most recently used), or undefined. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
  }
}
