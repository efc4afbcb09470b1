import type { Instruction, RunInstruction } from "@shipshape/dockerfile";
import { hasFlag, positionalArgs, type ShellWord } from "@shipshape/shell";
import { defineRule, type DockerfileRuleContext } from "../../rule.js";
import { md } from "../../docs.js";
import { NPM_VALUE_FLAGS } from "./npm-unpinned.js";
import { commandsIn, toolCalls } from "./support/shell-commands.js";
import { pathBasename, unquote } from "./support/words.js";

type Ctx = DockerfileRuleContext<any>;

const YARN_VALUE_FLAGS = ["cwd", "network-timeout", "modules-folder", "cache-folder", "mutex", "registry"];
const PNPM_VALUE_FLAGS = ["C", "dir", "filter", "F", "reporter", "store-dir", "virtual-store-dir", "registry"];

interface Found {
  /** The word to report: the install subcommand, or the tool's name when it has none (`yarn`). */
  at: ShellWord;
  /** What was run, for the message. */
  what: string;
  lockfile: string;
  advice: string;
}

/** The lockfiles a stage has copied in by name before `before`, and those a RUN bind-mounts. */
function lockfilesBefore(instructions: readonly Instruction[], before: Instruction): Set<string> {
  const names = new Set<string>();
  for (const instr of instructions) {
    if (instr === before) break;
    if ((instr.kind === "Copy" && !instr.from) || instr.kind === "Add") for (const source of instr.sources) names.add(pathBasename(unquote(source.value)));
  }
  for (const mount of (before as RunInstruction).mounts) {
    if (mount.type !== "bind") continue;
    const source = mount.values["source"] ?? mount.values["src"];
    if (source && !mount.values["from"]) names.add(pathBasename(unquote(source)));
  }
  return names;
}

/**
 * Installs of the whole manifest (no package named) with `tool`, unless a flag in `holding` makes them hold
 * to the lockfile.
 */
function manifestInstalls(out: Found[], ctx: Ctx, node: Instruction, tool: string, subcommands: readonly string[], valueFlags: readonly string[], holding: readonly string[], lockfile: string, advice: string): void {
  for (const call of toolCalls(ctx, node, tool, subcommands, valueFlags)) {
    if (call.operands.length === 0 && !hasFlag(call.cmd, "g", "global", ...holding)) out.push({ at: call.subcommand, what: `${tool} ${call.subcommand.value}`, lockfile, advice });
  }
}

/** `npm install` and the spellings npm takes for it. */
const NPM_INSTALL = ["install", "i", "in", "ins", "inst", "insta", "instal", "isnt", "isnta", "isntal", "isntall", "add"];
const NPM_ADVICE = "use npm ci, which installs exactly what the lockfile pins and fails when it does not match package.json";
const PNPM_INSTALL = ["install", "i"];
const PNPM_ADVICE = "add --frozen-lockfile, so that it fails instead of changing the lockfile";

const YARN_NOT_INSTALL_FLAGS = ["v", "version", "h", "help"];

function yarnInstalls(out: Found[], ctx: Ctx, node: Instruction): void {
  for (const { cmd } of commandsIn(ctx, node, "yarn")) {
    const args = positionalArgs(cmd, { valueFlags: YARN_VALUE_FLAGS });
    const sub = args[0];
    if (sub ? sub.value !== "install" || args.length > 1 : hasFlag(cmd, ...YARN_NOT_INSTALL_FLAGS)) continue;
    if (hasFlag(cmd, "frozen-lockfile", "immutable", "pure-lockfile")) continue;
    out.push({
      at: sub ?? (cmd.name as ShellWord),
      what: sub ? "yarn install" : "yarn",
      lockfile: "yarn.lock",
      advice: "add --frozen-lockfile (Yarn 1) or --immutable (Yarn 2 and later), so that it fails instead of changing the lockfile",
    });
  }
}

export default defineRule({
  code: "DF217",
  name: "install-ignores-lockfile",
  kind: "dockerfile",
  category: "best-practice",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags \`npm install\`, \`yarn install\` (or plain \`yarn\`) and \`pnpm install\` without package names,
    run in a stage that has copied the matching lockfile in (\`package-lock.json\`, \`yarn.lock\`,
    \`pnpm-lock.yaml\`, by name, with \`COPY\`/\`ADD\` or a bind mount of the \`RUN\`), when the install does
    not hold to it: \`npm install\` instead of \`npm ci\`, Yarn without \`--frozen-lockfile\`/\`--immutable\`,
    pnpm without \`--frozen-lockfile\`.

    ## Why is this bad?
    These commands resolve versions again when \`package.json\` allows others than the lockfile names,
    and rewrite the lockfile inside the image. The image then holds other dependencies than the ones the
    project tested and reviewed, and two builds of the same commit can differ.

    ## Example
    \`\`\`dockerfile
    FROM node:22-slim
    WORKDIR /app
    COPY package.json package-lock.json ./
    RUN npm install --omit=dev
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22-slim
    WORKDIR /app
    COPY package.json package-lock.json ./
    RUN npm ci --omit=dev
    \`\`\`

    ## Notes
    Only a lockfile named in the stage counts: \`COPY package*.json ./\` or \`COPY . .\` may or may not
    bring one, so they are not reported. Installing named packages (\`npm install left-pad\`) is
    DL3016's business. Wrapped commands and heredoc scripts are read too.

    ## Fix safety
    No fix is offered: \`npm ci\` also removes an existing \`node_modules\` and fails without a lockfile
    that matches, which the build should be ready for.
  `,
  create: (ctx) => ({
    "Stage:exit"(stage) {
      const installs: Found[] = [];
      for (const instr of stage.instructions) {
        if (instr.kind !== "Run") continue;
        installs.length = 0;
        manifestInstalls(installs, ctx, instr, "npm", NPM_INSTALL, NPM_VALUE_FLAGS, ["no-package-lock"], "package-lock.json", NPM_ADVICE);
        yarnInstalls(installs, ctx, instr);
        manifestInstalls(installs, ctx, instr, "pnpm", PNPM_INSTALL, PNPM_VALUE_FLAGS, ["frozen-lockfile"], "pnpm-lock.yaml", PNPM_ADVICE);
        if (installs.length === 0) continue;
        const locks = lockfilesBefore(stage.instructions, instr);
        for (const found of installs) {
          const lockfiles = found.lockfile === "package-lock.json" ? ["package-lock.json", "npm-shrinkwrap.json"] : [found.lockfile];
          const lock = lockfiles.find((l) => locks.has(l));
          if (!lock) continue;
          ctx.report(found.at, `${found.what} can install other versions than ${lock} pins, and rewrite it: ${found.advice}`);
        }
      }
    },
  }),
});

