import type { DiagnosticSink } from "./codes.js";
import type { CEntry, CMap, CNode, CScalar, CSeq } from "./node.js";
import { getValue, scalarText, subRange } from "./node.js";
import { parsePortSpec, parseVolumeSpec } from "./schema/short.js";

/**
 * Merges Compose trees the way `docker compose -f a -f b` does (and `extends`, with the base first): mappings
 * merge key by key, later scalars win, most sequences append, some are replaced, and lists of ports, volumes,
 * secrets, environment entries and the like are merged by their key, the later entry winning. `!reset`
 * removes an inherited value and `!override` replaces it whole. Every node keeps the file it came from.
 */
export function mergeTrees(base: CNode | undefined, over: CNode | undefined, sink: DiagnosticSink, path: string[] = []): CNode | undefined {
  if (!over) return base;
  if (over.tag === "reset") return undefined;
  if (over.tag === "override" || !base) return stripTag(over);
  const p = pattern(path);
  if (REPLACED.has(p)) return over;
  if (KEYED_MAPPING_LISTS.has(p)) return mergeKeyValue(base, over, p);
  if (p === "services.*.depends_on" || p === "services.*.networks" || p === "services.*.models") return mergeMaps(asNameMap(base), asNameMap(over), sink, path);
  if (p === "services.*.build" && (base.kind === "scalar" || over.kind === "scalar")) return mergeTrees(buildAsMap(base), buildAsMap(over), sink, path);
  if (p === "services.*.logging" && base.kind === "map" && over.kind === "map") {
    const bd = getValue(base, "driver");
    const od = getValue(over, "driver");
    if (bd && od && bd.kind === "scalar" && od.kind === "scalar" && bd.value !== od.value) return over;
  }
  if (STRING_OR_LIST.has(p) && (base.kind === "scalar" || over.kind === "scalar") && base.kind !== "map" && over.kind !== "map") {
    return mergeSeqs(asSeq(base), asSeq(over), p);
  }
  if (base.kind === "map" && over.kind === "map") return mergeMaps(base, over, sink, path);
  if (base.kind === "seq" && over.kind === "seq") return mergeSeqs(base, over, p);
  if (base.kind !== over.kind && (base.kind !== "scalar" || base.value !== null) && (over.kind !== "scalar" || over.value !== null)) {
    if (base.kind !== "scalar" || over.kind !== "scalar") {
      // Scalars that replace collections (and the other way round) are only legal where a short form exists.
      if (!SHORT_FORM_OK.has(p)) sink.report("merge-conflict", `Can't merge ${path.join(".")}: a ${kindWord(over)} here overrides a ${kindWord(base)} from ${base.file}`, over.range, over.file);
    }
  }
  return over;
}

function kindWord(n: CNode): string {
  return n.kind === "map" ? "mapping" : n.kind === "seq" ? "list" : "value";
}

function stripTag(n: CNode): CNode {
  if (!n.tag) return n;
  const { tag: _tag, ...c } = n;
  return c as CNode;
}

const TOP_SECTIONS = new Set(["services", "networks", "volumes", "secrets", "configs", "models"]);
/** Mappings of a service whose keys are names chosen by the user. */
const FREE_KEY_MAPS = new Set(["ulimits", "depends_on", "networks", "models"]);

/** A path with user-chosen names (services, resources, ulimits, ...) replaced by `*`, for the rule tables below. */
function pattern(path: string[]): string {
  return path
    .map((s, i) => {
      if (i === 1 && TOP_SECTIONS.has(path[0]!)) return "*";
      if (i >= 3 && path[0] === "services" && FREE_KEY_MAPS.has(path[i - 1]!) && (i === 3 || (i === 4 && path[2] === "build"))) return "*";
      return s;
    })
    .join(".");
}

/** Removes what `!reset` marks: once files are merged, a reset value means "not set". */
export function dropResets<T extends CNode>(n: T): T {
  // Parts without a reset are returned as they are, so a tree without any comes back whole.
  if (withoutResets.has(n)) return n;
  const out = dropResetsBelow(n);
  if (out === n && n.kind !== "scalar") withoutResets.add(n);
  return out;
}

/**
 * Maps and sequences with no `!reset` anywhere below them, found by earlier walks: a tree is built into
 * a model once per version of a file, and an edit shares (or only moves) every subtree but one.
 */
const withoutResets = new WeakSet<CNode>();

