import type { AddInstruction, CopyInstruction } from "@shipshape/dockerfile";
import type { StageSpan } from "../../rule.js";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { stageChain } from "./support/stages.js";
import { unquote } from "./support/words.js";

function isAbsolute(path: string): boolean {
  return path.startsWith("/") || path.startsWith("$") || /^[A-Za-z]:/.test(path);
}

export default defineRule({
  code: "DL3045",
  name: "copy-relative-without-workdir",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags \`COPY\` or \`ADD\` to a relative destination in a stage that has not set \`WORKDIR\` (itself or
    through the stages it builds on).

    ## Why is this bad?
    A relative destination is resolved against the working directory, which then comes from the base
    image. If the base image changes its \`WORKDIR\`, the files silently land somewhere else.

    ## Example
    \`\`\`dockerfile
    FROM node:22-slim
    COPY package.json .
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22-slim
    WORKDIR /app
    COPY package.json .
    \`\`\`

    ## Fix safety
    No fix is offered: the directory meant is unknown.

    ## Differences from hadolint
    \`ADD\` is checked as well as \`COPY\`: the destination is resolved the same way.
  `,
  create: (ctx) => {
    const workdirSet = (stage: StageSpan | undefined, before: number): boolean =>
      !!stage &&
      stageChain(ctx.stages, stage).some((s, i) =>
        s.instructions.some((instr) => instr.kind === "Workdir" && (i > 0 || instr.range.start < before)),
      );
    const check = (node: CopyInstruction | AddInstruction) => {
      const dest = node.destination;
      if (!dest || node.parentOnbuild) return;
      const path = unquote(dest.value);
      if (isAbsolute(path) || workdirSet(ctx.stageOf(node), node.range.start)) return;
      ctx.report(dest, `'${path}' is relative to the base image's working directory: set WORKDIR first or use an absolute path`);
    };
    return { Copy: check, Add: check };
  },
});
