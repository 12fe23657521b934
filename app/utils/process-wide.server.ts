// State that must be one per process although two bundles load this code (the Express entry
// build/server.js and the Remix build it imports): kept on globalThis under a registered symbol.
export function processWide<T>(name: string, make: () => T): T {
  const key = Symbol.for(`htp-portal.${name}`);
  const g = globalThis as typeof globalThis & Record<symbol, T | undefined>;
  return (g[key] ??= make());
}
