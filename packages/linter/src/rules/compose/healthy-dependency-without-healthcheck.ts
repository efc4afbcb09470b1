import type { Service } from "@shipshape/compose";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { lastInChain } from "./support/built.js";
import { serviceBuild } from "./support/service-dockerfiles.js";

/** What Compose says about a service's healthcheck: set, switched off, or not written. */
function composeHealthcheck(service: Service): "set" | "disabled" | "absent" {
  const hc = service.healthcheck;
  if (!hc) return "absent";
  if (hc.disable?.value === true || hc.disable?.value === "true") return "disabled";
  const test = hc.test;
  const first = Array.isArray(test) ? test[0]?.value : undefined;
  if (first === "NONE") return "disabled";
  return test ? "set" : "absent";
}

export default defineRule({
  code: "DC201",
  name: "healthy-dependency-without-healthcheck",
  kind: "compose",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a \`depends_on\` entry with \`condition: service_healthy\` whose service has no healthcheck:
    none in Compose (or one switched off with \`disable: true\` / \`NONE\`), and no \`HEALTHCHECK\` in the
    stages of the Dockerfile it builds.

    ## Why is this bad?
    Compose accepts the file, then \`up\` fails with \`container ... has no healthcheck configured\` after
    starting the dependency.

    ## Example
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        depends_on:
          db:
            condition: service_healthy
      db:
        image: postgres:17
        healthcheck:
          disable: true
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        depends_on:
          db:
            condition: service_healthy
      db:
        image: postgres:17
        healthcheck:
          test: ["CMD", "pg_isready", "-U", "postgres"]
          interval: 5s
    \`\`\`

    ## Fix safety
    No fix: the health test depends on the service.

    ## Differences from Compose
    Compose finds this only at run time. A service that runs an image without building it is not reported
    (its image may define a \`HEALTHCHECK\`); one that builds is reported when neither Compose nor the built
    stages define one (a \`HEALTHCHECK\` in a base image pulled from a registry cannot be seen).
  `,
  create: (ctx) => ({
    Project(project) {
      for (const service of Object.values(project.services)) {
        for (const dep of service.depends_on) {
          if (dep.condition !== "service_healthy") continue;
          const target = project.services[dep.service.value];
          if (!target) continue;
          const state = composeHealthcheck(target);
          if (state === "set") continue;
          if (state === "disabled") {
            ctx.report(dep.service, `Service '${service.name}' waits for '${target.name}' to be healthy, but '${target.name}' switches its healthcheck off`);
            continue;
          }
          const build = serviceBuild(ctx, target);
          if (!build || !build.targetStage) continue;
          const hc = lastInChain(build, "Healthcheck");
          if (hc && hc.type?.value.toUpperCase() !== "NONE") continue;
          ctx.report(dep.service, `Service '${service.name}' waits for '${target.name}' to be healthy, but neither Compose nor ${build.dockerfile.path} defines a healthcheck for it`);
        }
      }
    },
  }),
});
