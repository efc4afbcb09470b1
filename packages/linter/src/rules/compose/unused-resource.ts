import { referencesOf, type ComposeFile, type Service } from "@shipshape/compose";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { hasDefaultName } from "./support/overlay.js";
import { nameOf } from "./support/targets.js";

const SECTIONS = [
  ["networks", "network"],
  ["volumes", "volume"],
  ["secrets", "secret"],
  ["configs", "config"],
] as const satisfies readonly (readonly [keyof ComposeFile, string])[];

/** A service without `networks` and `network_mode` joins the `default` network. */
const usesDefaultNetwork = (s: Service) => s.networks.length === 0 && !s.network_mode;

export default defineRule({
  code: "DC202",
  name: "unused-resource",
  kind: "compose",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a top-level network, volume, secret or config that no service of the project uses (profiles
    ignored: a service switched off still counts).

    ## Why is this bad?
    It is usually a leftover or a typo: with \`data\` declared and \`date\` mounted, Compose creates an
    anonymous-looking second volume and the data goes where nobody looks.

    ## Example
    \`\`\`yaml
    services:
      db:
        image: postgres:17
        volumes:
          - pgdata:/var/lib/postgresql/data
    volumes:
      pgdata:
      cache:
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      db:
        image: postgres:17
        volumes:
          - pgdata:/var/lib/postgresql/data
    volumes:
      pgdata:
    \`\`\`

    ## Fix safety
    No fix: removing a declaration can lose an external resource's configuration.

    ## Differences from Compose
    Compose v1 warned about unused networks only; Compose v2 says nothing. The whole project counts
    (override and included files), and a \`default\` network is used by every service that names no network.

    A project made only of files whose names \`docker compose\` does not load by default
    (\`compose.prod.yaml\`, \`docker-compose.nginx.yml\`) is taken for an overlay whose resources its
    base file uses, and not checked: lint it together with its base (\`--compose-file\`) to check it.
  `,
  create: (ctx) => ({
    Project(project) {
      // Resources declared in an overlay (`compose.prod.yaml`) are typically used by its base file.
      if (!hasDefaultName(ctx)) return;
      const services = [...Object.values(project.services), ...Object.values(project.disabledServices)];
      const used = new Set<string>();
      for (const s of services) for (const r of referencesOf(s)) used.add(`${r.kind}:${r.ref.value}`);
      if (services.some(usesDefaultNetwork)) used.add("network:default");
      for (const [section, kind] of SECTIONS) {
        for (const entry of Object.values(project.model[section] as Record<string, import("@shipshape/compose").Named>)) {
          if (used.has(`${kind}:${entry.name}`)) continue;
          ctx.report(nameOf(entry), `The ${kind} '${entry.name}' is declared but no service uses it`, { tags: ["unnecessary"] });
        }
      }
    },
  }),
});
