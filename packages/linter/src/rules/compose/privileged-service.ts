import type { Scalar } from "@shipshape/compose";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

/** Capabilities that amount to root on the host, as `cap_add` spells them (with or without `CAP_`). */
const ROOT_CAPABILITIES: Record<string, string> = {
  ALL: "every capability, which is as good as privileged: true",
  SYS_ADMIN: "SYS_ADMIN, which allows mounts, namespaces and most of what root can do on the host",
};

export default defineRule({
  code: "DC301",
  name: "privileged-service",
  kind: "compose",
  category: "security",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a service with \`privileged: true\`, and a \`cap_add\` entry of \`ALL\` or \`SYS_ADMIN\`.

    ## Why is this bad?
    A privileged container gets every capability, every host device and no seccomp or AppArmor profile.
    A process that breaks out of it, or just writes to a device, owns the host. \`ALL\` adds the same
    capabilities, and \`SYS_ADMIN\` alone allows most of them.

    ## Example
    \`\`\`yaml
    services:
      vpn:
        image: qmcgaw/gluetun:v3.40
        privileged: true
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      vpn:
        image: qmcgaw/gluetun:v3.40
        cap_add:
          - NET_ADMIN
        devices:
          - /dev/net/tun:/dev/net/tun
    \`\`\`

    ## Notes
    Some tools need it (Docker in Docker, hardware monitors). Keep the finding visible where that is the
    case: \`# shipshape ignore=DC301 -- reason\` on the line above the key says why.

    ## Fix safety
    No fix: which capabilities the service needs is for its author to find out.
  `,
  create: (ctx) => ({
    Project(project) {
      for (const service of Object.values(project.services)) {
        const privileged = service.privileged as Scalar<unknown> | undefined;
        if (privileged?.value === true) {
          ctx.report(privileged, `Service '${service.name}' runs privileged: it gets every capability and every host device, so whatever escapes it owns the host; add only the capabilities it needs (cap_add)`);
        }
        const added = service.cap_add as Scalar<unknown>[] | undefined;
        if (!Array.isArray(added)) continue;
        for (const cap of added) {
          if (typeof cap?.value !== "string") continue;
          const name = cap.value.toUpperCase().replace(/^CAP_/, "");
          const what = ROOT_CAPABILITIES[name];
          if (what) ctx.report(cap, `Service '${service.name}' adds ${what}; add only the capabilities it needs`);
        }
      }
    },
  }),
});
