import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { forEachServiceDockerfile } from "./support/service-dockerfiles.js";

/** The id of a secret mount: `id=`, else the base name of `target=`/`dst=` (as BuildKit does). */
function secretId(values: Record<string, string>): string | undefined {
  if (values.id) return values.id;
  const target = values.target ?? values.dst ?? values.destination;
  return target ? target.replace(/\/+$/, "").split("/").pop() : undefined;
}

export default defineRule({
  code: "DC207",
  name: "build-secret-undeclared",
  kind: "compose",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a \`RUN --mount=type=secret,id=X\` in a stage the service builds when the service's
    \`build.secrets\` does not provide \`X\`.

    ## Why is this bad?
    Without the secret, BuildKit mounts nothing: the RUN fails (or, worse, succeeds without credentials),
    and with \`required=true\` the build stops.

    ## Example
    \`\`\`yaml
    services:
      web:
        build:
          dockerfile_inline: |
            FROM node:22
            RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        build:
          dockerfile_inline: |
            FROM node:22
            RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci
          secrets:
            - npmrc
    secrets:
      npmrc:
        file: ./.npmrc
    \`\`\`

    ## Fix safety
    No fix: the secret's source is a choice.

    ## Differences from BuildKit
    Only stages the build runs count. A mount without \`id\` takes the base name of its target, as in
    BuildKit. Reported at the service's \`build\`, naming the Dockerfile line.
  `,
  create: (ctx) => ({
    Project() {
      forEachServiceDockerfile(ctx, (service, build) => {
        if (build.target && !build.targetStage) return;
        const provided = new Set((service.build?.secrets ?? []).map((s) => s.target?.value ?? s.source.value));
        const reported = new Set<string>();
        for (const stage of build.semantic.stages) {
          if (!stage.reachable) continue;
          for (const instr of stage.instructions) {
            if (instr.kind !== "Run") continue;
            for (const mount of instr.mounts) {
              if (mount.type !== "secret") continue;
              const id = secretId(mount.values);
              if (!id || id.includes("$") || provided.has(id) || reported.has(id)) continue;
              reported.add(id);
              const b = service.build!;
              const at = b.secrets?.length ? b.secrets[0]! : (b.context ?? b.dockerfile_inline ?? b.dockerfile ?? b);
              const line = build.dockerfile.text.slice(0, mount.range.start).split("\n").length;
              ctx.report(at, `Service '${service.name}' does not pass the build secret '${id}' that ${build.dockerfile.path} mounts (line ${line})`);
            }
          }
        }
      });
    },
  }),
});
