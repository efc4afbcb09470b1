import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { commandsIn } from "./support/shell-commands.js";

/** Interactive tools and service managers that do nothing useful during an image build. */
const POINTLESS = ["free", "kill", "mount", "ps", "service", "shutdown", "ssh", "top", "vim", "ifconfig"];

export default defineRule({
  code: "DL3001",
  name: "pointless-command-in-run",
  kind: "dockerfile",
  category: "best-practice",
  severity: "info",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags commands in \`RUN\` that make no sense while building an image: \`ssh\`, \`vim\`, \`shutdown\`,
    \`service\`, \`ps\`, \`free\`, \`top\`, \`kill\`, \`mount\` and \`ifconfig\`.

    ## Why is this bad?
    A build step has no terminal, no init system and no long-lived processes: \`service x start\` starts
    something that dies with the step, \`vim\` waits for a user who is not there, and \`ps\` or \`top\` show the
    build's own processes. The command either hangs the build or does nothing the image keeps.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    RUN service nginx start
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    CMD ["nginx", "-g", "daemon off;"]
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    \`ifconfig\` is checked too (hadolint names it in its message but not in its list). Only commands count,
    so a package called \`vim\` in \`apt-get install vim\` is not reported, nor \`command -v ps\`; wrapped commands
    (\`sudo service\`) and heredoc scripts are read. PowerShell and cmd stages are not checked.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const { cmd } of commandsIn(ctx, node, POINTLESS)) {
        ctx.report(cmd.name!, `'${cmd.name!.value}' makes no sense during an image build: nothing is running and no one is at the terminal`);
      }
    },
  }),
});
