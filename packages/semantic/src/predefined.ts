/**
 * Build arguments BuildKit provides or reads without a declaration in the Dockerfile.
 */

export interface Platform {
  os: string;
  arch: string;
  variant?: string;
  osVersion?: string;
}

/** BuildKit's automatic platform args and TARGETSTAGE: usable in FROM, and in a stage after `ARG NAME`. */
export const PREDEFINED_PLATFORM_ARGS: Readonly<Record<string, string>> = {
  BUILDPLATFORM: "Platform of the node performing the build (os/arch[/variant]).",
  BUILDOS: "OS component of BUILDPLATFORM.",
  BUILDOSVERSION: "OS version of BUILDPLATFORM (Windows).",
  BUILDARCH: "Architecture component of BUILDPLATFORM.",
  BUILDVARIANT: "Variant component of BUILDPLATFORM.",
  TARGETPLATFORM: "Platform of the build result (the --platform value).",
  TARGETOS: "OS component of TARGETPLATFORM.",
  TARGETOSVERSION: "OS version of TARGETPLATFORM (Windows).",
  TARGETARCH: "Architecture component of TARGETPLATFORM.",
  TARGETVARIANT: "Variant component of TARGETPLATFORM.",
  TARGETSTAGE: "The stage being built: the --target value, else the last stage's name, else \"default\".",
};

/** Proxy args: passed to RUN from --build-arg without a declaration, and kept out of the cache key. */
export const PROXY_ARGS: readonly string[] = ["HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY"].flatMap(
  (n) => [n, n.toLowerCase()],
);

/** Args the frontend itself reads from --build-arg without a declaration. */
export const FRONTEND_ARGS: readonly string[] = [
  "BUILDKIT_SYNTAX",
  "BUILDKIT_CACHE_MOUNT_NS",
  "BUILDKIT_MULTI_PLATFORM",
  "BUILDKIT_SANDBOX_HOSTNAME",
  "BUILDKIT_DOCKERFILE_CHECK",
  "BUILDKIT_CONTEXT_KEEP_GIT_DIR",
  "BUILDKIT_INLINE_CACHE",
  "BUILDKIT_BUILD_NAME",
  "BUILDKIT_SBOM_SCAN_CONTEXT",
  "BUILDKIT_SBOM_SCAN_STAGE",
  "SOURCE_DATE_EPOCH",
];

/** Every name above, for a look-up per variable use instead of three scans. */
const PREDEFINED_NAMES: ReadonlySet<string> = new Set([...Object.keys(PREDEFINED_PLATFORM_ARGS), ...PROXY_ARGS, ...FRONTEND_ARGS]);

export function isPredefinedArg(name: string): boolean {
  return PREDEFINED_NAMES.has(name);
}

/** containerd's platforms.Format: os/arch[/variant]. */
export function formatPlatform(p: Platform): string {
  // absent and empty parts are left out (callers may pass partial platforms)
  let out = p.os ?? "";
  if (p.arch !== undefined && p.arch !== "") out = out === "" ? p.arch : `${out}/${p.arch}`;
  if (p.variant !== undefined && p.variant !== "") out = out === "" ? p.variant : `${out}/${p.variant}`;
  return out;
}

export const DEFAULT_BUILD_PLATFORM: Platform = { os: "linux", arch: "amd64" };

/** The values of the platform args and TARGETSTAGE, as BuildKit's defaultArgs computes them. */
export function predefinedArgValues(options: {
  buildPlatform?: Platform;
  targetPlatform?: Platform;
  targetStage: string;
}): Map<string, string> {
  const build = options.buildPlatform ?? DEFAULT_BUILD_PLATFORM;
  const target = options.targetPlatform ?? build;
  // containerd's FormatAll puts the OS version in parentheses: windows(10.0.20348.2227)/amd64.
  const targetFormatted = target.osVersion
    ? formatPlatform({ ...target, os: `${target.os}(${target.osVersion})` })
    : formatPlatform(target);
  return new Map([
    ["BUILDPLATFORM", formatPlatform(build)],
    ["BUILDOS", build.os],
    ["BUILDOSVERSION", build.osVersion ?? ""],
    ["BUILDARCH", build.arch],
    ["BUILDVARIANT", build.variant ?? ""],
    ["TARGETPLATFORM", targetFormatted],
    ["TARGETOS", target.os],
    ["TARGETOSVERSION", target.osVersion ?? ""],
    ["TARGETARCH", target.arch],
    ["TARGETVARIANT", target.variant ?? ""],
    ["TARGETSTAGE", options.targetStage],
  ]);
}

/** The PATH BuildKit adds on Linux when the base image has none. */
export const DEFAULT_LINUX_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
