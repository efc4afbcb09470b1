import type { CopyInstruction, Word } from "@shipshape/dockerfile";
import { commandName, findCommands, type ShellCommand } from "@shipshape/shell";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { hasVariable, lineOf, pathBasename, unquote } from "./support/words.js";

/** Archives ADD unpacks by itself (hadolint's list plus zstd). */
const ARCHIVE = /\.(?:tar|Z|bz2|gz|lz|lzma|tZ|tb2|tbz|tbz2|tgz|tlz|tpz|txz|xz|zst|tzst)$/;
const DECOMPRESSORS = ["unzip", "gunzip", "bunzip2", "unlzma", "unxz", "zgz", "uncompress", "zcat", "gzcat", "unzstd", "zstdcat"];

/** `tar -x...`, `tar --extract`/`--get`, or the old form `tar xzf`. */
function tarExtracts(cmd: ShellCommand): boolean {
  return cmd.args.some((a, i) => {
    const v = a.value;
    if (v === "--extract" || v === "--get") return true;
    if (/^-[A-Za-z]*x/.test(v) && !v.startsWith("--")) return true;
    return i === 0 && /^[A-Za-z]*x[A-Za-z]*$/.test(v);
  });
}

interface CopiedArchive {
  source: Word;
  /** Names the file may have in the image: its own and the destination's when that names a file. */
  names: Set<string>;
  reported: boolean;
}

export default defineRule({
  code: "DL3010",
  name: "use-add-for-archives",
  kind: "dockerfile",
  category: "performance",
  severity: "info",
  enabledByDefault: true,
  docs: () => md`
    ## What it does
    Flags a \`COPY\` of a local archive (\`.tar\`, \`.tar.gz\`, \`.tgz\`, \`.tar.xz\`, ...) that a later
    \`RUN\` of the same stage unpacks (\`tar -x\`, \`gunzip\`, \`unxz\`, ...).

    ## Why is this bad?
    The copied archive stays in its own layer even if the \`RUN\` deletes it afterwards, so the image
    carries the archive and its contents. \`ADD\` unpacks a local archive while copying, in one layer and
    without needing \`tar\` in the image.

    ## Example
    \`\`\`dockerfile
    FROM debian:12-slim
    COPY app.tar.gz /tmp/
    RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM debian:12-slim
    ADD app.tar.gz /opt/
    \`\`\`

    ## Fix safety
    No fix is offered: \`ADD\` unpacks into the destination directory, which may differ from where the
    \`RUN\` extracted to.

    ## Differences from hadolint
    Commands are found anywhere in the \`RUN\` script, heredoc scripts and wrappers such as \`sudo\`
    included, and a \`tar\` without extraction flags (\`tar -czf\`) does not count. zstd archives count
    too, since \`ADD\` unpacks them. \`COPY --from\` is not reported: only context files can be added.
  `,
  create: (ctx) => ({
    "Stage:exit"(stage) {
      const copied: CopiedArchive[] = [];
      for (const instr of stage.instructions) {
        if (instr.kind === "Copy") {
          collect(instr, copied);
          continue;
        }
        if (instr.kind !== "Run" || copied.length === 0) continue;
        for (const { script } of ctx.shell(instr)) {
          const extractors = findCommands(script, (c) => {
            const name = commandName(c);
            return (name === "tar" && tarExtracts(c)) || (name !== undefined && DECOMPRESSORS.includes(name));
          });
          for (const cmd of extractors) {
            const names = new Set(cmd.args.map((a) => pathBasename(a.value)));
            for (const archive of copied) {
              if (archive.reported || ![...archive.names].some((n) => names.has(n))) continue;
              archive.reported = true;
              const file = pathBasename(unquote(archive.source.value));
              ctx.report(
                archive.source,
                `'${file}' is copied, then unpacked by the RUN on line ${lineOf(ctx.file.lines, instr.range.start)}: ADD unpacks a local archive in one step`,
                { related: [{ message: "The command that unpacks it", target: cmd.range }] },
              );
            }
          }
        }
      }
    },
  }),
});

function collect(node: CopyInstruction, into: CopiedArchive[]): void {
  if (node.from || !node.destination) return;
  const dest = unquote(node.destination.value);
  const destName = dest.endsWith("/") || hasVariable(dest) ? undefined : pathBasename(dest);
  for (const source of node.sources) {
    const path = unquote(source.value);
    if (path.startsWith("<<") || hasVariable(path)) continue;
    const names = new Set<string>();
    if (ARCHIVE.test(path)) names.add(pathBasename(path));
    if (destName && node.sources.length === 1 && (ARCHIVE.test(destName) || names.size > 0)) names.add(destName);
    if (names.size > 0) into.push({ source, names, reported: false });
  }
}
