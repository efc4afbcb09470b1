/**
 * Parsers for Compose's short syntaxes and typed strings. Each returns a parsed value or a problem whose
 * `from`/`to` are offsets into the input string, so the error can point at the offending part.
 */

export interface SyntaxProblem {
  message: string;
  from: number;
  to: number;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: SyntaxProblem };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string, from: number, to: number): Parsed<T> => ({ ok: false, problem: { message, from, to } });

// ---------------------------------------------------------------- IP addresses

export function isIPv4(s: string): boolean {
  const parts = s.split(".");
  if (parts.length !== 4) return false;
  return parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

export function isIPv6(s: string): boolean {
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  if (!/^[0-9a-fA-F:.]+$/.test(s)) return false;
  let groups = s.split(":");
  let extra = 0;
  const last = groups[groups.length - 1]!;
  if (last.includes(".")) {
    if (!isIPv4(last)) return false;
    groups = groups.slice(0, -1);
    extra = 2;
    if (groups.length && groups[groups.length - 1] === "") groups.push("");
  }
  const dbl = s.indexOf("::");
  if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) return false;
  const filled = groups.filter((g) => g !== "");
  if (!filled.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  if (dbl >= 0) return filled.length + extra <= 7;
  return filled.length + extra === 8 && groups.length === filled.length;
}

export function isIP(s: string): boolean {
  return isIPv4(s) || isIPv6(s);
}

// ---------------------------------------------------------------- ports

export interface PortRange {
  start: number;
  end: number;
}

export interface PortSpec {
  hostIp?: string;
  /** Host side as written (a port or a range), absent when Compose picks one. */
  published?: string;
  publishedRange?: PortRange;
  target: string;
  targetRange: PortRange;
  protocol?: string;
  /** Offsets of the parts inside the spec, for precise ranges. */
  parts: { hostIp?: [number, number]; published?: [number, number]; target: [number, number]; protocol?: [number, number] };
}

function parsePortRange(s: string): PortRange | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(s);
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  if (start > 65535 || end > 65535 || end < start) return undefined;
  return { start, end };
}

/** `[[IP:]HOST:]CONTAINER[/PROTO]` where HOST and CONTAINER may be ranges and IPv6 addresses may be in brackets. */
export function parsePortSpec(spec: string): Parsed<PortSpec> {
  let body = spec;
  let protocol: string | undefined;
  let protoAt: [number, number] | undefined;
  const slash = spec.lastIndexOf("/");
  if (slash >= 0) {
    protocol = spec.slice(slash + 1);
    protoAt = [slash + 1, spec.length];
    body = spec.slice(0, slash);
    if (!["tcp", "udp", "sctp"].includes(protocol.toLowerCase())) return fail(`Invalid protocol "${protocol}": use tcp, udp or sctp`, slash + 1, spec.length);
  }
  if (body === "") return fail("No port specified", 0, Math.max(spec.length, 0));
  const colons: number[] = [];
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "[") depth++;
    else if (body[i] === "]") depth--;
    else if (body[i] === ":" && depth === 0) colons.push(i);
  }
  let ipAt: [number, number] | undefined;
  let hostAt: [number, number] | undefined;
  let targetAt: [number, number];
  if (colons.length === 0) targetAt = [0, body.length];
  else if (colons.length === 1) {
    hostAt = [0, colons[0]!];
    targetAt = [colons[0]! + 1, body.length];
  } else {
    const a = colons[colons.length - 2]!;
    const b = colons[colons.length - 1]!;
    ipAt = [0, a];
    hostAt = [a + 1, b];
    targetAt = [b + 1, body.length];
  }
  const slice = (r: [number, number]) => body.slice(r[0], r[1]);
  let hostIp: string | undefined;
  if (ipAt) {
    hostIp = slice(ipAt);
    if (hostIp.startsWith("[") && hostIp.endsWith("]")) hostIp = hostIp.slice(1, -1);
    if (hostIp !== "" && !isIP(hostIp)) return fail(`Invalid IP address "${hostIp}" in port mapping`, ipAt[0], ipAt[1]);
    if (hostIp === "") hostIp = undefined;
  }
  const target = slice(targetAt);
  if (target === "") return fail("No container port specified", targetAt[0], Math.max(targetAt[1], targetAt[0]));
  const targetRange = parsePortRange(target);
  if (!targetRange) return fail(`Invalid container port "${target}"`, targetAt[0], targetAt[1]);
  let published: string | undefined;
  let publishedRange: PortRange | undefined;
  if (hostAt) {
    published = slice(hostAt);
    if (published === "") published = undefined;
    else {
      publishedRange = parsePortRange(published);
      if (!publishedRange) return fail(`Invalid host port "${published}"`, hostAt[0], hostAt[1]);
      const hostLen = publishedRange.end - publishedRange.start;
      const targetLen = targetRange.end - targetRange.start;
      // A host range with a single container port lets the engine pick one host port.
      if (targetLen !== 0 && hostLen !== targetLen) {
        return fail(`Port ranges differ in length: host ${published}, container ${target}`, hostAt[0], targetAt[1]);
      }
    }
  }
  const out: PortSpec = { target, targetRange, parts: { target: targetAt } };
  if (hostIp !== undefined) {
    out.hostIp = hostIp;
    out.parts.hostIp = ipAt;
  }
  if (published !== undefined) {
    out.published = published;
    out.parts.published = hostAt;
    if (publishedRange) out.publishedRange = publishedRange;
  }
  if (protocol !== undefined) {
    out.protocol = protocol.toLowerCase();
    out.parts.protocol = protoAt;
  }
  return ok(out);
}