/** For a copy of `from` with the same values and tags (moved by an edit before it): known free of resets when `from` is. */
export function carryKnownWithoutResets(from: CNode, copy: CNode): void {
  if (withoutResets.has(from)) withoutResets.add(copy);
}

function dropResetsBelow<T extends CNode>(n: T): T {
  if (n.kind === "map") {
    let entries: CEntry[] | undefined;
    n.entries.forEach((e, i) => {
      const value = e.value.tag === "reset" ? undefined : dropResets(e.value);
      if (value === e.value) {
        entries?.push(e);
        return;
      }
      entries ??= n.entries.slice(0, i);
      if (value) entries.push({ ...e, value });
    });
    return entries ? { ...n, entries } : n;
  }
  if (n.kind === "seq") {
    let items: CNode[] | undefined;
    n.items.forEach((item, i) => {
      const value = item.tag === "reset" ? undefined : dropResets(item);
      if (value === item) {
        items?.push(item);
        return;
      }
      items ??= n.items.slice(0, i);
      if (value) items.push(value);
    });
    return items ? { ...n, items } : n;
  }
  return n;
}

/** Keys written as one string or a list of strings: a string merges like a one-item list. */
const STRING_OR_LIST = new Set(["services.*.env_file", "services.*.dns", "services.*.dns_search", "services.*.tmpfs", "services.*.label_file"]);

function asSeq(n: CNode): CSeq {
  if (n.kind === "seq") return n;
  const items = n.kind === "scalar" && n.value === null ? [] : [n];
  return { kind: "seq", items, range: n.range, file: n.file };
}

const REPLACED = new Set(["services.*.command", "services.*.entrypoint", "services.*.healthcheck.test"]);
const SHORT_FORM_OK = new Set(["services.*.ulimits.*", "services.*.build.ulimits.*", "services.*.build", "services.*.env_file", "services.*.extends", "services.*.tmpfs", "services.*.dns", "services.*.dns_search", "services.*.label_file", "services.*.gpus", "services.*.command", "services.*.entrypoint", "services.*.healthcheck.test"]);

/** Lists of KEY=VALUE and mappings, merged by key. */
const KEYED_MAPPING_LISTS = new Set([
  "services.*.environment",
  "services.*.labels",
  "services.*.annotations",
  "services.*.build.args",
  "services.*.build.labels",
  "services.*.build.additional_contexts",
  "services.*.deploy.labels",
  "services.*.sysctls",
  "services.*.extra_hosts",
  "networks.*.labels",
  "volumes.*.labels",
]);

function mergeMaps(base: CMap, over: CMap, sink: DiagnosticSink, path: string[]): CMap | undefined {
  const entries: CEntry[] = base.entries.map((e) => ({ ...e }));
  for (const e of over.entries) {
    const i = entries.findIndex((b) => b.key === e.key);
    if (i < 0) {
      if (e.value.tag === "reset") continue;
      entries.push({ ...e, value: stripTag(e.value) });
      continue;
    }
    const merged = mergeTrees(entries[i]!.value, e.value, sink, [...path, e.key]);
    if (merged === undefined) entries.splice(i, 1);
    else entries[i] = { ...entries[i]!, value: merged };
  }
  return { ...base, entries, file: base.file };
}

/** The identity of a list item: items with the same key replace each other. */
function itemKey(p: string, n: CNode): string | undefined {
  const text = n.kind === "scalar" ? scalarText(n) : undefined;
  switch (p) {
    case "services.*.ports": {
      if (text !== undefined) {
        const sp = parsePortSpec(text);
        if (!sp.ok) return `raw:${text}`;
        const v = sp.value;
        return `${v.hostIp ?? ""}:${v.published ?? ""}:${v.target}/${v.protocol ?? "tcp"}`;
      }
      if (n.kind === "map") {
        const g = (k: string) => {
          const v = getValue(n, k);
          return v && v.kind === "scalar" ? scalarText(v) : "";
        };
        return `${g("host_ip")}:${g("published")}:${g("target")}/${g("protocol") || "tcp"}`;
      }
      return undefined;
    }
    case "services.*.volumes":
    case "services.*.devices": {
      if (text !== undefined) {
        if (p === "services.*.devices") return text.split(":")[1] ?? text.split(":")[0];
        const sp = parseVolumeSpec(text);
        return sp.ok ? sp.value.target : `raw:${text}`;
      }
      if (n.kind === "map") {
        const t = getValue(n, "target");
        return t && t.kind === "scalar" ? scalarText(t) : undefined;
      }
      return undefined;
    }
    case "services.*.secrets":
    case "services.*.configs": {
      const prefix = p.endsWith("secrets") ? "/run/secrets/" : "/";
      if (text !== undefined) return prefix + text;
      if (n.kind === "map") {
        const t = getValue(n, "target");
        const s = getValue(n, "source");
        if (t && t.kind === "scalar") return scalarText(t).startsWith("/") ? scalarText(t) : prefix + scalarText(t);
        if (s && s.kind === "scalar") return prefix + scalarText(s);
      }
      return undefined;
    }
    case "networks.*.ipam.config":
      if (n.kind === "map") {
        const subnet = getValue(n, "subnet");
        return subnet && subnet.kind === "scalar" ? scalarText(subnet) : undefined;
      }
      return undefined;
    case "services.*.env_file":
      if (text !== undefined) return text;
      if (n.kind === "map") {
        const pth = getValue(n, "path");
        return pth && pth.kind === "scalar" ? scalarText(pth) : undefined;
      }
      return undefined;
    default:
      return text;
  }
}

