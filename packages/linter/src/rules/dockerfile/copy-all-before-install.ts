import type { CopyInstruction, Instruction, Word } from "@shipshape/dockerfile";
import { commandName, type ShellCommand } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { allCommands } from "./support/shell-commands.js";

/** A dependency install, by tool, and the manifest files it reads (for the message). */
const INSTALLS: readonly { test: (name: string, args: readonly string[]) => boolean; manifest: string }[] = [
  { test: (n, a) => n === "npm" && ["ci", "install", "i"].includes(a[0] ?? "") && a.length === 1, manifest: "package.json and package-lock.json" },
  { test: (n, a) => n === "yarn" && (a.length === 0 || (a[0] === "install" && a.every((x) => x.startsWith("-") || x === "install"))), manifest: "package.json and yarn.lock" },
  { test: (n, a) => n === "pnpm" && ["install", "i"].includes(a[0] ?? "") && a.slice(1).every((x) => x.startsWith("-")), manifest: "package.json and pnpm-lock.yaml" },
  { test: (n, a) => /^pip3?$/.test(n) && a[0] === "install" && a.some((x) => x === "-r" || x.startsWith("--requirement") || /^-r\S/.test(x)), manifest: "the requirements file" },
  { test: (n, a) => n === "bundle" && (a.length === 0 || a[0] === "install"), manifest: "Gemfile and Gemfile.lock" },
  { test: (n, a) => n === "go" && a[0] === "mod" && a[1] === "download", manifest: "go.mod and go.sum" },
  { test: (n, a) => n === "composer" && a[0] === "install", manifest: "composer.json and composer.lock" },
  { test: (n, a) => n === "poetry" && a[0] === "install", manifest: "pyproject.toml and poetry.lock" },
  { test: (n, a) => n === "uv" && a[0] === "sync", manifest: "pyproject.toml and uv.lock" },
];

function dependencyInstall(cmd: ShellCommand): { name: string; manifest: string } | undefined {
  const name = commandName(cmd);
  if (!name) return undefined;
  const args = cmd.args.map((a) => a.value);
  const found = INSTALLS.find((i) => i.test(name, args));
  return found && { name: [name, ...args.slice(0, name === "go" ? 2 : 1)].join(" "), manifest: found.manifest };
}

/** The `.` source of a `COPY . <dest>` from the build context (not --from). */
function wholeContextSource(node: Instruction): Word | undefined {
  if (node.kind !== "Copy" || (node as CopyInstruction).from) return undefined;
  return node.sources.find((s) => s.value === "." || s.value === "./");
}

export default defineRule({
  code: "DF211",
  name: "copy-all-before-install",
  kind: "dockerfile",
  category: "performance",
  severity: "info",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags \`COPY . <dest>\` (the whole build context) placed before a dependency install in the same stage:
    \`npm ci\`/\`npm install\`, \`yarn install\`, \`pnpm install\`, \`pip install -r\`, \`bundle install\`,
    \`go mod download\`, \`composer install\`, \`poetry install\`, \`uv sync\`.

    ## Why is this bad?
    Any change to any file of the context invalidates the \`COPY\` layer and every layer after it, so every
    code change re-downloads and re-installs all dependencies. Copying only the manifest files first,
    installing, and copying the rest afterwards keeps the install cached until the dependencies change.

    ## Example
    \`\`\`dockerfile
    FROM node:22-alpine
    WORKDIR /app
    COPY . .
    RUN npm ci
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22-alpine
    WORKDIR /app
    COPY package.json package-lock.json ./
    RUN npm ci
    COPY . .
    \`\`\`

    ## Fix safety
    No fix: which files the install needs (workspaces, patches, local packages) depends on the project.

    ## Notes
    Installs of named packages (\`npm install express\`) are not dependency installs of the project and are
    not considered. Only the same stage is looked at.
  `,
  create: (ctx) => ({
    "Stage:exit"(stage) {
      let copy: Word | undefined;
      for (const instr of stage.instructions) {
        const source = wholeContextSource(instr);
        if (source && !copy) copy = source;
        if (!copy || instr.kind !== "Run") continue;
        for (const { cmd } of allCommands(ctx, instr)) {
          const install = dependencyInstall(cmd);
          if (!install) continue;
          const line = ctx.file.lines.positionAt(instr.range.start).line + 1;
          ctx.report(copy, `COPY of the whole context comes before '${install.name}' (line ${line}): any source change re-runs the install; copy ${install.manifest} first, install, then copy the rest`);
          return;
        }
      }
    },
  }),
});
