/** `--shard I/N`: 1-based slice I of N. */
export interface Shard {
  index: number;
  total: number;
}

export function parseShard(s: string): Shard | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(s);
  if (!m) return undefined;
  const index = Number(m[1]);
  const total = Number(m[2]);
  if (total < 1 || index < 1 || index > total) return undefined;
  return { index, total };
}

/** 32-bit FNV-1a over the UTF-8 bytes: tiny, stable across Node versions and platforms. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(s, "utf8")) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The key a path is sharded by: relative to the working directory, forward slashes, no leading `./`. */
export function shardKey(relativePath: string): string {
  return relativePath.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
}

/** Whether the unit keyed by `key` belongs to `shard`; every key lands in exactly one shard. */
export function inShard(key: string, shard: Shard): boolean {
  return fnv1a(shardKey(key)) % shard.total === shard.index - 1;
}
