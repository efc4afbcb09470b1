import type { Service } from "./model.js";
import { dirname, resolvePath } from "./paths.js";
import type { ComposeProject } from "./project.js";

/**
 * Where the Dockerfile a service builds lives:
 * - `file`: a local path (`build.context` joined with `build.dockerfile`, default `Dockerfile`);
 * - `inline`: `build.dockerfile_inline`;
 * - `remote`: the context is a URL or git repository, which cannot be read offline;
 * - `unresolved`: the path still holds a `$` (an escaped `$$` or a variable left as written).
 */
export type DockerfileLocation =
  | { kind: "file"; path: string; contextDir: string }
  | { kind: "inline"; text: string }
  | { kind: "remote"; context: string }
  | { kind: "unresolved" };

/** A remote build context (git, http): BuildKit fetches it, we cannot. */
export function isRemoteContext(context: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(context) || context.startsWith("git@") || /^github\.com\//.test(context);
}

/**
 * The Dockerfile of a service of a loaded project; undefined when the service does not build. A relative
 * context resolves against the base folder of the file that wrote it (so a context inherited through
 * `extends` from another file, or written in an included file, resolves where Compose resolves it), and a
 * relative `dockerfile` against the context, as Compose does. The one place this is computed.
 */
export function dockerfileLocation(service: Service, project: Pick<ComposeProject, "baseDirs">): DockerfileLocation | undefined {
  const build = service.build;
  if (!build) return undefined;
  const inline = build.dockerfile_inline?.value;
  if (inline !== undefined && inline !== null) return { kind: "inline", text: String(inline) };
  const context = build.context?.value === undefined ? "." : String(build.context.value);
  if (isRemoteContext(context)) return { kind: "remote", context };
  const dockerfile = build.dockerfile?.value === undefined ? "Dockerfile" : String(build.dockerfile.value);
  if (context.includes("$") || dockerfile.includes("$")) return { kind: "unresolved" };
  const writtenIn = build.context?.file ?? build.file ?? service.file;
  const base = project.baseDirs[writtenIn] ?? dirname(writtenIn);
  const contextDir = resolvePath(base, context);
  return { kind: "file", path: resolvePath(contextDir, dockerfile), contextDir };
}
