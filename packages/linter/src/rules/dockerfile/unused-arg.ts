import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { lineRange } from "./support/words.js";

export default defineRule({
  code: "DF201",
  name: "unused-arg",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  fix: "unsafe",
  docs: () => md`
    ## What it does
    Flags an \`ARG\` nothing uses: a global \`ARG\` (before the first \`FROM\`) that no \`FROM\` refers to and no
    stage re-declares, and a stage \`ARG\` that no instruction of the stage (or of a stage built on it)
    refers to and that no \`RUN\` can read from its environment.

    ## Why is this bad?
    It is dead configuration: passing \`--build-arg\` for it changes nothing, which misleads whoever reads
    the file or the CI script. A global \`ARG\` that a stage uses without re-declaring it is the classic
    case: the stage sees it empty (see DF204).

    ## Example
    \`\`\`dockerfile
    ARG NODE_VERSION=22
    FROM node:20-alpine
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    ARG NODE_VERSION=22
    FROM node:\${NODE_VERSION}-alpine
    \`\`\`

    ## Fix safety
    Unsafe: the fix removes the \`ARG\` line (when it declares only that name). A build script may still pass
    the value, and BuildKit then warns about an unused build argument.

    ## Notes
    A stage \`ARG\` that is in force while a \`RUN\` executes counts as used: programs read their settings
    from the environment (\`ARG DEBIAN_FRONTEND=noninteractive\`). When a \`FROM\` picks its base by a
    variable (\`FROM \${TARGETOS}\`), stage ARGs of other stages are not judged. BuildKit's predefined args
    (\`TARGETARCH\`, \`HTTP_PROXY\`, \`BUILDKIT_*\`, ...) are never reported.
  `,
  create: (ctx) => ({
    "File:exit"() {
      // \`FROM \${TARGETOS}\` and the like pick a stage by variable: which stages a RUN follows is then unknown.
      const stages = ctx.semantic.stages;
      const dynamicBase = stages.some((s) => s.from.image?.value.includes("$") === true);
      for (const decl of ctx.semantic.unusedArgs()) {
        if (decl.predefined || decl.name === "" || (!decl.global && decl.reachesRun)) continue;
        if (!decl.global && dynamicBase && decl.stage !== stages[stages.length - 1]) continue;
        const message = decl.global
          ? `Global ARG '${decl.name}' is never used: no FROM refers to it and no stage re-declares it`
          : `ARG '${decl.name}' is never used in stage '${decl.stage?.displayName ?? "?"}'`;
        const instr = decl.instruction;
        const fix = instr.kind === "Arg" && instr.declarations.length === 1 && !instr.parentOnbuild
          ? ctx.fix.remove(lineRange(instr, ctx.file.text), `Remove ARG ${decl.name}`)
          : undefined;
        ctx.report(decl.nameRange, message, { fix, tags: ["unnecessary"] });
      }
    },
  }),
});
