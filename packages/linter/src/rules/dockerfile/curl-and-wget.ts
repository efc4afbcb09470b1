import type { ShellWord } from "@shipshape/shell";
import { commandName } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { commandsIn } from "./support/shell-commands.js";

type Tool = "curl" | "wget";

export default defineRule({
  code: "DL4001",
  name: "curl-and-wget",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags a stage that uses both \`curl\` and \`wget\`: from the \`RUN\` where the second tool appears on, every
    \`RUN\` that uses either is reported.

    ## Why is this bad?
    Both tools do the same job. Installing and keeping two of them makes the image bigger and doubles what must
    be patched; pick one.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    RUN curl -fsSL -o /tmp/a.tgz https://example.com/a.tgz
    RUN wget -q -O /tmp/b.tgz https://example.com/b.tgz
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    RUN curl -fsSL -o /tmp/a.tgz https://example.com/a.tgz
    RUN curl -fsSL -o /tmp/b.tgz https://example.com/b.tgz
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    ONBUILD triggers are counted apart from the stage's own \`RUN\`s (they run in another build). Only commands
    count (\`command -v wget\` and packages named \`wget\` do not), and the finding points at the tool's name
    with the first use of the other tool as related information. PowerShell and cmd stages are not checked.
  `,
  create: (ctx) => {
    let seen = new Map<string, Map<Tool, ShellWord>>();
    return {
      Stage() {
        seen = new Map();
      },
      Run(node) {
        const found = commandsIn(ctx, node, ["curl", "wget"]);
        if (found.length === 0) return;
        const key = node.parentOnbuild ? "onbuild" : "stage";
        const first = seen.get(key) ?? new Map<Tool, ShellWord>();
        seen.set(key, first);
        for (const { cmd } of found) {
          const tool = commandName(cmd) as Tool;
          if (!first.has(tool)) first.set(tool, cmd.name!);
        }
        if (first.size < 2) return;
        const word = found[0]!.cmd.name!;
        const other: Tool = commandName(found[0]!.cmd) === "curl" ? "wget" : "curl";
        ctx.report(word, `This stage uses both curl and wget: use one of them`, {
          related: [{ message: `${other} is used here`, target: first.get(other)!.range }],
        });
      },
    };
  },
});
