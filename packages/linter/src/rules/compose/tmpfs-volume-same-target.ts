import type { Scalar } from "@shipshape/compose";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

/** The mount point of a `tmpfs` entry (`/run` or `/run:size=64m`). */
function tmpfsTarget(value: string): string {
  const i = value.indexOf(":");
  return normalize(i < 0 ? value : value.slice(0, i));
}

/** As compose-go's path.Clean on targets: no trailing slash, no doubled slashes. */
function normalize(p: string): string {
  const s = p.replace(/\/+/g, "/");
  return s.length > 1 ? s.replace(/\/$/, "") : s;
}

export default defineRule({
  code: "DC105",
  name: "tmpfs-volume-same-target",
  kind: "compose",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a \`volumes\` entry mounted on a path that the service's \`tmpfs\` list also mounts.

    ## Why is this bad?
    Two mounts cannot share one target; Compose refuses the project (\`target /data already mounted as
    services.web.tmpfs[0]\`).

    ## Example
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        tmpfs:
          - /cache
        volumes:
          - cache:/cache
    volumes:
      cache:
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        tmpfs:
          - /tmp
        volumes:
          - cache:/cache
    volumes:
      cache:
    \`\`\`

    ## Fix safety
    No fix: which mount to keep is a choice.
  `,
  create: (ctx) => ({
    Project(project) {
      for (const service of Object.values(project.services)) {
        const raw = service.tmpfs as Scalar<string> | Scalar<string>[] | undefined;
        const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
        const tmpfs = new Map<string, Scalar<string>>();
        for (const t of list) if (typeof t?.value === "string" && !t.value.includes("$")) tmpfs.set(tmpfsTarget(t.value), t);
        if (tmpfs.size === 0) continue;
        for (const v of service.volumes) {
          if (!v.target || v.target.value.includes("$")) continue;
          const other = tmpfs.get(normalize(v.target.value));
          if (!other) continue;
          ctx.report(v.target, `Service '${service.name}' mounts '${v.target.value}' twice: as a volume and as a tmpfs`, {
            related: [{ message: "the tmpfs mount", target: other }],
          });
        }
      }
    },
  }),
});
