import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import type { Build } from "./support/built.js";
import { forEachServiceDockerfile } from "./support/service-dockerfiles.js";
import { located } from "./support/targets.js";

interface Exposed {
  start: number;
  end: number;
  protocol: string;
}

/** The ports the image's stage chain EXPOSEs; undefined when one of them is not a literal. */
function exposedPorts(build: Build): Exposed[] | undefined {
  const out: Exposed[] = [];
  for (const stage of build.chain) {
    for (const instr of stage.instructions) {
      if (instr.kind !== "Expose") continue;
      for (const word of instr.ports) {
        const m = /^(\d+)(?:-(\d+))?(?:\/(\w+))?$/.exec(word.value);
        if (!m) return undefined;
        out.push({ start: Number(m[1]), end: Number(m[2] ?? m[1]), protocol: (m[3] ?? "tcp").toLowerCase() });
      }
    }
  }
  return out;
}

export default defineRule({
  code: "DC208",
  name: "published-port-not-exposed",
  kind: "compose",
  category: "best-practice",
  severity: "info",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a published container port that the Dockerfile the service builds does not \`EXPOSE\`, when that
    Dockerfile does list the ports it exposes.

    ## Why is this bad?
    Publishing a port nothing listens on is a frequent cause of "connection reset" after a change of port
    in the application or the Dockerfile; the two lists drifted apart.

    ## Example
    \`\`\`yaml
    services:
      api:
        build:
          dockerfile_inline: |
            FROM node:22
            EXPOSE 3000
        ports:
          - "8080:8080"
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      api:
        build:
          dockerfile_inline: |
            FROM node:22
            EXPOSE 3000
        ports:
          - "8080:3000"
    \`\`\`

    ## Fix safety
    No fix: which side is right is a choice.

    ## Differences from other tools
    When the built stages have no \`EXPOSE\` at all (the base image may expose ports we cannot see) or
    expose ports through variables, nothing is reported.
  `,
  create: (ctx) => ({
    Project() {
      forEachServiceDockerfile(ctx, (service, build) => {
        if (!build.targetStage) return;
        const exposed = exposedPorts(build);
        if (!exposed || exposed.length === 0) return;
        for (const port of service.ports) {
          if (port.interpolated || !port.target) continue;
          const { start, end } = port.target;
          const covered = exposed.some((e) => e.protocol === port.protocol && e.start <= start && end <= e.end);
          if (covered) continue;
          const text = start === end ? `${start}` : `${start}-${end}`;
          const list = exposed.map((e) => `${e.start === e.end ? e.start : `${e.start}-${e.end}`}/${e.protocol}`).join(", ");
          ctx.report(port.parts.target ? located(port.parts.target, port.file) : port,
            `Service '${service.name}' publishes container port ${text}/${port.protocol}, which ${build.dockerfile.path} does not EXPOSE (it exposes ${list})`);
        }
      });
    },
  }),
});
