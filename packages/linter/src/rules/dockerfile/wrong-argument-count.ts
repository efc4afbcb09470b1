import type { FromInstruction, HealthcheckInstruction, Instruction, Word } from "@shipshape/dockerfile";
import { defineRule, type DockerfileRuleContext } from "../../rule.js";
import { md } from "../../docs.js";
import { subRange } from "./support/words.js";

/** Instructions BuildKit refuses without any argument, and how its message words it. */
const NEEDS_ARGUMENT: Readonly<Record<string, "at least one" | "exactly one">> = {
  ARG: "at least one",
  ENV: "at least one",
  LABEL: "at least one",
  EXPOSE: "at least one",
  VOLUME: "at least one",
  ONBUILD: "at least one",
  HEALTHCHECK: "at least one",
  MAINTAINER: "exactly one",
  STOPSIGNAL: "exactly one",
  USER: "exactly one",
  WORKDIR: "exactly one",
};

type Ctx = DockerfileRuleContext<Record<string, never>>;

function checkFrom(ctx: Ctx, node: FromInstruction): void {
  if (!node.image) return; // reported as missing arguments
  const words = [node.image, node.asKeyword, node.stageName, ...node.extraArgs].filter((w): w is Word => w !== undefined);
  if (!node.asKeyword && node.extraArgs.length === 2) {
    ctx.report(node.extraArgs[0]!, `The second word of FROM must be 'AS', not '${node.extraArgs[0]!.value}'`);
    return;
  }
  if (words.length === 1 || words.length === 3) return;
  const first = words.length === 2 ? (node.asKeyword ?? words[1]!) : words[3]!;
  const message = words.length === 2 && node.asKeyword
    ? "FROM ... AS needs a stage name after 'AS'"
    : `FROM takes an image and optionally 'AS <name>': '${first.value}' is one word too many`;
  ctx.report(first, message);
}

function checkHealthcheck(ctx: Ctx, node: HealthcheckInstruction): void {
  const type = node.type;
  if (!type) return;
  const upper = type.value.toUpperCase();
  if (upper === "NONE") {
    if (node.command) ctx.report(node.command, "HEALTHCHECK NONE takes no arguments");
  } else if (upper === "CMD") {
    const empty = !node.command || (node.command.kind === "JsonForm" ? node.command.elements.length === 0 : node.command.value.trim() === "");
    if (empty) ctx.report(type, "HEALTHCHECK CMD needs a command after 'CMD'");
  } else {
    ctx.report(type, `Unknown HEALTHCHECK type '${type.value}': write 'CMD <command>' or 'NONE'`);
  }
}

/** The first whitespace-separated word after the first one, for USER with spaces. */
function secondWord(word: Word): { range: ReturnType<typeof subRange>; value: string } | undefined {
  const m = /^(\S+)(\s+)(\S+)/.exec(word.value);
  if (!m) return undefined;
  const from = m[1]!.length + m[2]!.length;
  return { range: subRange(word, from, from + m[3]!.length), value: m[3]! };
}

function hasNoArguments(node: Instruction): boolean {
  return node.args.value.trim() === "" && node.heredocs.length === 0;
}

export default defineRule({
  code: "DF101",
  name: "wrong-argument-count",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags instructions with a number of arguments BuildKit refuses: an instruction with none at all
    (\`ENV\`, \`ARG\`, \`LABEL\`, \`EXPOSE\`, \`VOLUME\`, \`ONBUILD\`, \`HEALTHCHECK\`, \`USER\`, \`WORKDIR\`,
    \`STOPSIGNAL\`, \`MAINTAINER\`, \`FROM\`), \`FROM\` with other than one or three words or a second word
    that is not \`AS\`, \`COPY\`/\`ADD\` without both a source and a destination, \`USER\` with two words,
    \`HEALTHCHECK NONE\` with arguments, \`HEALTHCHECK CMD\` without a command and a \`HEALTHCHECK\` type that
    is neither \`CMD\` nor \`NONE\`.

    ## Why is this bad?
    The build stops at once with a parse error: nothing after this line is built.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20 builder
    COPY app.tar.gz
    HEALTHCHECK NONE --interval=5s
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20 AS builder
    COPY app.tar.gz /srv/
    HEALTHCHECK NONE
    \`\`\`

    ## Fix safety
    No fix: the missing part (a destination, a stage name, a command) is yours to choose.

    ## Relation to dockerfile-utils
    dockerfile-utils reports these as \`ARGUMENT_MISSING\`, \`ARGUMENT_EXTRA\`, \`ARGUMENT_REQUIRES_ONE_OR_THREE\`,
    \`INVALID_AS\`, \`ARGUMENT_REQUIRES_AT_LEAST_TWO\`, \`ARGUMENT_UNNECESSARY\`, \`HEALTHCHECK_CMD_ARGUMENT_MISSING\`
    and \`UNKNOWN_TYPE\`. \`WORKDIR\` and \`STOPSIGNAL\` take the whole rest of the line as one value in BuildKit,
    so spaces there are not an argument-count error (\`WORKDIR /my dir\` is a valid path; a bad signal is
    DF108). An empty \`RUN\`, \`CMD\` or \`ENTRYPOINT\` is accepted by BuildKit and not reported.
  `,
  create: (ctx) => ({
    Instruction(node) {
      const kind = NEEDS_ARGUMENT[node.keyword];
      if (node.keyword === "FROM" && hasNoArguments(node)) {
        ctx.report(node.keywordWord, "FROM needs an image (or stage) to start from");
        return;
      }
      if (kind && hasNoArguments(node)) {
        ctx.report(node.keywordWord, `${node.keyword} requires ${kind} argument`);
        return;
      }
      switch (node.kind) {
        case "From":
          checkFrom(ctx, node);
          break;
        case "Healthcheck":
          checkHealthcheck(ctx, node);
          break;
        case "Copy":
        case "Add":
          if (node.paths.length < 2) {
            const target = node.paths[0] ?? node.keywordWord;
            ctx.report(target, `${node.keyword} needs a source and a destination; only ${node.paths.length === 0 ? "nothing" : `'${node.paths[0]!.value}'`} was given`);
          }
          break;
        case "User": {
          const extra = node.user && secondWord(node.user);
          if (extra) ctx.report(extra.range ?? node.user!, `USER takes one user[:group]; '${extra.value}' is an extra argument`);
          break;
        }
      }
    },
  }),
});
