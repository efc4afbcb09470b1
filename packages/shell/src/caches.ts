/** The package's caches of parse results, emptied together by `clearShellParseCache`. */
const clearers: (() => void)[] = [];

export function registerCache(clear: () => void): void {
  clearers.push(clear);
}

/** Empties every parse cache of the package (for benchmarks and memory-conscious hosts). */
export function clearShellParseCache(): void {
  for (const clear of clearers) clear();
}

/**
 * A least-recently-used cache from a key to its last few values, newest first: the same text kept at a
 * few places (source layouts). Registered with `clearShellParseCache`.
 */
export class RecentValues<K, V> {
  private readonly map = new Map<K, V[]>();

  constructor(
    private readonly maxKeys: number,
    private readonly perKey: number,
  ) {
    registerCache(() => this.map.clear());
  }

  /** The values of a key, newest first; does not refresh the key (see `touch`). */
  values(key: K): readonly V[] | undefined {
    return this.map.get(key);
  }

  /** Marks a key as just used. */
  touch(key: K): void {
    const values = this.map.get(key);
    if (!values) return;
    this.map.delete(key);
    this.map.set(key, values);
  }

  /** Adds a value as the key's newest, dropping its oldest beyond `perKey` and the oldest key beyond `maxKeys`. */
  add(key: K, value: V): void {
    const values = this.map.get(key);
    if (values) {
      this.map.delete(key);
      values.unshift(value);
      if (values.length > this.perKey) values.pop();
    }
    this.map.set(key, values ?? [value]);
    if (this.map.size > this.maxKeys) this.map.delete(this.map.keys().next().value!);
  }
}
