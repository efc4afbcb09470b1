import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { hasVariable } from "./support/words.js";
import { stagesNamed } from "./support/stages.js";

export default defineRule({
  code: "DL3022",
  name: "copy-from-unknown-stage",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags \`COPY --from=X\` where \`X\` is neither an earlier stage's name or index nor an image reference
    with a tag or digest.

    ## Why is this bad?
    When \`X\` names no earlier stage, the build quietly treats it as an image and pulls \`X:latest\` from
    a registry. That is almost always a misspelt stage name, or a stage defined further down the file.

    ## Example
    \`\`\`dockerfile
    FROM golang:1.23 AS build
    RUN go build -o /out/app .
    FROM alpine:3.20
    COPY --from=biuld /out/app /usr/local/bin/app
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM golang:1.23 AS build
    RUN go build -o /out/app .
    FROM alpine:3.20
    COPY --from=build /out/app /usr/local/bin/app
    COPY --from=0 /out/app /usr/local/bin/app2
    COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    Stage names are compared without regard to case, as BuildKit does. A value written with a variable
    is not reported here (BuildKit refuses variables in \`--from\`; that is a build error, not this rule).
    A name given to the build as a named context (\`docker buildx build --build-context dist=./out\`) is
    not visible in the Dockerfile and is reported; suppress the finding on that line.
  `,
  create: (ctx) => ({
    Copy(node) {
      const value = node.from?.value;
      if (!value || value.value === "" || hasVariable(value.value)) return;
      const ref = value.value;
      if (ref.includes(":") || ref.includes("@")) return; // an image with a tag or digest
      const stage = ctx.stageOf(node);
      // Stage indexes are positions in the file: the stages before this one are those below its index.
      const earlier = stage ? stage.index : ctx.stages.length;
      if (/^\d+$/.test(ref) && Number(ref) < earlier) return;
      const named = stagesNamed(ctx.stages, ref);
      if (named.length > 0 && named[0]!.index < earlier) return;
      if (stage?.name?.toLowerCase() === ref.toLowerCase() || (stage && ref === String(stage.index))) return; // DL3023's case
      const later = stage ? named.find((s) => s.index > stage.index) : undefined;
      const message = later
        ? `'${ref}' is a stage defined later (line ${ctx.file.lines.positionAt(later.from.range.start).line + 1}): COPY --from can only use earlier stages`
        : /^\d+$/.test(ref)
          ? `There is no stage ${ref} before this one`
          : `'${ref}' is not the name of an earlier stage: unless the build is given a context of that name (--build-context), it pulls the image '${ref}:latest'`;
      ctx.report(value, message);
    },
  }),
});
