import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";

/**
 * Stands for all ShellCheck codes (`SCnnnn`): turning this rule off turns ShellCheck off. The engine
 * runs ShellCheck itself (engine/shellcheck.ts); this rule has no visitor.
 */
export default defineRule({
  code: "shellcheck",
  name: "shellcheck",
  kind: "dockerfile",
  category: "correctness",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Runs ShellCheck on the shell scripts of \`RUN\` instructions and reports its findings under their own
    codes (\`SC2086\`, ...), at the word ShellCheck points to.

    Only when a ShellCheck runner is available: the CLI and the language server use the \`shellcheck\`
    executable found on \`PATH\`; without it (or through the library without a runner) there are no SC findings.

    ## Why is this bad?
    A \`RUN\` line is a shell script, with all the usual shell traps: unquoted variables that split, \`cd\`
    without a check, \`[\` with \`==\` in \`sh\`. ShellCheck finds them before the build does, or does not.

    ## Example
    \`\`\`dockerfile
    FROM debian:12
    RUN cd $DIR && make
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12
    RUN cd "$DIR" && make
    \`\`\`

    ## Fix safety
    ShellCheck's own suggestions are offered as unsafe fixes when they map cleanly onto the Dockerfile.

    ## Differences from hadolint
    As hadolint: shell-form \`RUN\` and \`ONBUILD RUN\` only, skipped when the stage's shell (from \`SHELL\`
    or \`# hadolint shell=\`) is not a POSIX shell, SC1090, SC1091 and SC2187 left out, and the stage's ARG
    and ENV names (plus the proxy variables) count as assigned. Heredoc scripts are checked too, with the
    dialect of their shebang. Select or ignore single codes (\`SC2086\`) like any rule; ignoring
    \`shellcheck\` turns all of them off.
  `,
  create: () => ({}),
});
