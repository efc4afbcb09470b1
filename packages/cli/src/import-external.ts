/**
 * Imports a package that is not bundled (tinypool, which starts its workers from its own files). Here a
 * plain `import()`; the esbuild bundle replaces this module (scripts/bundle.mjs), because the bundle runs as
 * a vm.Script, where `import()` is unavailable, and uses the importer the bin's loader passes in.
 */
export function importExternal<T>(specifier: string): Promise<T> {
  return import(specifier) as Promise<T>;
}
