import { PREDEFINED_PLATFORM_ARGS } from "@shipshape/semantic";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { suggest } from "./support/words.js";

/** Modifiers that give an unset variable a value or an alternative, so it is handled on purpose. */
const HANDLES_UNSET = new Set([":-", "-", ":+", "+"]);

export default defineRule({
  code: "UndefinedArgInFrom",
  name: "undefined-arg-in-from",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags a variable in a \`FROM\` line (image or \`--platform\`) that no \`ARG\` before the first \`FROM\`
    declares and that is not one of the platform arguments the build predefines.

    ## Why is this bad?
    \`FROM\` only sees global \`ARG\`s. An undeclared variable expands to nothing, so the image name is
    wrong or empty. The usual causes are a typo and an \`ARG\` declared inside a stage instead of before
    the first \`FROM\`.

    ## Example
    \`\`\`dockerfile
    ARG NODE_VERSION=22
    FROM node:\${NODE_VERSON}-slim
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    ARG NODE_VERSION=22
    FROM node:\${NODE_VERSION}-slim
    FROM --platform=\$BUILDPLATFORM alpine:3.20
    \`\`\`

    ## Fix safety
    No fix is offered; the message suggests the closest declared name.

    ## Differences from BuildKit
    References that handle an unset value themselves (\`\${TAG:-latest}\`, \`\${SUFFIX:+-\$SUFFIX}\`) are
    not reported. When the name is declared by an \`ARG\` inside a stage, the message says so.
  `,
  create: (ctx) => ({
    From(node) {
      const globals = new Set(ctx.semantic.globalArgs.map((a) => a.name));
      for (const ref of node.variables) {
        if (globals.has(ref.name) || Object.hasOwn(PREDEFINED_PLATFORM_ARGS, ref.name)) continue;
        if (ref.modifier && HANDLES_UNSET.has(ref.modifier)) continue;
        const inStage = ctx.semantic.declarations.find((d) => d.kind === "arg" && !d.global && d.name === ref.name);
        let message = `'${ref.name}' is not declared by an ARG before the first FROM, so it expands to an empty string here`;
        if (inStage) {
          message += `; the ARG on line ${ctx.file.lines.positionAt(inStage.nameRange.start).line + 1} is inside a stage, which FROM cannot see`;
        } else {
          const guess = suggest(ref.name, [...globals, ...Object.keys(PREDEFINED_PLATFORM_ARGS)]);
          if (guess) message += ` (did you mean '${guess}'?)`;
        }
        ctx.report(ref, message);
      }
    },
  }),
});
