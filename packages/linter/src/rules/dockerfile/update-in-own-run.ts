import { hasFlag } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { APK_VALUE_FLAGS } from "./apk-unpinned.js";
import { APT_VALUE_FLAGS } from "./apt-lists-not-removed.js";
import { toolCalls, type ToolCall } from "./support/shell-commands.js";

interface Manager {
  tools: readonly string[];
  valueFlags: readonly string[];
  /** Subcommands that read the package index the update downloaded. */
  installs: readonly string[];
  /** An install that fetches its own index, so no earlier update matters to it. */
  ownIndex?: (call: ToolCall) => boolean;
}

const MANAGERS: readonly Manager[] = [
  {
    tools: ["apt-get", "apt", "aptitude"],
    valueFlags: APT_VALUE_FLAGS,
    installs: ["install", "upgrade", "dist-upgrade", "full-upgrade", "build-dep", "source", "download", "reinstall", "satisfy", "safe-upgrade"],
  },
  {
    tools: ["apk"],
    valueFlags: APK_VALUE_FLAGS,
    installs: ["add", "upgrade", "fix", "fetch"],
    ownIndex: (call) => hasFlag(call.cmd, "no-cache"),
  },
];

/** The update a RUN leaves for later ones: its last update when no install follows it. */
function standaloneUpdate(updates: readonly ToolCall[], installs: readonly ToolCall[]): ToolCall | undefined {
  const last = updates[updates.length - 1];
  return last && !installs.some((i) => i.order > last.order) ? last : undefined;
}

export default defineRule({
  code: "DF214",
  name: "update-in-own-run",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a package index update (\`apt-get update\`, \`apt update\`, \`aptitude update\`, \`apk update\`)
    in a \`RUN\` that installs nothing after it, when a later \`RUN\` of the same stage installs packages
    with the same tool without updating first.

    ## Why is this bad?
    Each \`RUN\` is a cached layer. When the install line changes (a package added), the build re-runs
    the install but takes the update's layer from the cache, with package lists that may be weeks old.
    The install then fetches versions the mirror no longer has and fails with 404 errors, or installs
    old versions without any security fixes since. Updating and installing in one \`RUN\` re-runs both
    together.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    RUN apt-get update
    RUN apt-get install -y --no-install-recommends curl
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    RUN apt-get update \\
     && apt-get install -y --no-install-recommends curl \\
     && rm -rf /var/lib/apt/lists/*
    \`\`\`

    ## Notes
    Only installs in the same stage are matched with the update. An \`apk add --no-cache\` fetches its own
    index, so an earlier \`apk update\` does not matter to it. Wrapped commands (\`sudo apt-get\`) and
    heredoc scripts are read too; PowerShell and cmd stages are not.

    ## Fix safety
    No fix is offered: joining the two \`RUN\` instructions changes the layers and what is cached.
  `,
  create: (ctx) => ({
    "Stage:exit"(stage) {
      for (const manager of MANAGERS) {
        let pending: ToolCall | undefined;
        for (const instr of stage.instructions) {
          if (instr.kind !== "Run") continue;
          const installs = toolCalls(ctx, instr, manager.tools, manager.installs, manager.valueFlags);
          const updates = toolCalls(ctx, instr, manager.tools, ["update"], manager.valueFlags);
          const first = installs[0];
          if (pending && first && !manager.ownIndex?.(first)) {
            if (!updates.some((u) => u.order < first.order)) {
              const tool = pending.cmd.name!.value;
              const line = ctx.file.lines.positionAt(instr.range.start).line + 1;
              ctx.report(
                pending.subcommand,
                `'${tool} update' is in a RUN of its own, and the '${first.cmd.name!.value} ${first.subcommand.value}' on line ${line} relies on it: the build cache keeps these package lists when that install changes; update and install in the same RUN`,
                { related: [{ message: "the install that uses the lists", target: first.subcommand }] },
              );
            }
            pending = undefined;
          }
          const update = standaloneUpdate(updates, installs);
          if (update) pending = update;
          else if (installs.length > 0) pending = undefined;
        }
      }
    },
  }),
});
