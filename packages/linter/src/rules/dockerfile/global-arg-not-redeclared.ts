import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

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
        const key = `${stage.index}\u0000${use.name}`;
        if (reported.has(key)) continue;
        reported.add(key);
        ctx.report(use.nameRange, `'${use.name}' is a global ARG, which stage '${stage.displayName}' does not see until it declares 'ARG ${use.name}': here it is empty`, {
          fix: ctx.fix.insertAfter(stage.from, `\nARG ${use.name}`, `Add 'ARG ${use.name}' after the stage's FROM`),
        });
      }
    },
  }),
});