// ---------------------------------------------------------------- volumes

export interface VolumeSpec {
  type: "bind" | "volume";
  source?: string;
  target: string;
  readOnly?: boolean;
  options: string[];
  parts: { source?: [number, number]; target: [number, number]; options?: [number, number] };
}

const WINDOWS_DRIVE = /^[a-zA-Z]:[\\/]/;

/** Whether a volume source is a host path (bind) rather than a volume name. */
export function isHostPath(source: string): boolean {
  return /^[.~\/\\]/.test(source) || WINDOWS_DRIVE.test(source) || source.startsWith("$");
}

/** `[SOURCE:]TARGET[:OPTIONS]`; colons inside `${...}` and after a Windows drive letter don't separate. */
export function parseVolumeSpec(spec: string): Parsed<VolumeSpec> {
  if (spec.length === 0) return fail("Empty volume specification", 0, 0);
  const sections: [number, number][] = [];
  let start = 0;
  let inVar = 0;
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i]!;
    if (c === "$" && spec[i + 1] === "{") inVar++;
    else if (c === "}" && inVar > 0) inVar--;
    else if (c === ":" && inVar === 0) {
      // A drive letter: `C:\` or `C:/` at the start of a section.
      if (i - start === 1 && /[a-zA-Z]/.test(spec[start]!) && /[\\/]/.test(spec[i + 1] ?? "")) continue;
      sections.push([start, i]);
      start = i + 1;
    }
  }
  sections.push([start, spec.length]);
  for (const [a, b] of sections) if (a === b) return fail("Empty section between colons in volume specification", Math.max(0, a - 1), Math.min(spec.length, b + 1));
  if (sections.length > 3) {
    const extra = sections[3]!;
    return fail("Too many colons in volume specification", extra[0] - 1, spec.length);
  }
  const get = (r: [number, number]) => spec.slice(r[0], r[1]);
  if (sections.length === 1) return ok({ type: "volume", target: spec, options: [], parts: { target: sections[0]! } });
  const source = get(sections[0]!);
  const target = get(sections[1]!);
  const options = sections[2] ? get(sections[2]).split(",") : [];
  const out: VolumeSpec = {
    type: isHostPath(source) ? "bind" : "volume",
    source,
    target,
    options,
    parts: { source: sections[0]!, target: sections[1]! },
  };
  if (sections[2]) out.parts.options = sections[2];
  if (options.includes("ro")) out.readOnly = true;
  else if (options.includes("rw")) out.readOnly = false;
  return ok(out);
}

// ---------------------------------------------------------------- durations and sizes

const DURATION_UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, "μs": 1e-3, ms: 1, s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7, w: 6.048e8 };

