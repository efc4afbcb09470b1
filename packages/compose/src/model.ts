import type { Range } from "@shipshape/text";
import type { CMap, CNode, CScalar } from "./node.js";
import { scalarText, subRange } from "./node.js";
import { isHostPath, parseDeviceSpec, parsePortSpec, parseVolumeSpec, type PortRange } from "./schema/short.js";
import type { KeyValue, Scalar } from "./validate.js";
import type { VariableReference } from "./interpolate-tree.js";

export type { KeyValue, Scalar, VariableReference };

/** Where something was written. */
export interface Located {
  range: Range;
  file: string;
}

/** A name or other reference written in the file, with the range of just that text. */
export interface Ref extends Located {
  value: string;
}

/** A mapping value of the model; keys not normalised further keep the generic shape (Scalar, KeyValue[], lists, nested objects). */
export interface Obj extends Located {
  keyRange?: Range;
  /** `x-*` keys of this mapping. */
  extensions: Record<string, CNode>;
  node?: CMap;
  [key: string]: any;
}

/** Something declared under a name (a service, network, volume, ...). */
export interface Named {
  name: string;
  /** The range of the name (the mapping key). */
  nameRange: Range;
  nameFile: string;
}

export interface ComposeFile extends Located {
  version?: Scalar<string>;
  name?: Scalar<string>;
  include: Include[];
  services: Record<string, Service>;
  networks: Record<string, Obj & Named>;
  volumes: Record<string, Obj & Named>;
  secrets: Record<string, Obj & Named>;
  configs: Record<string, Obj & Named>;
  models: Record<string, Obj & Named>;
  extensions: Record<string, CNode>;
  /** Every variable reference in the values, in order (for hover, completion and env-file checks). */
  variables: VariableReference[];
  /** The YAML tree the model was built from (after aliases, merge keys and interpolation). */
  root?: CMap;
}

export interface Include extends Located {
  path: Ref[];
  env_file: Ref[];
  project_directory?: Ref;
}

export interface Port extends Located {
  form: "short" | "long";
  /** Container port or range; absent when unparsable or interpolated. */
  target?: PortRange;
  /** Host port or range; absent when Compose picks one. */
  published?: PortRange;
  host_ip?: string;
  protocol: string;
  mode?: string;
  name?: string;
  app_protocol?: string;
  /** Ranges of the parts as written. */
  parts: { target?: Range; published?: Range; host_ip?: Range; protocol?: Range };
  /** True when a part still holds an unresolved `${...}`. */
  interpolated: boolean;
}

export interface ServiceVolume extends Located {
  form: "short" | "long";
  type: string;
  /** Host path, volume name or image; absent for an anonymous volume. */
  source?: Ref;
  target?: Ref;
  read_only?: boolean;
  /** Options of the short syntax (`ro`, `z`, `nocopy`, ...). */
  options: string[];
  /** Long-syntax details (bind, volume, tmpfs, image, consistency). */
  long?: Obj;
}

export interface DependsOn extends Located {
  service: Ref;
  condition: string;
  restart?: boolean;
  required: boolean;
  form: "short" | "long";
}

export interface ServiceNetwork extends Located {
  network: Ref;
  /** Settings of the long form (aliases, ipv4_address, ...). */
  config?: Obj;
}

export interface FileRef extends Located {
  source: Ref;
  target?: Ref;
  form: "short" | "long";
  long?: Obj;
}

export interface EnvFileRef extends Located {
  path: Ref;
  required: boolean;
  format?: string;
  /** The variables the file defines, once `loadProject` has read it. */
  vars?: Record<string, string>;
}

export interface Link extends Located {
  service: Ref;
  alias?: Ref;
}

export interface VolumesFrom extends Located {
  /** The service, or the container for `container:NAME`. */
  source: Ref;
  container: boolean;
  mode?: string;
}

export interface Build extends Obj {
  form: "short" | "long";
  context?: Scalar<string>;
  dockerfile?: Scalar<string>;
  target?: Scalar<string>;
  args?: KeyValue[];
  /** Build secrets, normalised like service secrets. */
  secrets?: FileRef[];
  /** `additional_contexts` entries whose value is `service:NAME`, with the range of NAME. */
  context_services?: Ref[];
}

export interface Extends extends Located {
  service: Ref;
  /** The `file:` the base service is in (absent: the same file). */
  source_file?: Ref;
}

export interface ServiceModel extends Located {
  model: Ref;
  config?: Obj;
}

