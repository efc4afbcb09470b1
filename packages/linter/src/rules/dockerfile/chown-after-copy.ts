import { cleanPath } from "@shipshape/buildplan";
import type { Instruction } from "@shipshape/dockerfile";
import { expandWord, type Stage } from "@shipshape/semantic";
import { commandName, hasFlag, positionalArgs, type ShellWord } from "@shipshape/shell";
import { defineRule, type DockerfileRuleContext } from "../../rule.js";
import { md } from "../../docs.js";
import { allCommands, resolveWord, scopeOf, stageLeavesImage } from "./support/shell-commands.js";
import { lineOf } from "./support/words.js";

type Ctx = DockerfileRuleContext<any>;

/** `/a/./b/../c/` → `/a/c`; relative paths are joined to `base` (undefined: unknown). */
function absolute(base: string | undefined, path: string): string | undefined {
  if (path.startsWith("/")) return cleanPath(path);
  return base === undefined ? undefined : cleanPath(`${base}/${path}`);
}

/** A Dockerfile word with the stage's ARG/ENV values; undefined when a variable is not known. */
function expanded(ctx: Ctx, node: Instruction, text: string): string | undefined {
  const scope = scopeOf(ctx, node);
  const r = expandWord(text, (name) => scope.lookup(name), { escape: ctx.semantic.escape });
  return r.unmatched.length === 0 && r.errors.length === 0 ? r.value : undefined;
}

/** Whether `target`, changed recursively, covers `written`: the same path or a folder above it. */
function covers(target: string, written: string): boolean {
  return target === written || target === "/" || written.startsWith(`${target}/`);
}

/** A chmod mode that starts with `-` (`chmod -R -w dir`) reads as an option cluster. */
const DASH_MODE = /^-[rwxXst]+$/;

/** `root`, `0`, `root:root`, `0:0`, `root:`, `:0`, ... (also with `.`, chown's old separator). */
const ROOT_OWNER = /^(?=.)(?:root|0)?(?:[:.](?:root|0)?)?$/;

interface Written {
  path: string;
  instr: Instruction;
  /** Whether the step sets an owner (`--chown`). */
  chown: boolean;
  /** The step's own `--chown` and `--chmod` values, when it has them. */
  chownValue?: string;
  chmodValue?: string;
}

