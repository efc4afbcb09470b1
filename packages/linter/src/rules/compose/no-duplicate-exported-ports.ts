import type { Port, Service } from "@shipshape/compose";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { located } from "./support/targets.js";

interface Binding {
  service: Service;
  port: Port;
  start: number;
  end: number;
  protocol: string;
  /** Normalised host address: "" for every interface. */
  ip: string;
  /** Position among the bindings of the project, in file order. */
  order: number;
}

const isV6 = (ip: string) => ip.includes(":");

/** Two listening addresses clash when equal, or when one is a wildcard covering the other's family. */
function addressesClash(a: string, b: string): boolean {
  const wildcard = (ip: string) => ip === "" || ip === "0.0.0.0" || ip === "::";
  if (a === b) return true;
  if (a === "" || b === "") return true;
  if (wildcard(a)) return a === "::" ? isV6(b) : !isV6(b);
  if (wildcard(b)) return b === "::" ? isV6(a) : !isV6(a);
  return false;
}

function portText(b: Binding): string {
  return `${b.ip ? `${b.ip.includes(":") ? `[${b.ip}]` : b.ip}:` : ""}${b.start === b.end ? b.start : `${b.start}-${b.end}`}/${b.protocol}`;
}

export default defineRule({
  code: "DC003",
  name: "no-duplicate-exported-ports",
  aliases: ["no-duplicate-exported-ports"],
  kind: "compose",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a host port published twice in the project, by two services or twice by one: same protocol,
    overlapping port ranges, and host addresses that overlap (equal, or one of them every interface).

    ## Why is this bad?
    Only one container can bind a host port. Compose accepts the file and the second container fails to
    start with \`port is already allocated\`.

    ## Example
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        ports:
          - "8080:80"
      admin:
        image: example/admin:2.1
        ports:
          - "8080:3000"
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      web:
        image: nginx:1.27
        ports:
          - "8080:80"
      admin:
        image: example/admin:2.1
        ports:
          - "8081:3000"
          - "8080:3000/udp"
          - "127.0.0.2:9000:9000"
    \`\`\`

    ## Fix safety
    No fix: which port to move is a choice.

    ## Differences from dclint
    dclint ignores the host address and compares ports per file; here \`127.0.0.1:8080\` and
    \`127.0.0.2:8080\` do not clash, while \`8080\` clashes with both. The check runs on the merged project
    with variables resolved, so services from override and included files count, and ports with unset
    variables are skipped. A host range mapped to a single container port (Compose picks one free port)
    is not a fixed binding and is skipped. A warning: Compose itself accepts the file.
  `,
  create: (ctx) => ({
    Project(project) {
      // Earlier bindings: single ports indexed by protocol and port (so a large project is not compared
      // pair by pair), ranges in a list of their own. A clash is the earliest earlier binding that overlaps.
      const singles = new Map<string, Binding[]>();
      const ranges: Binding[] = [];
      const all: Binding[] = [];
      const overlaps = (o: Binding, b: Binding) => o.protocol === b.protocol && o.start <= b.end && b.start <= o.end && addressesClash(o.ip, b.ip);
      const firstClash = (b: Binding): Binding | undefined => {
        const pool = b.start === b.end ? [...(singles.get(`${b.protocol}/${b.start}`) ?? []), ...ranges] : all;
        let found: Binding | undefined;
        for (const o of pool) if (overlaps(o, b) && (!found || o.order < found.order)) found = o;
        return found;
      };
      for (const service of Object.values(project.services)) {
        for (const port of service.ports) {
          if (port.interpolated || !port.published || !port.target) continue;
          const span = port.published.end - port.published.start;
          if (span > 0 && port.target.end === port.target.start) continue;
          const b: Binding = { service, port, start: port.published.start, end: port.published.end, protocol: port.protocol.toLowerCase(), ip: port.host_ip ?? "", order: all.length };
          const clash = firstClash(b);
          all.push(b);
          if (b.start === b.end) {
            const key = `${b.protocol}/${b.start}`;
            const list = singles.get(key);
            if (list) list.push(b);
            else singles.set(key, [b]);
          } else ranges.push(b);
          if (!clash) continue;
          const where = port.parts.published ? located(port.parts.published, port.file) : port;
          const owner = clash.service === service ? "this service" : `service '${clash.service.name}'`;
          ctx.report(where, `Service '${service.name}' publishes host port ${portText(b)}, which ${owner} already publishes (${portText(clash)})`, {
            related: [{ message: `'${clash.service.name}' publishes it here`, target: clash.port }],
          });
        }
      }
    },
  }),
});
