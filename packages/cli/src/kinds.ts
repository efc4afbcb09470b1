import path from "node:path";

export type FileKind = "dockerfile" | "compose";

const COMPOSE_NAME = /^(?:(?:docker-)?compose(?:\.[^/]+)?|[^/]+\.compose)\.ya?ml$/i;
const DOCKERFILE_NAME = /^(?:(?:dockerfile|containerfile)(?:\..+)?|.+\.dockerfile)$/i;

/**
 * `Dockerfile.*` also matches source files about Dockerfiles (`dockerfile.ts`, `dockerfile_test.go` does
 * not, `Dockerfile.md` does), editor leftovers, and archives and images of them (`Dockerfile.tar.gz`,
 * `dockerfile.png`); a walk must not lint those. Variants such as `Dockerfile.dev`, `.prod`, `.alpine`,
 * `.arm64`, `.j2`, `.deb` or `.wasm` are kept. (A binary file that is still walked gets DF011 alone.)
 */
const NOT_A_DOCKERFILE =
  /\.(?:dockerignore|[cm]?[jt]sx?|go|py|rb|rs|java|kt|cs|php|c|h|cc|cpp|hpp|swift|scala|md|markdown|rst|txt|json|ya?ml|toml|lock|snap|map|sh|bash|ps1|bat|orig|bak|rej|swp|tmp|diff|patch|gz|tgz|bz2|xz|zst|zip|tar|7z|rar|png|jpe?g|gif|bmp|ico|webp|svg|pdf|exe|dll|pyc|class)$/i;

/** The kind a base name is recognised as (INTERFACE.md "File kinds"), or undefined for any other name. */
export function kindFromName(file: string): FileKind | undefined {
  const base = path.basename(file.replace(/\\/g, "/"));
  if (COMPOSE_NAME.test(base)) return "compose";
  if (NOT_A_DOCKERFILE.test(base)) return undefined;
  if (DOCKERFILE_NAME.test(base)) return "dockerfile";
  return undefined;
}

/**
 * A file named explicitly: its recognised kind, else Compose for YAML and a Dockerfile otherwise (as
 * hadolint does). Named, every `Dockerfile.*` is a Dockerfile (INTERFACE.md), `Dockerfile.yml` included:
 * what a walk passes over as probably something else is linted as what its name says when asked for.
 */
export function kindOfExplicitFile(file: string): FileKind {
  const base = path.basename(file.replace(/\\/g, "/"));
  if (!COMPOSE_NAME.test(base) && !/\.dockerignore$/i.test(base) && DOCKERFILE_NAME.test(base)) return "dockerfile";
  return kindFromName(file) ?? (/\.ya?ml$/i.test(file) ? "compose" : "dockerfile");
}

export function isFileKind(s: string): s is FileKind {
  return s === "dockerfile" || s === "compose";
}
