// Paths as compose resolves them: relative to the compose file's folder, posix separators.

export function dockerfilePathOf(composePath: string, context: string, dockerfile: string): string {
  const dir = composePath.slice(0, composePath.lastIndexOf("/") + 1) || "./";
  const base = context.startsWith("/") ? context : dir + context;
  return normalize(dockerfile.startsWith("/") ? dockerfile : `${base.replace(/\/$/, "")}/${dockerfile}`);
}

function normalize(p: string): string {
  const out: string[] = [];
  for (const part of p.split("/")) {
    if (part === "." || (part === "" && out.length)) continue;
    if (part === ".." && out.length && out[out.length - 1] !== "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}
