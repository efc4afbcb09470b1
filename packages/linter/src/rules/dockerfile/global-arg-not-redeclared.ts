import type { Instruction } from "@shipshape/dockerfile";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

/** CMD, ENTRYPOINT or HEALTHCHECK (also as an ONBUILD trigger): a command the container runs, by its keyword. */
function containerCommand(instr: Instruction): string | undefined {
  const inner = instr.kind === "Onbuild" ? instr.trigger : instr;
  return inner && (inner.kind === "Cmd" || inner.kind === "Entrypoint" || inner.kind === "Healthcheck") ? inner.keyword.toUpperCase() : undefined;
}

export default defineRule({
  code: "DF204",
  name: "global-arg-not-redeclared",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  fix: "unsafe",
  docs: () => md`
    ## What it does
    Flags a variable a \`RUN\`, \`CMD\`, \`ENTRYPOINT\` or \`HEALTHCHECK\` command reads whose name is a global
    \`ARG\` (declared before the first \`FROM\`) that the stage has not re-declared with \`ARG <name>\`. The
    first such use in each stage is reported.

    ## Why is this bad?
    Global ARGs are visible to \`FROM\` lines only. Inside a stage the name is empty until \`ARG <name>\`
    brings the global value in, so the build silently uses an empty string: the classic "my ARG is
    empty" bug.

    ## Example
    \`\`\`dockerfile
    ARG VERSION=1.4.2
    FROM alpine:3.20
    RUN wget -q https://example.com/tool-\${VERSION}.tar.gz
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    ARG VERSION=1.4.2
    FROM alpine:3.20
    ARG VERSION
    RUN wget -q https://example.com/tool-\${VERSION}.tar.gz
    \`\`\`

    ## CMD, ENTRYPOINT and HEALTHCHECK
    These run in the container, which sees the image's \`ENV\` and never an \`ARG\`, re-declared or not. A
    global ARG's name read there is reported with that advice (\`ENV NAME=$NAME\` after \`ARG NAME\`) and
    no fix.

    ## Relation to UndefinedVar
    The same mistake in instructions BuildKit expands itself (\`WORKDIR /opt/\${APP}\`, \`COPY\`, \`ENV\`)
    is BuildKit's UndefinedVar check; this rule covers what the shell expands, which no other tool checks.

    ## Fix safety
    Unsafe: the fix adds \`ARG <name>\` right after the stage's \`FROM\`, which changes what the build does
    (the value is no longer empty), as intended. A base image whose own \`ENV\` sets the name would
    already give it a value; such images are not known to the linter.
  `,
  create: (ctx) => ({
    "File:exit"() {
      const globals = new Set(ctx.semantic.globalArgs.map((d) => d.name));
      const reported = new Set<string>();
      for (const use of ctx.semantic.uses) {
        const stage = use.stage;
        if (!stage || use.declaration || use.predefined || use.redeclaration || !globals.has(use.name)) continue;
        if (use.context !== "runtime") continue; // build-time uses are UndefinedVar's
        const command = containerCommand(use.instruction);
        // One finding per stage and name for the build's uses, one for the container's.
        const key = `${stage.index}\u0000${use.name}\u0000${command ? "container" : "build"}`;
        if (reported.has(key)) continue;
        reported.add(key);
        if (command) {
          // The container runs it, long after the build: no ARG reaches it, re-declared or not.
          ctx.report(use.nameRange, `'${use.name}' is a global ARG, and ${command} runs in the container, which sees the image's ENV and no ARG: here it is empty unless the base image sets it; keep the build's value with 'ENV ${use.name}=$${use.name}' after 'ARG ${use.name}'`);
          continue;
        }
        ctx.report(use.nameRange, `'${use.name}' is a global ARG, which stage '${stage.displayName}' does not see until it declares 'ARG ${use.name}': here it is empty`, {
          fix: ctx.fix.insertAfter(stage.from, `\nARG ${use.name}`, `Add 'ARG ${use.name}' after the stage's FROM`),
        });
      }
    },
  }),
});
