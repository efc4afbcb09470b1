import { commandName, positionalArgs } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { allCommands, cacheMountTargets, runsLater, stageLeavesImage, toolCalls } from "./support/shell-commands.js";

export default defineRule({
  code: "DL3060",
  name: "yarn-cache-not-cleaned",
  kind: "dockerfile",
  category: "performance",
  severity: "info",
  enabledByDefault: true,
  local: true,
  onbuild: true,
  docs: () => md`
    ## What it does
    Flags \`yarn install\` with no \`yarn cache clean\` after it in the same \`RUN\`, in a stage whose files end
    up in an image (the last stage, or a stage another \`FROM\` builds on), unless a cache/tmpfs mount holds
    yarn's cache.

    ## Why is this bad?
    yarn keeps a copy of every package it fetched in its global cache. In an image that copy is never used
    again, but it is committed into the layer, often doubling the size of \`node_modules\`.

    ## Example
    \`\`\`dockerfile
    FROM node:22
    RUN yarn install --frozen-lockfile
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22
    RUN yarn install --frozen-lockfile && yarn cache clean
    \`\`\`

    \`\`\`dockerfile
    FROM node:22
    RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile
    \`\`\`

    ## Fix safety
    No fix is offered.

    ## Differences from hadolint
    \`yarn cache clean\` must run after the install and be the \`cache clean\` subcommand (hadolint looks for the
    words anywhere). An \`rm\` of a \`.cache/yarn\` directory counts too, and a stage is known to be a base
    also when a \`FROM\` names it through an \`ARG\`. Wrapped commands and heredoc scripts are
    checked too; PowerShell and cmd stages are not.
  `,
  create: (ctx) => ({
    Run(node) {
      const installs = toolCalls(ctx, node, "yarn", ["install"]);
      if (installs.length === 0 || cacheMountTargets(node).some((t) => t.includes(".cache/yarn"))) return;
      const commands = allCommands(ctx, node);
      // The stage is looked at only for a finding: a RUN that cleans up is judged from its own text (see `local`).
      let leaves: boolean | undefined;
      for (const call of installs) {
        const cleaned = runsLater(commands, call, (cmd) => {
          const name = commandName(cmd);
          const args = positionalArgs(cmd);
          if (name === "yarn") return args[0]?.value === "cache" && args[1]?.value === "clean";
          return name === "rm" && args.some((a) => a.value.includes(".cache/yarn"));
        });
        if (!cleaned && (leaves ??= stageLeavesImage(ctx, node))) ctx.report(call.cmd.name!, "Run 'yarn cache clean' after yarn install in the same RUN, or yarn's cache stays in the layer");
      }
    },
  }),
});