export interface Device extends Located {
  source?: string;
  target?: string;
  permissions?: string;
}

/**
 * A service. Keys of the specification appear under their own names; the ones with short and long syntaxes
 * (and references to other things) are normalised into lists of typed entries with ranges.
 */
export interface Service extends Obj, Named {
  image?: Scalar<string>;
  build?: Build;
  container_name?: Scalar<string>;
  restart?: Scalar<string>;
  network_mode?: Scalar<string>;
  /** The service named by `network_mode: service:NAME`. */
  network_mode_service?: Ref;
  /** The services named by `ipc: service:NAME` and `pid: service:NAME`. */
  ipc_service?: Ref;
  pid_service?: Ref;
  ports: Port[];
  expose: Scalar<string>[];
  volumes: ServiceVolume[];
  depends_on: DependsOn[];
  networks: ServiceNetwork[];
  secrets: FileRef[];
  configs: FileRef[];
  env_file: EnvFileRef[];
  environment: KeyValue[];
  labels: KeyValue[];
  links: Link[];
  volumes_from: VolumesFrom[];
  extends?: Extends;
  models: ServiceModel[];
  profiles: Scalar<string>[];
  devices: Device[];
  healthcheck?: Obj;
  deploy?: Obj;
  develop?: Obj;
}

// ------------------------------------------------------------------ normalisation of built values

const ref = (s: Scalar<string> | undefined): Ref | undefined => (s ? { value: s.value, range: s.range, file: s.file } : undefined);

function subRef(node: CScalar, text: string, from: number, to: number): Ref {
  return { value: text.slice(from, to), range: subRange(node, from, to), file: node.file };
}

function toPort(v: any): Port | undefined {
  if (!v) return undefined;
  if (v.node && v.range && "value" in v) {
    const s = v as Scalar<string>;
    const text = String(s.value);
    const base: Port = { range: s.range, file: s.file, form: "short", protocol: "tcp", parts: {}, interpolated: (s.node.original === undefined && text.includes("$")) || !!s.node.incomplete };
    if (base.interpolated) return base;
    const p = parsePortSpec(text);
    if (!p.ok) return base;
    const sp = p.value;
    base.target = sp.targetRange;
    base.parts.target = subRange(s.node, sp.parts.target[0], sp.parts.target[1]);
    if (sp.publishedRange) {
      base.published = sp.publishedRange;
      base.parts.published = subRange(s.node, sp.parts.published![0], sp.parts.published![1]);
    }
    if (sp.hostIp !== undefined) {
      base.host_ip = sp.hostIp;
      base.parts.host_ip = subRange(s.node, sp.parts.hostIp![0], sp.parts.hostIp![1]);
    }
    if (sp.protocol) {
      base.protocol = sp.protocol;
      base.parts.protocol = subRange(s.node, sp.parts.protocol![0], sp.parts.protocol![1]);
    }
    return base;
  }
  const o = v as Obj;
  const port: Port = { range: o.range, file: o.file, form: "long", protocol: o.protocol?.value?.toLowerCase?.() ?? "tcp", parts: {}, interpolated: false };
  if (o.target && typeof o.target.value === "number") {
    port.target = { start: o.target.value, end: o.target.value };
    port.parts.target = o.target.range;
  } else if (o.target) port.interpolated = true;
  if (o.published) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(String(o.published.value));
    if (m) port.published = { start: Number(m[1]), end: Number(m[2] ?? m[1]) };
    else port.interpolated = true;
    port.parts.published = o.published.range;
  }
  if (o.host_ip) {
    port.host_ip = String(o.host_ip.value).replace(/^\[|\]$/g, "");
    port.parts.host_ip = o.host_ip.range;
  }
  if (o.protocol) port.parts.protocol = o.protocol.range;
  if (o.mode) port.mode = o.mode.value;
  if (o.name) port.name = o.name.value;
  if (o.app_protocol) port.app_protocol = o.app_protocol.value;
  return port;
}

