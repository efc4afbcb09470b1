// What the ShellCheck tests share: whether the binary is installed, and the corpus Dockerfiles.
import { execFileSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** True when a `shellcheck` binary runs (`.ci/run` installs it; without it these tests are skipped). */
export const hasShellcheck = (() => {
  try {
    execFileSync("shellcheck", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** The shared corpus of Dockerfiles, beside the checkout (conformance tests only). */
export const corpusDockerfiles = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..", "../shared/corpus/dockerfiles");

/** Every file below `dir`, in a stable order. */
export function* filesBelow(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* filesBelow(p);
    else yield p;
  }
}
