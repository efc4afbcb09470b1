/**
 * The string hash the cache model keys vertices with: cyrb53's two mixed 32-bit lanes, returned as five
 * characters of 13 bits each in U+4000..U+5FFF. Keys only meet other keys (in sets, and inside longer keys
 * joined by `\0`), never a user, and building them from char codes is far cheaper than `toString(36)`.
 */
export function hash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const lo = h1 >>> 0;
  const hi = h2 >>> 0;
  return String.fromCharCode(
    0x4000 | (lo & 0x1fff),
    0x4000 | ((lo >>> 13) & 0x1fff),
    0x4000 | ((lo >>> 26) | ((hi & 0x7f) << 6)),
    0x4000 | ((hi >>> 7) & 0x1fff),
    0x4000 | (hi >>> 20),
  );
}

/**
 * The hash of an op definition's parts (strings, numbers, booleans, null/undefined, nested arrays, and
 * objects with a `toJSON` such as `BuildEnvKey`). Each part is written with its length or a tag, so distinct
 * part lists give distinct texts; cheaper than `JSON.stringify`, which escapes the `\0`s in them.
 */
export function hashParts(parts: readonly unknown[]): string {
  return hash(serialize(parts));
}

function serialize(value: unknown): string {
  if (typeof value === "string") return `${value.length}:${value}`;
  if (Array.isArray(value)) {
    let out = "[";
    for (const v of value) out += serialize(v);
    return out + "]";
  }
  if (typeof value === "number" || typeof value === "boolean") return `${typeof value === "number" ? "n" : "b"}${String(value)};`;
  if (value === null || value === undefined) return "-";
  const json = (value as { toJSON?: () => unknown }).toJSON;
  return typeof json === "function" ? `j${serialize(json.call(value))}` : `o${JSON.stringify(value)};`;
}