/** Milliseconds of a Go-style duration (`1h5m30s`, `1.5s`, `0`); units ns us ms s m h d w. */
export function parseDuration(s: string): Parsed<number> {
  const t = s.trim();
  if (t === "0") return ok(0);
  if (t === "") return fail("Empty duration", 0, s.length);
  const re = /([0-9]*\.?[0-9]*)([a-zµμ]+)/gy;
  let total = 0;
  let pos = 0;
  let body = t;
  let sign = 1;
  if (body[0] === "-" || body[0] === "+") {
    sign = body[0] === "-" ? -1 : 1;
    body = body.slice(1);
    pos = 0;
  }
  const offset = s.indexOf(t) + (t.length - body.length);
  re.lastIndex = 0;
  while (pos < body.length) {
    re.lastIndex = pos;
    const m = re.exec(body);
    if (!m || m.index !== pos || m[1] === "" || m[1] === ".") {
      if (/^[0-9.]+$/.test(body.slice(pos))) return fail(`Missing unit in duration "${s}" (use ns, us, ms, s, m, h, d or w)`, offset + pos, s.length);
      return fail(`Invalid duration "${s}" (expected e.g. 30s or 1m30s)`, offset + pos, s.length);
    }
    const unit = DURATION_UNITS[m[2]!];
    if (unit === undefined) return fail(`Unknown unit "${m[2]}" in duration (use ns, us, ms, s, m, h, d or w)`, offset + pos + m[1]!.length, offset + pos + m[0].length);
    total += Number(m[1]) * unit;
    pos += m[0].length;
  }
  return ok(sign * total);
}

const BYTE_UNITS: Record<string, number> = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** Bytes of a size such as `512m`, `1.5gb`, `2GiB`, `1024` or `-1` (units b, k, m, g, t, p, with optional i/b). */
export function parseBytes(s: string): Parsed<number> {
  const t = s.trim();
  if (t === "-1") return ok(-1);
  const m = /^(\d+(?:\.\d+)*) ?([kmgtp])?(i)?(b)?$/i.exec(t);
  if (!m) return fail(`Invalid size "${s}" (expected e.g. 512m or 2g)`, 0, s.length);
  return ok(Math.round(Number(m[1]) * BYTE_UNITS[(m[2] ?? "").toLowerCase()]!));
}

// ---------------------------------------------------------------- others

export const RESTART_POLICY = /^(no|always|unless-stopped|on-failure(:\d+)?)$/;

export interface DeviceSpec {
  source: string;
  target: string;
  permissions?: string;
}

/** `HOST[:CONTAINER[:PERMISSIONS]]`; permissions are letters of `rwm`. */
export function parseDeviceSpec(spec: string): Parsed<DeviceSpec> {
  const parts = spec.split(":");
  const perm = (p: string) => /^[rwm]{1,3}$/.test(p);
  if (parts.some((p) => p === "") && !spec.includes("${")) return fail(`Malformed device mapping "${spec}"`, 0, spec.length);
  if (parts.length === 1) return ok({ source: spec, target: spec });
  if (parts.length === 2) {
    if (perm(parts[1]!)) return ok({ source: parts[0]!, target: parts[0]!, permissions: parts[1]! });
    return ok({ source: parts[0]!, target: parts[1]! });
  }
  if (parts.length === 3 && perm(parts[2]!)) return ok({ source: parts[0]!, target: parts[1]!, permissions: parts[2]! });
  return fail(`Ambiguous device mapping "${spec}": use the long syntax`, 0, spec.length);
}

/** An extra_hosts entry: `HOST=IP` or `HOST:IP` (IPv6 may be bracketed); `host-gateway` is allowed as the IP. */
export function parseExtraHost(entry: string): Parsed<{ host: string; ip: string; ipFrom: number }> {
  let sep = entry.indexOf("=");
  if (sep < 0) sep = entry.indexOf(":");
  if (sep < 0) return fail(`Extra host "${entry}" has no IP address (write HOST=IP or HOST:IP)`, 0, entry.length);
  const host = entry.slice(0, sep);
  let ip = entry.slice(sep + 1);
  if (host === "") return fail(`Extra host "${entry}" has no host name`, 0, sep + 1);
  const ipFrom = sep + 1;
  if (ip.startsWith("[") && ip.endsWith("]")) ip = ip.slice(1, -1);
  if (ip !== "host-gateway" && !ip.includes("$") && !isIP(ip)) return fail(`"${ip}" is not a valid IP address`, ipFrom, entry.length);
  return ok({ host, ip, ipFrom });
}
