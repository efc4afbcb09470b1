import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { hasVariable, unquote } from "./support/words.js";

export default defineRule({
  code: "DL3029",
  name: "from-platform-constant",
  aliases: ["FromPlatformFlagConstDisallowed"],
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags \`FROM --platform=<constant>\`, such as \`FROM --platform=linux/amd64 node:22\`.

    ## Why is this bad?
    A fixed platform ignores the platform the build was asked for: \`docker build --platform linux/arm64\`
    still produces an amd64 stage, and a multi-platform build produces the same stage for every
    platform. Use \`\$BUILDPLATFORM\` for stages that only run tools on the build machine, and leave the
    flag out for stages that end up in the image.

    ## Example
    \`\`\`dockerfile
    FROM --platform=linux/amd64 node:22
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM --platform=\$BUILDPLATFORM golang:1.23 AS build
    FROM --platform=linux/amd64 alpine:3.20 AS tools-amd64
    FROM node:22
    \`\`\`

    ## Fix safety
    No fix is offered: whether the stage should follow the target or the build platform is a choice.

    ## Differences from hadolint
    This is also BuildKit's \`FromPlatformFlagConstDisallowed\` check, and it follows BuildKit's trigger:
    only a value without variables is reported, and a stage whose name mentions the platform's OS or
    architecture (\`AS tools-amd64\`) is taken as deliberate. Hadolint also reports values made of
    other variables (\`linux/\$TARGETARCH\`, \`\$MY_PLATFORM\`), which do follow the build's settings.
  `,
  create: (ctx) => ({
    From(node) {
      const value = node.platform?.value;
      if (!value || value.value.trim() === "" || hasVariable(value.value)) return;
      const platform = unquote(value.value).toLowerCase();
      const stageName = node.stageName?.value.toLowerCase();
      const [os, arch] = platform.split("/");
      if (stageName && [os, arch].some((part) => part && stageName.includes(part))) return;
      ctx.report(value, `The platform '${platform}' is fixed: this stage ignores the platform the build asks for`);
    },
  }),
});