export default defineRule({
  code: "DF216",
  name: "chown-after-copy",
  kind: "dockerfile",
  category: "performance",
  severity: "warning",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags \`chown -R\` and \`chmod -R\` in a \`RUN\` on a path that a \`COPY\` or \`ADD\` earlier in the same
    stage wrote (the path itself or a folder above it), in a stage whose files end up in an image.

    ## Why is this bad?
    A layer stores every file a step changes, and a change of owner or mode is a change. The \`RUN\`
    therefore stores all the copied files a second time: the image carries them twice, and pulls take
    twice as long for them. \`COPY --chown\` and \`COPY --chmod\` set owner and mode as the files are
    written, in the one layer.

    ## Example
    \`\`\`dockerfile
    FROM node:22-slim
    WORKDIR /app
    COPY . /app
    RUN chown -R node:node /app
    USER node
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM node:22-slim
    WORKDIR /app
    COPY --chown=node:node . /app
    USER node
    \`\`\`

    ## Notes
    Paths are resolved with the stage's \`WORKDIR\`, \`ARG\` and \`ENV\` values; a path that depends on
    something unknown (a variable without a value, the working directory of an external base image, a
    \`cd\` earlier in the same \`RUN\`) is not reported. A \`chown\` to root after a \`COPY\` without
    \`--chown\` is not reported either: the files are root's already. \`COPY --chmod\` needs BuildKit
    (Dockerfile syntax 1.2 or later).

    ## Fix safety
    No fix is offered: the \`RUN\` may change files of other steps too.
  `,
  create: (ctx) => {
    // The working directory at the end of each stage (undefined: set by an external image, not known).
    const finalWorkdirs = new Map<number, string | undefined>();

    const walk = (stage: Stage, visit?: (instr: Instruction, workdir: string | undefined) => void): string | undefined => {
      let workdir: string | undefined;
      if (stage.base.kind === "scratch") workdir = "/";
      else if (stage.base.kind === "stage" && stage.base.stage.index < stage.index) workdir = finalWorkdir(stage.base.stage);
      for (const instr of stage.instructions) {
        if (instr.kind === "Workdir") {
          const path = instr.path ? expanded(ctx, instr, instr.path.value) : undefined;
          workdir = path === undefined ? undefined : absolute(workdir, path);
        }
        visit?.(instr, workdir);
      }
      return workdir;
    };
    const finalWorkdir = (stage: Stage): string | undefined => {
      if (!finalWorkdirs.has(stage.index)) finalWorkdirs.set(stage.index, walk(stage));
      return finalWorkdirs.get(stage.index);
    };

    const check = (instr: Instruction, workdir: string | undefined, written: readonly Written[]) => {
      const commands = allCommands(ctx, instr);
      for (const { cmd, order } of commands) {
        const name = commandName(cmd);
        if ((name !== "chown" && name !== "chmod") || !hasFlag(cmd, "R", "recursive")) continue;
        const moved = commands.some((c) => c.order < order && (commandName(c.cmd) === "cd" || commandName(c.cmd) === "pushd"));
        const positionals = positionalArgs(cmd);
        const reference = hasFlag(cmd, "reference");
        const dashMode = name === "chmod" && cmd.args.some((a) => DASH_MODE.test(a.value));
        const setting: ShellWord | undefined = reference || dashMode ? undefined : positionals[0];
        const targets = reference || dashMode ? positionals : positionals.slice(1);
        for (const target of targets) {
          for (const value of resolveWord(ctx, instr, target) ?? []) {
            // `dir/*` changes everything in dir, as far as the copied files go.
            const path = absolute(moved ? undefined : workdir, value.replace(/\/\*$/, "") || "/");
            if (path === undefined) continue;
            const hit = [...written].reverse().find((w) => covers(path, w.path));
            // COPY and ADD write as root unless told otherwise: a chown to root changes nothing there.
            if (!hit || (name === "chown" && !hit.chown && setting && ROOT_OWNER.test(setting.value))) continue;
            const flag = name === "chown" ? "--chown" : "--chmod";
            const advice = setting ? `${flag}=${setting.value}` : flag;
            const line = lineOf(ctx.file.lines, hit.instr.range.start);
            const given = name === "chown" ? hit.chownValue : hit.chmodValue;
            const message = setting && given === setting.value
              ? `${name} -R on '${value}' sets again the ${advice} the ${hit.instr.keyword} on line ${line} already gave its files, and this layer stores them again: remove it`
              : `${name} -R on '${value}' changes the files the ${hit.instr.keyword} on line ${line} wrote, so this layer stores them again: give that ${hit.instr.keyword} ${advice} instead`;
            ctx.report(target, message, { related: [{ message: `the ${hit.instr.keyword} that wrote the files`, target: hit.instr.keywordWord }] });
            break; // one finding per word
          }
        }
      }
    };

    return {
      "Stage:exit"(span) {
        const stage = ctx.semantic.stages[span.index];
        if (!stage || !stageLeavesImage(ctx, span.from)) return;
        const written: Written[] = [];
        walk(stage, (instr, workdir) => {
          if (instr.kind === "Copy" || instr.kind === "Add") {
            const dest = instr.destination ? expanded(ctx, instr, instr.destination.value) : undefined;
            const path = dest === undefined ? undefined : absolute(workdir, dest);
            if (path !== undefined) written.push({ path, instr, chown: instr.chown !== undefined, chownValue: instr.chown?.value?.value, chmodValue: instr.chmod?.value?.value });
          } else if (instr.kind === "Run" && written.length > 0) check(instr, workdir, written);
        });
      },
    };
  },
});
