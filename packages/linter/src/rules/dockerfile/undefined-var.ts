import { PREDEFINED_PLATFORM_ARGS, type Scope, type VariableUse } from "@shipshape/semantic";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { editDistance, suggest } from "./support/words.js";

/** Modifiers that deal with an unset variable on purpose. */
const HANDLES_UNSET = new Set([":-", "-", ":+", "+", ":?", "?"]);

export default defineRule({
  code: "UndefinedVar",
  name: "undefined-var",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a variable that the build expands (in \`ENV\`, \`LABEL\`, \`COPY\`, \`ADD\`, \`WORKDIR\`, \`USER\`,
    \`VOLUME\`, \`EXPOSE\`, \`STOPSIGNAL\`, \`ARG\` defaults and \`RUN --mount\` options) but that no \`ARG\` or
    \`ENV\` defines at that point.

    ## Why is this bad?
    An undefined variable expands to an empty string without any error, so a path, label or user ends
    up silently wrong. The usual causes are a typo, a global \`ARG\` that the stage did not declare again,
    and a variable used before the line that defines it.

    ## Example
    \`\`\`dockerfile
    ARG VERSION=1.2.3
    FROM alpine:3.20
    LABEL org.opencontainers.image.version=$VERSION
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    ARG VERSION=1.2.3
    FROM alpine:3.20
    ARG VERSION
    LABEL org.opencontainers.image.version=$VERSION
    \`\`\`

    ## Fix safety
    No fix is offered; the message says which declaration is missing or which name was probably meant.

    ## Differences from BuildKit
    BuildKit also knows the base image's environment (\`JAVA_HOME\` in a JDK image, for instance). That
    needs the registry, so here a stage built on an external image is only checked for what is certain:
    a global \`ARG\` not declared again in the stage, a variable defined later in the stage, and a
    near-miss of a defined name (a likely typo). A stage built \`FROM scratch\` (directly or through
    other stages) has a known environment and every undefined variable is reported. A declared \`ARG\`
    without a value is defined (its value may come from \`--build-arg\`), references that handle an unset
    value (\`\${X:-default}\`) are not reported. A platform argument (\`TARGETARCH\`, \`BUILDPLATFORM\`, ...) used
    in a stage without \`ARG TARGETARCH\` there is reported, since it is predefined for \`FROM\` lines only;
    other names the build reads by itself (proxy variables, \`BUILDKIT_*\`) are not.
    \`FROM\` lines are \`UndefinedArgInFrom\`'s.
  `,
  create: (ctx) => ({
    "File:exit"() {
      const model = ctx.semantic;
      const globals = new Map(model.globalArgs.map((a) => [a.name, a]));
      for (const use of model.uses) {
        if (use.context !== "build" || use.defined || use.declaration) continue;
        // Platform args are predefined for FROM lines only; other predefined names (proxies,
        // BUILDKIT_*) are read by the build itself and are not reported.
        const platformArg = Object.hasOwn(PREDEFINED_PLATFORM_ARGS, use.name);
        if (use.predefined && !platformArg) continue;
        if (use.instruction.kind === "From" || !use.stage) continue;
        if (use.ref?.modifier && HANDLES_UNSET.has(use.ref.modifier)) continue;
        if (use.name.startsWith("BUILDKIT_SBOM_SCAN_")) continue;
        const scope = model.scopeAt(use.instruction);
        const message = explain(use, scope, globals.has(use.name), model.declarations.find(
          (d) => d.stage === use.stage && d.name === use.name && d.nameRange.start > use.range.start,
        )?.nameRange.start);
        if (message) ctx.report(use.range, message);
      }
    },
  }),
});

function names(scope: Scope): string[] {
  return [...scope.entries.keys(), ...scope.unset.keys()];
}

/** Why the use is certainly wrong, or undefined when the base image might define it. */
function explain(use: VariableUse, scope: Scope, isGlobal: boolean, laterAt: number | undefined): string | undefined {
  const base = `'$${use.name}' is not defined here`;
  if (Object.hasOwn(PREDEFINED_PLATFORM_ARGS, use.name)) {
    return `${base}: ${use.name} is predefined only for FROM lines; declare 'ARG ${use.name}' in the stage to use it`;
  }
  if (isGlobal) return `${base}: the global ARG ${use.name} must be declared again in the stage (ARG ${use.name}) to be used`;
  if (laterAt !== undefined) return `${base}: it is defined later in the stage, after this line`;
  if (!scope.baseEnvUnknown) {
    const guess = suggest(use.name, names(scope));
    return `${base}${guess ? ` (did you mean '$${guess}'?)` : ": no ARG or ENV defines it, so it expands to an empty string"}`;
  }
  // The base image may define the name (GOPATH in a Go image), so only a one-letter slip from a name
  // this file declares counts as a certain typo; short names are too close to everything.
  const declared = [...scope.entries.values()].filter((e) => e.kind === "arg" || e.kind === "env").map((e) => e.name);
  const guess = use.name.length >= 4 ? suggest(use.name, [...declared, ...scope.unset.keys()]) : undefined;
  if (guess && (guess.toLowerCase() === use.name.toLowerCase() || editDistance(guess, use.name) <= 1)) {
    return `${base} (did you mean '$${guess}'?)`;
  }
  return undefined;
}
