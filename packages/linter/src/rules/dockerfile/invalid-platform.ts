import { parsePlatform } from "@shipshape/buildplan";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

export default defineRule({
  code: "DF119",
  name: "invalid-platform",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a \`FROM --platform=\` value BuildKit cannot read as a platform (\`os/arch[/variant]\`, or an
    architecture alone): \`linux/amd64/v3/extra\`, \`linux//arm64\`, \`linux/amd 64\`. A value made with
    global ARGs is checked once expanded; one that needs a build argument the file does not set is not.

    ## Why is this bad?
    The build of that stage stops with \`failed to parse platform\`.

    ## Example
    \`\`\`dockerfile
    FROM --platform=linux/amd64/v3/extra alpine:3.20 AS tool
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM --platform=linux/amd64/v3 alpine:3.20 AS tool
    \`\`\`

    ## Fix safety
    No fix: which platform was meant is the author's to say.

    ## Notes
    \`shipshape plan\` reports the same error (InvalidPlatform) for the stages it builds. Whether the base
    image exists for a valid platform is InvalidBaseImagePlatform's question.
  `,
  create: (ctx) => ({
    From(node) {
      const platform = ctx.semantic.stageOf(node)?.platform;
      const flag = node.platform?.value;
      if (!platform || !flag || platform.errors.length > 0 || platform.unmatched.length > 0) return;
      if (platform.value.trim() === "") {
        if (platform.expression.trim() !== "") ctx.report(flag, `--platform=${platform.expression} expands to nothing: BuildKit needs a platform such as linux/amd64`);
        return;
      }
      if (parsePlatform(platform.value)) return;
      const shown = platform.value === platform.expression ? `'${platform.value}'` : `'${platform.value}' (from ${platform.expression})`;
      ctx.report(flag, `${shown} is not a platform BuildKit can read: write os/arch[/variant], such as linux/arm64/v8`);
    },
  }),
});