function mergeSeqs(base: CSeq, over: CSeq, p: string): CSeq {
  const items = [...base.items];
  const index = new Map<string, number>();
  items.forEach((n, i) => {
    const k = itemKey(p, n);
    if (k !== undefined) index.set(k, i);
  });
  for (const n of over.items) {
    const k = itemKey(p, n);
    const at = k === undefined ? undefined : index.get(k);
    if (at !== undefined) items[at] = n;
    else {
      if (k !== undefined) index.set(k, items.length);
      items.push(n);
    }
  }
  return { ...base, items };
}

/** Turns both forms of a KEY=VALUE collection into ordered entries, merges by key, and keeps the mapping form. */
function mergeKeyValue(base: CNode, over: CNode, p: string): CNode {
  const a = asKeyMap(base, p);
  const b = asKeyMap(over, p);
  if (!a || !b) return over;
  const entries = [...a.entries];
  for (const e of b.entries) {
    const i = entries.findIndex((x) => x.key === e.key);
    if (i >= 0) entries[i] = e;
    else entries.push(e);
  }
  if (base.kind === "seq" && over.kind === "seq") {
    // Both were lists: keep a list so the model shows the list form the files used.
    const items = entries.map((e) => (e as CEntry & { item?: CNode }).item ?? e.value);
    return { ...base, items };
  }
  return { ...a, entries };
}

function asKeyMap(n: CNode, p: string): CMap | undefined {
  if (n.kind === "map") return n;
  if (n.kind === "scalar" && n.value === null) return { kind: "map", entries: [], range: n.range, file: n.file };
  if (n.kind !== "seq") return undefined;
  const sep = p.endsWith("extra_hosts") ? /[=:]/ : /=/;
  const entries: (CEntry & { item: CNode })[] = [];
  for (const it of n.items) {
    if (it.kind !== "scalar") continue;
    const text = scalarText(it);
    const m = sep.exec(text);
    const key = m ? text.slice(0, m.index) : text;
    const value: CScalar = m
      ? { kind: "scalar", value: text.slice(m.index + 1), style: "quoted", range: subRange(it, m.index + 1, text.length), file: it.file }
      : { kind: "scalar", value: null, style: "plain", range: it.range, file: it.file };
    entries.push({ key, keyRange: subRange(it, 0, key.length), keyFile: it.file, value, item: it });
  }
  return { kind: "map", entries, range: n.range, file: n.file };
}

/** depends_on / networks / models: a list of names becomes a mapping of names to null. */
function asNameMap(n: CNode): CMap {
  if (n.kind === "map") return n;
  if (n.kind === "seq") {
    return {
      kind: "map",
      range: n.range,
      file: n.file,
      entries: n.items
        .filter((i): i is CScalar => i.kind === "scalar")
        .map((i) => ({ key: scalarText(i), keyRange: i.range, keyFile: i.file, value: { kind: "scalar", value: null, style: "plain", range: i.range, file: i.file } as CScalar })),
    };
  }
  return { kind: "map", entries: [], range: n.range, file: n.file };
}

function buildAsMap(n: CNode): CNode {
  if (n.kind !== "scalar") return n;
  return { kind: "map", range: n.range, file: n.file, entries: [{ key: "context", keyRange: n.range, keyFile: n.file, value: n }] };
}
