import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { located } from "./support/targets.js";

export default defineRule({
  code: "DC005",
  name: "no-unbound-port-interfaces",
  aliases: ["no-unbound-port-interfaces"],
  kind: "compose",
  category: "security",
  severity: "warning",
  enabledByDefault: false,
  docs: () => md`
    ## What it does
    Flags a published port that does not name the host interface to listen on (\`8080:80\` instead of
    \`127.0.0.1:8080:80\`, or \`published\` without \`host_ip\`).

    ## Why is this bad?
    Without an address, Docker listens on every interface of the host, and its firewall rules bypass host
    firewalls such as ufw: a port meant for local use is reachable from the network.

    ## Example
    \`\`\`yaml
    services:
      db:
        image: postgres:17
        ports:
          - "5432:5432"
    \`\`\`

    ## Use instead
    \`\`\`yaml
    services:
      db:
        image: postgres:17
        ports:
          - "127.0.0.1:5432:5432"
    \`\`\`

    ## Fix safety
    No fix: which interface to bind is a choice.

    ## Differences from dclint
    Off by default. Ports that publish nothing (\`"80"\`, a container port only) are not reported, and
    long-syntax ports are checked too.
  `,
  create: (ctx) => ({
    Service(service) {
      for (const port of service.ports) {
        if (port.interpolated || !port.published || port.host_ip !== undefined) continue;
        const where = port.form === "long" && port.parts.published ? located(port.parts.published, port.file) : port;
        ctx.report(where, `Service '${service.name}' publishes port ${port.published.start}${port.published.end !== port.published.start ? `-${port.published.end}` : ""} on every host interface; bind it to an address such as 127.0.0.1`);
      }
    },
  }),
});
