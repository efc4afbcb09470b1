import { composeSchema } from "./schema/spec.js";
import type { Schema } from "./schema/types.js";

/**
 * Lookups into the specification table for editor features. A path is the chain of mapping keys and list
 * indexes from the top of the file, e.g. `["services", "web", "build", "context"]` or
 * `["services", "web", "ports", "0", "target"]`. Names of services and resources are free keys.
 */

/** The schema (or schemas, for keys with several forms) that describe the value at `path`. */
export function schemasAt(path: readonly string[]): Schema[] {
  let current: Schema[] = [composeSchema];
  for (const seg of path) {
    const next: Schema[] = [];
    for (const s of expand(current)) {
      if (s.kind === "object") {
        const f = s.fields[seg];
        if (f) next.push(f);
      } else if (s.kind === "dict") next.push(s.value);
      else if (s.kind === "list") next.push(s.items);
    }
    if (!next.length) return [];
    current = next;
  }
  return current;
}

/** Union branches stand for the value itself. */
function expand(list: Schema[]): Schema[] {
  const out: Schema[] = [];
  for (const s of list) {
    if (s.kind === "union") out.push(...expand([s.scalar, s.map, s.list].filter((x): x is Schema => !!x)));
    else out.push(s);
  }
  return out;
}

/** The one-line description of the key at the end of `path`, if it is a known key. */
export function describeKey(path: readonly string[]): string | undefined {
  if (path.length && path[path.length - 1]!.startsWith("x-")) return "An extension field: Compose ignores it; use it for anchors and tool settings.";
  const s = schemasAt(path);
  return s[0]?.doc;
}

export interface KeyInfo {
  key: string;
  doc: string;
  /** The YAML shapes the key accepts, for completion snippets. */
  kinds: ("scalar" | "mapping" | "list")[];
  deprecated?: string;
}

/** The keys a mapping at `path` accepts (for completion), with their descriptions. */
export function keysAt(path: readonly string[]): KeyInfo[] {
  const out = new Map<string, KeyInfo>();
  for (const s of expand(schemasAt(path))) {
    if (s.kind !== "object") continue;
    for (const [key, f] of Object.entries(s.fields)) {
      if (out.has(key)) continue;
      const info: KeyInfo = { key, doc: f.doc ?? "", kinds: kindsOf(f) };
      if (f.deprecated) info.deprecated = f.deprecated;
      out.set(key, info);
    }
  }
  return [...out.values()];
}

function kindsOf(s: Schema): KeyInfo["kinds"] {
  const out = new Set<KeyInfo["kinds"][number]>();
  for (const x of expand([s])) {
    if (x.kind === "object" || x.kind === "dict") out.add("mapping");
    else if (x.kind === "list") out.add("list");
    else if (x.kind === "keyvalue") {
      out.add("mapping");
      out.add("list");
    } else out.add("scalar");
  }
  return [...out];
}

/** The values a scalar at `path` may take, when the specification lists them (plus common ones for free text). */
export function enumValuesAt(path: readonly string[]): string[] {
  const out = new Set<string>();
  for (const s of expand(schemasAt(path))) {
    if (s.kind === "string" && s.enum) s.enum.forEach((v) => out.add(v));
    if (s.kind === "bool") ["true", "false"].forEach((v) => out.add(v));
  }
  const last = path[path.length - 1];
  const known = last !== undefined ? SUGGESTED_VALUES[last] : undefined;
  if (known && !out.size) known.forEach((v) => out.add(v));
  return [...out];
}

/** Values the schema leaves as free text but Compose documents as a fixed set. */
const SUGGESTED_VALUES: Record<string, string[]> = {
  restart: ["no", "always", "on-failure", "unless-stopped"],
  pull_policy: ["always", "never", "missing", "build", "daily", "weekly"],
  network_mode: ["none", "host", "bridge"],
  ipc: ["host", "shareable", "private"],
  pid: ["host"],
  mode: ["replicated", "global", "replicated-job", "global-job", "host", "ingress"],
  endpoint_mode: ["vip", "dnsrr"],
  condition: ["none", "on-failure", "any", "service_started", "service_healthy", "service_completed_successfully"],
  failure_action: ["continue", "rollback", "pause"],
  protocol: ["tcp", "udp", "sctp"],
  driver: ["bridge", "overlay", "host", "none", "macvlan", "local", "json-file", "syslog", "journald", "none"],
};
