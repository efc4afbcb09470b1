import { referencesOf, type ComposeFile, type ReferenceKind } from "@shipshape/compose";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { isOverlay } from "./support/overlay.js";

const SECTIONS: Partial<Record<ReferenceKind, keyof ComposeFile>> = {
  network: "networks",
  volume: "volumes",
  secret: "secrets",
  config: "configs",
  model: "models",
};

export default defineRule({
  code: "DC101",
  name: "undefined-resource",
  kind: "compose",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a network, named volume, secret, build secret, config or model that a service uses but the
    project never declares at the top level.

    ## Why is this bad?
    Compose refuses the project (\`refers to undefined network\`, \`undefined volume\`, ...) before creating
    anything. A typo in a volume name is the usual cause.

    ## Example
    \`\`\`yaml
    services:
      db:
        image: postgres:17
        volumes:
          - dbdata:/var/lib/postgresql/data
        networks:
          - backend
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      db:
        image: postgres:17
        volumes:
          - dbdata:/var/lib/postgresql/data
        networks:
          - backend
    volumes:
      dbdata:
    networks:
      backend:
    \`\`\`

    ## Fix safety
    No fix: whether to declare the resource or correct the name is a choice.

    ## Differences from Compose
    Compose stops at the first undefined name and gives no position; every one is reported here, at
    the name, after merging all files of the project. The \`default\` network needs no declaration.

    A project made only of files whose names \`docker compose\` does not load by default
    (\`compose.prod.yaml\`, \`docker-compose.nginx.yml\`) and that is incomplete on its own (a service
    without image or build, a dependency on a service it lacks) is taken for an overlay of a base file
    and not checked: lint it together with its base (\`--compose-file\`) to check it.
  `,
  create: (ctx) => ({
    Project(project) {
      if (isOverlay(ctx, project)) return;
      for (const service of Object.values(project.services)) {
        for (const r of referencesOf(service)) {
          const section = SECTIONS[r.kind];
          if (!section) continue;
          if (r.kind === "network" && r.ref.value === "default") continue;
          const declared = project.model[section] as Record<string, unknown>;
          if (Object.hasOwn(declared, r.ref.value)) continue;
          const what = r.via === "build.secrets" ? "build secret" : r.kind;
          ctx.report(r.ref, `Service '${service.name}' uses the ${what} '${r.ref.value}', which is not declared under top-level '${section}'`);
        }
      }
    },
  }),
});
