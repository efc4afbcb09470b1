import type { RunInstruction } from "@shipshape/dockerfile";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { commandsIn } from "./support/shell-commands.js";
import { hasVariable } from "./support/words.js";

/** Folders apt locks while it runs (its archives and its lists). */
const APT_DIRS = ["/var/cache/apt", "/var/lib/apt"];

/**
 * Whether a cache mount on `target` is about apt: one of apt's folders or inside one (`"own"`), or a folder
 * holding one (`"holds"`: /var/cache, /var), which is apt's only when the RUN runs apt.
 */
function aptDir(target: string): "own" | "holds" | undefined {
  const t = target.replace(/\/+$/, "") || "/";
  if (APT_DIRS.some((dir) => t === dir || t.startsWith(`${dir}/`))) return "own";
  return APT_DIRS.some((dir) => dir.startsWith(t === "/" ? "/" : `${t}/`)) ? "holds" : undefined;
}

export default defineRule({
  code: "DF218",
  name: "apt-cache-mount-not-locked",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags a \`RUN --mount=type=cache\` on \`/var/cache/apt\` or \`/var/lib/apt\` (or a folder inside them, or
    a folder above them such as \`/var/cache\` when the RUN runs \`apt-get\` or \`apt\`) that is shared, the
    default, instead of \`sharing=locked\` (or \`private\`).

    ## Why is this bad?
    A cache mount outlives the build and is shared by every build on the builder. apt takes a lock in these
    folders and expects to be alone in them: two builds that run \`apt-get\` at the same time on a shared
    cache (a CI runner building several images, \`docker buildx bake\`, parallel stages) fail with
    "Could not get lock", or leave half-written files for the next build. \`sharing=locked\` makes the second
    build wait for the first.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    RUN --mount=type=cache,target=/var/cache/apt \\
        --mount=type=cache,target=/var/lib/apt \\
        apt-get update && apt-get install -y --no-install-recommends curl
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    RUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\
        --mount=type=cache,target=/var/lib/apt,sharing=locked \\
        apt-get update && apt-get install -y --no-install-recommends curl
    \`\`\`

    ## Fix safety
    The fix adds \`,sharing=locked\` to the mount (or turns \`sharing=shared\` into \`sharing=locked\`). It is
    safe: builds that use the cache at the same time take turns.
  `,
  create: (ctx) => ({
    Run(node: RunInstruction) {
      for (const mount of node.mounts) {
        if (mount.type !== "cache") continue;
        const target = mount.values["target"] ?? mount.values["dst"] ?? mount.values["destination"];
        const kind = target && !hasVariable(target) ? aptDir(target) : undefined;
        if (!kind || (kind === "holds" && commandsIn(ctx, node, ["apt-get", "apt"]).length === 0)) continue;
        const sharingField = [...mount.fields].reverse().find((f) => f.key.value.toLowerCase() === "sharing");
        const sharing = sharingField?.value?.value.toLowerCase();
        if (sharing !== undefined && sharing !== "shared") continue;
        // Field ranges are exact in a bare value; a quoted one (`--mount="..."`) only has its whole range,
        // so the text goes in before its closing quote, and a `sharing=shared` inside it is left as is.
        const value = mount.flag.value;
        const quoted = value !== undefined && /^(["']).*\1$/s.test(ctx.text(value));
        const end = value ? value.range.end - (quoted ? 1 : 0) : undefined;
        const fix = sharingField?.value
          ? quoted
            ? undefined
            : ctx.fix.replace(sharingField.value, "locked", "Write sharing=locked")
          : end !== undefined
            ? ctx.fix.insertBefore({ start: end, end }, ",sharing=locked", "Add sharing=locked")
            : undefined;
        ctx.report(mount.flag, `This cache mount on ${target} is shared by builds that run at once, and apt expects to be alone there: add sharing=locked`, { fix });
      }
    },
  }),
});
