import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { unquote } from "./support/words.js";

export default defineRule({
  code: "DL3065",
  name: "redundant-target-platform",
  aliases: ["RedundantTargetPlatform"],
  kind: "dockerfile",
  category: "style",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags \`FROM --platform=\$TARGETPLATFORM\`.

    ## Why is this bad?
    A stage is built for the target platform anyway: the flag says nothing and suggests to readers that
    something special is going on.

    ## Example
    \`\`\`dockerfile
    FROM --platform=\$TARGETPLATFORM alpine:3.20
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20
    \`\`\`

    ## Fix safety
    Safe: the flag is removed, and the stage's platform stays the target platform. No fix is offered
    when the file declares a global \`ARG TARGETPLATFORM\` with a default of its own.

    ## Differences from hadolint
    This is also BuildKit's \`RedundantTargetPlatform\` check.
  `,
  create: (ctx) => ({
    From(node) {
      const flag = node.platform;
      const value = flag?.value;
      if (!flag || !value || !/^\$(?:TARGETPLATFORM|\{TARGETPLATFORM\})$/.test(unquote(value.value))) return;
      const redeclared = ctx.semantic.globalArgs.some((a) => a.name === "TARGETPLATFORM" && a.valueWord);
      // Remove the flag and the blanks after it, up to the next flag or the image.
      const next = [...node.flags.map((f) => f.range.start), node.image?.range.start ?? Infinity]
        .filter((start) => start > flag.range.start)
        .sort((a, b) => a - b)[0];
      const fix =
        !redeclared && next !== undefined && Number.isFinite(next)
          ? ctx.fix.remove({ start: flag.range.start, end: next }, "Remove --platform=$TARGETPLATFORM")
          : undefined;
      ctx.report(flag, "--platform=$TARGETPLATFORM is redundant: stages are built for the target platform by default", { fix });
    },
  }),
});
