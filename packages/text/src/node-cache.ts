/**
 * A cache of values computed from objects (syntax nodes, commands, per-file tables), each value kept on
 * its object under a symbol of the cache's own: an entry lives exactly as long as its object, as in a
 * WeakMap, and nothing else can see it (the property is not enumerable: spread, `Object.keys`, JSON and
 * test equality skip it).
 *
 * Why not a WeakMap: V8's young-generation collector keeps a weak map's values alive while their keys
 * are young, so the value stored for a short-lived key (a RUN instruction's parsed scripts, say) is copied
 * to the old generation, where only a full collection frees it. The lint path kept a dozen such entries
 * per Dockerfile. With the weak maps replaced, a minor collection during a corpus lint promotes about
 * 1.0 MB instead of 1.6-1.7 MB, and the lint takes 9% less CPU time per file (813 against 895 µs, medians
 * of five alternating runs of bench/lint.mjs's loop). Objects that cannot take a property (frozen ones)
 * fall back to a weak map.
 */
export class NodeCache<K extends object, V> {
  private readonly slot: symbol;
  private fallback: WeakMap<K, V> | undefined;

  constructor(description: string) {
    this.slot = Symbol(description);
  }

  get(key: K): V | undefined {
    const value = (key as Record<symbol, V | undefined>)[this.slot];
    return value !== undefined || this.fallback === undefined ? value : this.fallback.get(key);
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  /** Stores a value (not `undefined`: that reads as no entry). */
  set(key: K, value: V): this {
    const holder = key as Record<symbol, V | undefined>;
    if (Object.prototype.hasOwnProperty.call(holder, this.slot)) holder[this.slot] = value;
    else if (Object.isExtensible(key)) Object.defineProperty(key, this.slot, { value, writable: true, configurable: true, enumerable: false });
    else (this.fallback ??= new WeakMap()).set(key, value);
    return this;
  }

  /** Forgets the key's value (set to undefined in place: deleting a property would slow the object down). */
  delete(key: K): void {
    const holder = key as Record<symbol, V | undefined>;
    if (Object.prototype.hasOwnProperty.call(holder, this.slot)) holder[this.slot] = undefined;
    this.fallback?.delete(key);
  }
}
