import { hasFlag } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { pinMessage, reportUnpinned, toolCalls } from "./support/shell-commands.js";

/** `gem install` options that take a value. */
const GEM_VALUE_FLAGS = [
  "v", "version", "i", "install-dir", "n", "bindir", "platform", "s", "source", "p", "http-proxy", "g", "file",
  "build-root", "document", "P", "trust-policy", "target-rbconfig",
];

export default defineRule({
  code: "DL3028",
  name: "gem-unpinned",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags gems in \`gem install\` (\`gem i\`) without a version: neither \`name:version\` nor a \`-v\`/\`--version\`
    option. Local \`.gem\` files are fine.

    ## Why is this bad?
    Without a version, gem installs the newest release on the day of the build: builds of the same commit
    differ, and a new major version can break the image without any change on your side.

    ## Example
    \`\`\`dockerfile
    FROM ruby:3.3
    RUN gem install bundler
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM ruby:3.3
    RUN gem install bundler:2.5.22
    \`\`\`

    ## Fix safety
    No fix is offered: only you know which version to pin.

    ## Differences from hadolint
    Options are read as gem reads them: hadolint drops the word after every option, so in
    \`gem install --no-document rails\` it never sees \`rails\`. A gem holding a variable is checked with the value
    the ARG or ENV in force gives it. Wrapped commands and heredoc scripts are checked too; PowerShell and cmd
    stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const call of toolCalls(ctx, node, "gem", ["install", "i"], GEM_VALUE_FLAGS)) {
        if (hasFlag(call.cmd, "v", "version")) continue;
        // Words after `--` go to the gem's build (extconf): `gem install mysql2 -- --with-mysql-config=...`.
        const end = call.cmd.args.find((a) => a.value === "--" && !a.quoted)?.range.start ?? Infinity;
        const gems = call.operands.filter((g) => g.range.start < end);
        reportUnpinned(ctx, node, gems, (g) => g.includes(":") || g.endsWith(".gem"),
          (gems) => pinMessage(gems, "gem install", ":"));
      }
    },
  }),
});
