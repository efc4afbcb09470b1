/** Docker image reference normalisation (the parts of distribution/reference the plan needs). */

/** True when the first path component names a registry (has a `.` or `:`, or is `localhost`). */
function hasRegistry(first: string): boolean {
  return first.includes(".") || first.includes(":") || first === "localhost";
}

/** Splits `repo[:tag][@digest]` without confusing a registry port with a tag. */
function splitReference(ref: string): { repo: string; tag?: string; digest?: string } {
  let rest = ref;
  let digest: string | undefined;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf("/");
  const colon = rest.lastIndexOf(":");
  let tag: string | undefined;
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { repo: rest, tag, digest };
}

/** `node:22` -> `docker.io/library/node:22`; `ghcr.io/a/b` -> `ghcr.io/a/b:latest`. */
export function normalizeImageRef(ref: string): string {
  const { repo, tag, digest } = splitReference(ref);
  const parts = repo.split("/");
  let full: string;
  if (parts.length === 1) full = `docker.io/library/${repo}`;
  else if (!hasRegistry(parts[0]!)) full = `docker.io/${repo}`;
  else full = repo;
  if (digest) return tag ? `${full}:${tag}@${digest}` : `${full}@${digest}`;
  return `${full}:${tag ?? "latest"}`;
}

/** The familiar form with `:latest` stripped (`docker.io/library/alpine:latest` -> `alpine`), as named contexts are looked up. */
export function familiarName(ref: string): string {
  const { repo, tag, digest } = splitReference(ref);
  let name = repo;
  if (name.startsWith("docker.io/")) name = name.slice("docker.io/".length);
  if (name.startsWith("index.docker.io/")) name = name.slice("index.docker.io/".length);
  if (name.startsWith("library/") && name.split("/").length === 2) name = name.slice("library/".length);
  if (tag && tag !== "latest") name += `:${tag}`;
  if (digest) name += `@${digest}`;
  return name;
}

/** Why a reference is not a valid image reference, or undefined when it is acceptable. */
export function invalidImageRef(ref: string): string | undefined {
  if (ref === "") return "empty reference";
  if (/\s/.test(ref)) return "contains white space";
  const { repo, tag, digest } = splitReference(ref);
  if (/[A-Z]/.test(repo.split("/").slice(hasRegistry(repo.split("/")[0]!) && repo.includes("/") ? 1 : 0).join("/"))) {
    return "repository name must be lowercase";
  }
  if (!/^[a-zA-Z0-9._/:-]+$/.test(repo) || repo.split("/").some((p) => p === "")) return "invalid reference format";
  if (tag !== undefined && !/^[\w][\w.-]{0,127}$/.test(tag)) return "invalid tag";
  if (digest !== undefined && !/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/.test(digest)) return "invalid digest";
  return undefined;
}
