import { getEntry } from "@shipshape/compose";
import { LineIndex } from "@shipshape/text";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { entrypointIgnoresArguments } from "../dockerfile/cmd-ignored-by-entrypoint.js";
import { lastInChain } from "./support/built.js";
import { forEachServiceDockerfile } from "./support/service-dockerfiles.js";
import { located } from "./support/targets.js";

export default defineRule({
  code: "DC209",
  name: "command-ignored-by-entrypoint",
  kind: "compose",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a service \`command\` when the image the service builds has a shell-form \`ENTRYPOINT\` (in the
    target stage or a stage it is built \`FROM\`) under a POSIX shell, whose command line does not read its
    arguments, and the service does not set its own \`entrypoint\`.

    ## Why is this bad?
    \`command\` replaces the image's \`CMD\`: its words are passed to the \`ENTRYPOINT\`. A shell-form
    \`ENTRYPOINT\` runs \`/bin/sh -c "<its command line>"\` and hands those words to the shell as \`$0\`,
    \`$1\`, ..., which the command line never reads. The service runs as if \`command\` were not there.

    ## Example
    \`\`\`yaml
    services:
      worker:
        build:
          dockerfile_inline: |
            FROM python:3.13-slim
            ENTRYPOINT python -m worker
        command: ["--queue", "emails"]
    \`\`\`

    ## Use instead
    Write the \`ENTRYPOINT\` as a JSON array, so that \`command\` supplies its arguments:

    \`\`\`yaml
    services:
      worker:
        build:
          dockerfile_inline: |
            FROM python:3.13-slim
            ENTRYPOINT ["python", "-m", "worker"]
        command: ["--queue", "emails"]
    \`\`\`

    Or give the service the whole command line with \`entrypoint\`.

    ## Notes
    Needs the Dockerfile the service builds (\`build\` with a readable context). An \`ENTRYPOINT\` from an
    external base image is not known offline. DF215 reports the same in a Dockerfile's own \`CMD\`.

    ## Fix safety
    No fix: which words belong to the entrypoint is the author's choice.
  `,
  create: (ctx) => ({
    Project() {
      forEachServiceDockerfile(ctx, (service, build) => {
        const command = service.node ? getEntry(service.node, "command") : undefined;
        if (!command || (command.value.kind === "scalar" && (command.value.value === null || command.value.value === ""))) return;
        if (service.node && getEntry(service.node, "entrypoint")) return;
        const entrypoint = lastInChain(build, "Entrypoint");
        if (!entrypoint || !entrypointIgnoresArguments(entrypoint, build.semantic.shellAt(entrypoint).shell)) return;
        const line = new LineIndex(build.dockerfile.text).positionAt(entrypoint.range.start).line + 1;
        ctx.report(
          located(command.keyRange, command.keyFile),
          `Service '${service.name}' sets a command that its image ignores: the ENTRYPOINT on line ${line} of ${build.dockerfile.path} is in shell form and never reads its arguments; write that ENTRYPOINT as a JSON array, or set entrypoint here`,
        );
      });
    },
  }),
});