function toVolume(v: any): ServiceVolume | undefined {
  if (!v) return undefined;
  if (v.node && "value" in v && v.node.kind === "scalar") {
    const s = v as Scalar<string>;
    const text = s.value;
    const p = parseVolumeSpec(text);
    if (!p.ok) return { range: s.range, file: s.file, form: "short", type: "volume", options: [] };
    const sp = p.value;
    const out: ServiceVolume = { range: s.range, file: s.file, form: "short", type: sp.type, options: sp.options };
    if (sp.source !== undefined && sp.parts.source) out.source = subRef(s.node, text, sp.parts.source[0], sp.parts.source[1]);
    out.target = subRef(s.node, text, sp.parts.target[0], sp.parts.target[1]);
    if (sp.readOnly !== undefined) out.read_only = sp.readOnly;
    return out;
  }
  const o = v as Obj;
  const out: ServiceVolume = { range: o.range, file: o.file, form: "long", type: o.type?.value ?? "volume", options: [], long: o };
  const src = ref(o.source);
  if (src && src.value !== "") out.source = src;
  const tgt = ref(o.target);
  if (tgt) out.target = tgt;
  if (o.read_only && typeof o.read_only.value === "boolean") out.read_only = o.read_only.value;
  return out;
}

function toDependsOn(v: any): DependsOn[] {
  if (!v) return [];
  if (Array.isArray(v)) return v.map((s: Scalar<string>) => ({ service: ref(s)!, condition: "service_started", required: true, form: "short" as const, range: s.range, file: s.file }));
  return Object.values(v as Record<string, Obj & Named>).map((o) => {
    const d: DependsOn = {
      service: { value: o.name, range: o.nameRange, file: o.nameFile },
      condition: o.condition?.value ?? "service_started",
      required: o.required ? o.required.value !== false : true,
      form: "long",
      range: o.range,
      file: o.file,
    };
    if (o.restart && typeof o.restart.value === "boolean") d.restart = o.restart.value;
    return d;
  });
}

function toNetworks(v: any): ServiceNetwork[] {
  if (!v) return [];
  if (Array.isArray(v)) return v.map((s: Scalar<string>) => ({ network: ref(s)!, range: s.range, file: s.file }));
  return Object.values(v as Record<string, Obj & Named>).map((o) => {
    const n: ServiceNetwork = { network: { value: o.name, range: o.nameRange, file: o.nameFile }, range: o.range, file: o.file };
    if (o.extensions) n.config = o;
    return n;
  });
}

function toFileRefs(v: any): FileRef[] {
  if (!Array.isArray(v)) return [];
  const out: FileRef[] = [];
  for (const it of v) {
    if (it.node && "value" in it && it.node.kind === "scalar") out.push({ source: ref(it)!, form: "short", range: it.range, file: it.file });
    else if (it.source) {
      const f: FileRef = { source: ref(it.source)!, form: "long", long: it, range: it.range, file: it.file };
      if (it.target) f.target = ref(it.target)!;
      out.push(f);
    }
  }
  return out;
}

function toEnvFiles(v: any): EnvFileRef[] {
  if (!v) return [];
  const items = Array.isArray(v) ? v : [v];
  const out: EnvFileRef[] = [];
  for (const it of items) {
    if (it.node && "value" in it && it.node.kind === "scalar") out.push({ path: ref(it)!, required: true, range: it.range, file: it.file });
    else if (it.path) {
      const e: EnvFileRef = { path: ref(it.path)!, required: it.required ? it.required.value !== false : true, range: it.range, file: it.file };
      if (it.format) e.format = it.format.value;
      out.push(e);
    }
  }
  return out;
}

function toLinks(v: any): Link[] {
  if (!Array.isArray(v)) return [];
  return v.map((s: Scalar<string>) => {
    const i = s.value.indexOf(":");
    if (i < 0) return { service: ref(s)!, range: s.range, file: s.file };
    return { service: subRef(s.node, s.value, 0, i), alias: subRef(s.node, s.value, i + 1, s.value.length), range: s.range, file: s.file };
  });
}

function toVolumesFrom(v: any): VolumesFrom[] {
  if (!Array.isArray(v)) return [];
  return v.map((s: Scalar<string>) => {
    const t = s.value;
    const container = t.startsWith("container:");
    const from = container ? "container:".length : 0;
    const rest = t.slice(from);
    const colon = rest.lastIndexOf(":");
    const hasMode = colon >= 0 && /^(ro|rw)$/.test(rest.slice(colon + 1));
    const end = hasMode ? from + colon : t.length;
    const out: VolumesFrom = { source: subRef(s.node, t, from, end), container, range: s.range, file: s.file };
    if (hasMode) out.mode = rest.slice(colon + 1);
    return out;
  });
}

function toModels(v: any): ServiceModel[] {
  if (!v) return [];
  if (Array.isArray(v)) return v.map((s: Scalar<string>) => ({ model: ref(s)!, range: s.range, file: s.file }));
  return Object.values(v as Record<string, Obj & Named>).map((o) => ({ model: { value: o.name, range: o.nameRange, file: o.nameFile }, config: o, range: o.range, file: o.file }));
}

