/**
 * Minimal POSIX-style path helpers (the package must not import node:path, so it runs anywhere). Windows
 * separators are accepted on input and turned into `/`.
 */

export function toSlash(p: string): string {
  return p.replace(/\\/g, "/");
}

export function isAbsolute(p: string): boolean {
  return p.startsWith("/") || /^[a-zA-Z]:[\\/]/.test(p);
}

export function dirname(p: string): string {
  const s = toSlash(p);
  const i = s.lastIndexOf("/");
  if (i < 0) return ".";
  if (i === 0) return "/";
  return s.slice(0, i);
}

export function normalize(p: string): string {
  const s = toSlash(p);
  const abs = s.startsWith("/");
  const drive = /^[a-zA-Z]:/.exec(s)?.[0] ?? "";
  const body = drive ? s.slice(2) : s;
  const out: string[] = [];
  for (const part of body.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length && out[out.length - 1] !== "..") out.pop();
      else if (!abs && !drive) out.push("..");
      continue;
    }
    out.push(part);
  }
  const joined = out.join("/");
  if (drive) return `${drive}/${joined}`;
  if (abs) return `/${joined}`;
  return joined || ".";
}

/** Resolves `p` against the directory `base` (unless it is absolute). */
export function resolvePath(base: string, p: string): string {
  const s = toSlash(p);
  if (isAbsolute(s)) return normalize(s);
  return normalize(`${base}/${s}`);
}
