import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { forEachServiceDockerfile } from "./support/service-dockerfiles.js";
import { located } from "./support/targets.js";

/** Modifiers that make a reference safe when the variable is unset. */
const HANDLES_UNSET = new Set([":-", "-", ":+", "+", ":?", "?"]);

export default defineRule({
  code: "DC206",
  name: "build-arg-without-value",
  kind: "compose",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags an \`ARG\` without a default in a Dockerfile a service builds, when the build uses the variable
    but \`build.args\` gives it no value. Predefined args (\`TARGETARCH\`, proxies, ...) and references
    with their own fallback (\`\${VERSION:-1.0}\`) are not reported.

    ## Why is this bad?
    The variable expands to an empty string: \`FROM node:\${VERSION}\` becomes \`FROM node:\`, and
    \`RUN curl .../v\${VERSION}.tar.gz\` downloads the wrong file.

    ## Example
    \`\`\`yaml
    services:
      web:
        build:
          dockerfile_inline: |
            ARG VERSION
            FROM node:$\${VERSION}
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        build:
          dockerfile_inline: |
            ARG VERSION
            FROM node:$\${VERSION}
          args:
            VERSION: "22"
    \`\`\`

    ## Fix safety
    No fix: the value is a choice.
  `,
  create: (ctx) => ({
    Project() {
      forEachServiceDockerfile(ctx, (service, build) => {
        if (build.target && !build.targetStage) return;
        const reported = new Set<string>();
        for (const use of build.semantic.uses) {
          const decl = use.declaration;
          // Build-time expansions, and RUN commands reading the ARG from their environment.
          const counts = use.context === "build" || use.instruction.kind === "Run";
          if (!counts || !decl || decl.kind !== "arg" || decl.predefined || decl.valueSource !== "unset") continue;
          if (use.stage && !use.stage.reachable) continue;
          if (use.ref?.modifier && HANDLES_UNSET.has(use.ref.modifier)) continue;
          // A shell reference with its own fallback (`\${A:-x}`, `\${A:=x}`, ...) in a RUN.
          if (/^\$\{[A-Za-z_][A-Za-z0-9_]*:?[-+?=]/.test(build.dockerfile.text.slice(use.range.start, use.range.end))) continue;
          if (reported.has(decl.name)) continue;
          reported.add(decl.name);
          const b = service.build!;
          const at = b.args?.length ? located(b.args[0]!.keyRange, b.args[0]!.file) : (b.context ?? b.dockerfile_inline ?? b.dockerfile ?? b);
          const inline = b.dockerfile_inline !== undefined;
          ctx.report(at, `Service '${service.name}' gives no value to ARG ${decl.name}, which ${build.dockerfile.path} declares without a default and uses; add it to build.args`,
            inline ? undefined : { related: [{ message: `ARG ${decl.name} is declared here`, target: decl.nameRange, file: build.dockerfile.path }] });
        }
      });
    },
  }),
});
