/** Platform strings (`os/arch[/variant]`) and the builtin platform ARGs BuildKit defines. */

export interface Platform {
  os: string;
  arch: string;
  variant?: string;
}

const ARCH_ALIASES: Record<string, { arch: string; variant?: string }> = {
  x86_64: { arch: "amd64" },
  "x86-64": { arch: "amd64" },
  aarch64: { arch: "arm64" },
  armhf: { arch: "arm", variant: "v7" },
  armel: { arch: "arm", variant: "v6" },
  i386: { arch: "386" },
};

/**
 * Parses a platform the way containerd's `platforms.Parse` normalises the common forms: `linux/arm64`,
 * `linux/arm/v7`, `arm64` (os defaults to linux), `linux/aarch64`. Returns null for an unusable value.
 */
export function parsePlatform(text: string): Platform | null {
  const parts = text.trim().toLowerCase().split("/");
  if (parts.some((p) => p === "" || !/^[a-z0-9_.-]+$/.test(p)) || parts.length > 3) return null;
  let os = "linux";
  let arch: string;
  let variant: string | undefined;
  if (parts.length === 1) {
    if (KNOWN_OS.has(parts[0]!)) return { os: parts[0]!, arch: "amd64" };
    arch = parts[0]!;
  } else {
    os = parts[0]!;
    arch = parts[1]!;
    variant = parts[2];
  }
  const alias = ARCH_ALIASES[arch];
  if (alias) {
    arch = alias.arch;
    variant = variant ?? alias.variant;
  }
  if (arch === "arm64" && variant === "v8") variant = undefined;
  if (arch === "arm" && variant === undefined) variant = "v7";
  return variant ? { os, arch, variant } : { os, arch };
}

const KNOWN_OS = new Set(["linux", "windows", "darwin", "freebsd"]);

export function formatPlatform(p: Platform): string {
  return p.variant ? `${p.os}/${p.arch}/${p.variant}` : `${p.os}/${p.arch}`;
}

/** BuildKit's builtin ARGs (`BUILDPLATFORM`, `TARGETARCH`, ..., `TARGETSTAGE`), in its order. */
export function builtinArgs(build: Platform, target: Platform, targetStage: string): Map<string, string> {
  return new Map([
    ["BUILDPLATFORM", formatPlatform(build)],
    ["BUILDOS", build.os],
    ["BUILDOSVERSION", ""],
    ["BUILDARCH", build.arch],
    ["BUILDVARIANT", build.variant ?? ""],
    ["TARGETPLATFORM", formatPlatform(target)],
    ["TARGETOS", target.os],
    ["TARGETOSVERSION", ""],
    ["TARGETARCH", target.arch],
    ["TARGETVARIANT", target.variant ?? ""],
    ["TARGETSTAGE", targetStage],
  ]);
}

/** Proxy build-args BuildKit passes to RUN without a declaration (and outside the cache key). */
export const PROXY_ARGS = new Set(
  ["HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY"].flatMap((k) => [k, k.toLowerCase()]),
);
