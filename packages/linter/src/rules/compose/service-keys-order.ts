import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { keyItems, reportOutOfOrder } from "./support/order.js";
import { serviceMaps } from "./support/nodes.js";

/** dclint's groups, in order; keys in no group come last, alphabetically. */
const GROUPS: readonly (readonly string[])[] = [
  ["image", "build", "container_name"],
  ["depends_on"],
  ["volumes", "volumes_from", "configs", "secrets"],
  ["environment", "env_file"],
  ["ports", "networks", "network_mode", "extra_hosts"],
  ["command", "entrypoint", "working_dir", "restart", "healthcheck"],
  ["logging", "labels"],
  ["user", "isolation"],
];
const RANK = new Map(GROUPS.flat().map((k, i) => [k, i]));
const EXPECTED = [...GROUPS.flat(), "(others, alphabetically)"].join(", ");

function compare(a: string, b: string): number {
  const ra = RANK.get(a) ?? RANK.size;
  const rb = RANK.get(b) ?? RANK.size;
  if (ra !== rb) return ra - rb;
  return ra === RANK.size ? a.localeCompare(b) : 0;
}

export default defineRule({
  code: "DC012",
  name: "service-keys-order",
  aliases: ["service-keys-order"],
  kind: "compose",
  category: "style",
  severity: "style",
  enabledByDefault: false,
  fix: "safe",
  docs: () => md`
    ## What it does
    Flags keys of a service out of dclint's order: image, build, container_name; depends_on; volumes,
    volumes_from, configs, secrets; environment, env_file; ports, networks, network_mode, extra_hosts;
    command, entrypoint, working_dir, restart, healthcheck; logging, labels; user, isolation; then every
    other key alphabetically. As dclint counts, a key is reported when it belongs before the key right
    above it.

    ## Why is this bad?
    With one layout for every service, the image and what the service connects to are always where the
    reader looks first.

    ## Example
    \`\`\`yaml
    services:
      web:
        ports:
          - "8080:80"
        image: nginx:1.27
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        ports:
          - "8080:80"
    \`\`\`

    ## Fix safety
    The fix moves whole keys with the comment lines right above each; key order has no meaning to
    Compose. It is not offered when the service uses anchors, aliases or merge keys.
  `,
  create: (ctx) => ({
    File(model) {
      for (const { name, map } of serviceMaps(model.root)) {
        reportOutOfOrder(ctx, keyItems(map), compare, "map",
          (key) => `Key '${key}' of service '${name}' is out of order; expected: ${EXPECTED}`, `Sort the keys of service '${name}'`, "previous");
      }
    },
  }),
});
