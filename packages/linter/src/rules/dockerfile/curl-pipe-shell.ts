import { commandName, unwrapCommand, type ShellCommand } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { commandsIn } from "./support/shell-commands.js";

const DOWNLOADERS = ["curl", "wget"];
const INTERPRETERS = new Set([
  "sh", "bash", "dash", "ash", "zsh", "ksh", "busybox", "python", "python2", "python3", "perl", "ruby", "node", "php",
]);

/**
 * Whether a download writes to standard output: curl does unless told `-o`/`-O`/`--output`/
 * `--remote-name`; wget writes a file unless told `-O -` (`-qO-`, `--output-document=-`).
 */
export function writesToStdout(cmd: ShellCommand): boolean {
  const args = cmd.args.map((a) => a.value);
  if (commandName(cmd) === "curl") {
    return !args.some((a) => /^-[a-zA-Z]*[oO]/.test(a) || /^--(output|remote-name)/.test(a));
  }
  for (let i = 0; i < args.length; i++) {
    const short = /^-[a-zA-Z]*O(.*)$/.exec(args[i]!);
    const long = /^--output-document(?:=(.*))?$/.exec(args[i]!);
    const m = short ?? long;
    if (!m) continue;
    const value = m[1] === undefined || (short && m[1] === "") ? args[i + 1] : m[1];
    return value === "-";
  }
  return false;
}

/** The command a wrapper runs (`sudo -E bash` → `bash`), through any number of wrappers. */
function innermost(cmd: ShellCommand): ShellCommand {
  let current = cmd;
  for (let depth = 0; depth < 5; depth++) {
    const inner = unwrapCommand(current);
    if (!inner) break;
    current = inner;
  }
  return current;
}

export default defineRule({
  code: "DF209",
  name: "curl-pipe-shell",
  kind: "dockerfile",
  category: "security",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags a \`RUN\` that pipes what \`curl\` or \`wget\` downloads straight into a shell or interpreter
    (\`curl -fsSL https://get.example.com | sh\`, \`wget -qO- ... | sudo bash\`, \`... | python3 -\`).

    ## Why is this bad?
    The script is executed as root in the build without any check: whoever controls the server (or a
    mirror, or a hijacked domain) controls the image, and the script can change from one build to the
    next. A failed download can also run half a script: without \`pipefail\` the build does not notice.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    RUN curl -fsSL https://deb.nodesource.com/setup_22.x | bash -
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    ADD --checksum=sha256:5b2d61b3a2ed7a3f2b0d7f9b1ec1a3cb8ad0c6a7f41d51a09c2c4a8b14a5e0f3 https://deb.nodesource.com/setup_22.x /tmp/setup.sh
    RUN bash /tmp/setup.sh && rm /tmp/setup.sh
    \`\`\`

    ## Fix safety
    No fix: the script's checksum has to be taken from a trusted source.

    ## Limits
    Only pipes are recognised; \`sh -c "$(curl ...)"\` and \`bash <(curl ...)\` are not (yet).
  `,
  create: (ctx) => ({
    Run(node) {
      for (const { cmd } of commandsIn(ctx, node, DOWNLOADERS)) {
        const pipeline = cmd.pipeline;
        const downloader = commandName(cmd);
        if (!pipeline || cmd.pipelineIndex === undefined || !downloader) continue;
        if (!writesToStdout(cmd)) continue;
        for (const member of pipeline.commands) {
          if ((member.pipelineIndex ?? -1) <= cmd.pipelineIndex) continue;
          const target = innermost(member);
          const name = commandName(target);
          if (name && INTERPRETERS.has(name) && target.name) {
            ctx.report(target.name.range, `'${downloader}' output is piped into '${name}': a remote script runs unverified`);
            break;
          }
        }
      }
    },
  }),
});
