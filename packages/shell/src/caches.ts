/** The package's caches of parse results, emptied together by `clearShellParseCache`. */
const clearers: (() => void)[] = [];

export function registerCache(clear: () => void): void {
  clearers.push(clear);
}

/** Empties every parse cache of the package (for benchmarks and memory-conscious hosts). */
export function clearShellParseCache(): void {
  for (const clear of clearers) clear();
}