function toDevices(v: any): Device[] {
  if (!Array.isArray(v)) return [];
  return v.map((it: any) => {
    if (it.node && "value" in it && it.node.kind === "scalar") {
      const p = parseDeviceSpec(scalarText(it.node));
      const d: Device = { range: it.range, file: it.file };
      if (p.ok) {
        d.source = p.value.source;
        d.target = p.value.target;
        if (p.value.permissions) d.permissions = p.value.permissions;
      }
      return d;
    }
    const d: Device = { range: it.range, file: it.file };
    if (it.source) d.source = it.source.value;
    if (it.target) d.target = it.target.value;
    if (it.permissions) d.permissions = it.permissions.value;
    return d;
  });
}

/** Turns a built service (generic shape) into the typed Service with normalised references. */
export function normalizeService(b: any): Service {
  const s = b as Service;
  s.ports = ((b.ports as any[]) ?? []).map(toPort).filter((p): p is Port => !!p);
  s.volumes = ((b.volumes as any[]) ?? []).map(toVolume).filter((p): p is ServiceVolume => !!p);
  s.depends_on = toDependsOn(b.depends_on);
  s.networks = toNetworks(b.networks);
  s.secrets = toFileRefs(b.secrets);
  s.configs = toFileRefs(b.configs);
  s.env_file = toEnvFiles(b.env_file);
  s.environment = b.environment ?? [];
  s.labels = b.labels ?? [];
  s.links = toLinks(b.links);
  s.volumes_from = toVolumesFrom(b.volumes_from);
  s.models = toModels(b.models);
  s.profiles = b.profiles ?? [];
  s.expose = b.expose ?? [];
  s.devices = toDevices(b.devices);
  if (b.build) {
    if (b.build.node && "value" in b.build && b.build.node.kind === "scalar") {
      const sc = b.build as Scalar<string>;
      s.build = { form: "short", context: sc, range: sc.range, file: sc.file, extensions: {} };
    } else {
      s.build = { ...b.build, form: "long" };
      if (b.build.secrets) s.build!.secrets = toFileRefs(b.build.secrets);
      const ctx = (b.build.additional_contexts ?? []) as KeyValue[];
      s.build!.context_services = ctx
        .filter((kv) => kv.value?.value.startsWith("service:"))
        .map((kv) => {
          const v = kv.value!;
          // In the list form the node holds `name=service:x`; the value is its tail.
          const whole = scalarText(v.node);
          return subRef(v.node, whole, whole.length - v.value.length + "service:".length, whole.length);
        });
    }
  }
  if (b.extends) {
    if ("value" in b.extends) s.extends = { service: ref(b.extends)!, range: b.extends.range, file: b.extends.file };
    else if (b.extends.service) {
      // The mapping's `file:` key has the name of Located.file (the compose file the mapping is written in):
      // a written `file:` is a scalar, else the field holds that location.
      const written = typeof b.extends.file === "object" ? (b.extends.file as Scalar<string>) : undefined;
      s.extends = { service: ref(b.extends.service)!, range: b.extends.range, file: b.extends.service.file };
      if (written) s.extends.source_file = ref(written)!;
    }
  }
  const serviceRef = (v: Scalar<string> | undefined) => (v && v.value.startsWith("service:") ? subRef(v.node, v.value, "service:".length, v.value.length) : undefined);
  const nm = serviceRef(b.network_mode);
  if (nm) s.network_mode_service = nm;
  const ipc = serviceRef(b.ipc);
  if (ipc) s.ipc_service = ipc;
  const pid = serviceRef(b.pid);
  if (pid) s.pid_service = pid;
  return s;
}

export function normalizeInclude(v: any): Include[] {
  if (!Array.isArray(v)) return [];
  const refs = (x: any): Ref[] => (x === undefined ? [] : Array.isArray(x) ? x.map((s: Scalar<string>) => ref(s)!) : [ref(x)!]);
  return v.map((it: any) => {
    if (it.node && "value" in it && it.node.kind === "scalar") return { path: [ref(it)!], env_file: [], range: it.range, file: it.file };
    const inc: Include = { path: refs(it.path), env_file: refs(it.env_file), range: it.range, file: it.file };
    if (it.project_directory) inc.project_directory = ref(it.project_directory)!;
    return inc;
  });
}

export { isHostPath };
