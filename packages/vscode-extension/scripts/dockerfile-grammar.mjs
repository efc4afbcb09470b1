// Writes grammars/dockerfile.tmLanguage.json. The grammar is generated because the escape directive
// (`# escape=\``) changes the line-continuation character: every rule whose end depends on it exists
// twice, once per escape character, and the backtick set applies from an `escape` directive to the end
// of the file. Run: node packages/vscode-extension/scripts/dockerfile-grammar.mjs
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const S = "dockerfile.shipshape";
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../grammars/dockerfile.tmLanguage.json");

/**
 * A heredoc body from `<<EOF` (`<<-`, quoted delimiters) to its delimiter line; `body` says how the
 * body is highlighted (RUN: as shell; COPY/ADD: as file content).
 */
function heredoc(body) {
  return {
    name: `meta.heredoc.${S}`,
    begin: "(<<-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)(\\2)",
    beginCaptures: {
      1: { name: `keyword.operator.heredoc.${S}` },
      2: { name: `punctuation.definition.string.begin.${S}` },
      3: { name: `constant.other.heredoc-delimiter.${S}` },
      4: { name: `punctuation.definition.string.end.${S}` },
    },
    end: "^\\t*(\\3)(?=\\s*$)",
    endCaptures: { 1: { name: `constant.other.heredoc-delimiter.${S}` } },
    ...body,
  };
}

/** Rules whose end depends on the escape character; `e` is the regex for it, `k` the repository suffix. */
function escaped(e, k) {
  // A line ends the instruction unless its last non-blank character (up to 3 trailing blanks) is the escape.
  // A comment line inside a continued instruction consumes its newline (see comment-line), so the end
  // never fires right after one: BuildKit drops such lines and the instruction goes on.
  const endOfInstruction = `(?<!${e})(?<!${e}[ \\t])(?<!${e}[ \\t]{2})(?<!${e}[ \\t]{3})(?<!\\n)$`;
  const args = (extra = []) => [...extra, { include: `#continuation${k}` }, { include: "#comment-line" }, { include: "#string" }, { include: "#variable" }];
  const shellForm = {
    name: "meta.embedded.shell.dockerfile.shipshape",
    begin: "(?=\\S)",
    end: endOfInstruction,
    patterns: [{ include: `#continuation${k}` }, { include: "#comment-line" }, { include: "source.shell" }],
  };
  return {
    [`continuation${k}`]: { name: `constant.character.escape.line-continuation.${S}`, match: `${e}(?=[ \\t]*$)` },
    [`instructions${k}`]: {
      patterns: [
        { include: `#run${k}` },
        { include: `#healthcheck${k}` },
        { include: `#from${k}` },
        { include: `#onbuild${k}` },
        {
          name: `meta.instruction.${S}`,
          begin: "(?i)^\\s*(ARG|ENV|LABEL|EXPOSE|WORKDIR|USER|VOLUME|STOPSIGNAL|COPY|ADD|SHELL|MAINTAINER)(?=\\s|$)",
          beginCaptures: { 1: { name: `keyword.control.instruction.${S}` } },
          end: endOfInstruction,
          patterns: args([{ include: "#flag" }, { include: "#heredoc-text" }, { include: "#exec-form" }, { include: "#assignment" }]),
        },
      ],
    },
    [`run${k}`]: {
      name: `meta.instruction.run.${S}`,
      begin: "(?i)^\\s*(RUN|CMD|ENTRYPOINT)(?=\\s|$)",
      beginCaptures: { 1: { name: `keyword.control.instruction.${S}` } },
      end: endOfInstruction,
      patterns: [{ include: `#continuation${k}` }, { include: "#flag" }, { include: "#heredoc-shell" }, { include: "#exec-form" }, { ...shellForm }],
    },
    [`healthcheck${k}`]: {
      name: `meta.instruction.healthcheck.${S}`,
      begin: "(?i)^\\s*(HEALTHCHECK)(?=\\s|$)",
      beginCaptures: { 1: { name: `keyword.control.instruction.${S}` } },
      end: endOfInstruction,
      patterns: [
        { include: `#continuation${k}` },
        { include: "#flag" },
        { match: "(?i)(?<=\\s)NONE\\b", name: `keyword.other.none.${S}` },
        {
          begin: "(?i)(?<=\\s)(CMD)(?=\\s|$)",
          beginCaptures: { 1: { name: `keyword.control.instruction.${S}` } },
          end: endOfInstruction,
          patterns: [{ include: `#continuation${k}` }, { include: "#exec-form" }, { ...shellForm }],
        },
      ],
    },
    [`from${k}`]: {
      name: `meta.instruction.from.${S}`,
      begin: "(?i)^\\s*(FROM)(?=\\s|$)",
      beginCaptures: { 1: { name: `keyword.control.instruction.${S}` } },
      end: endOfInstruction,
      patterns: [
        { include: `#continuation${k}` },
        { include: "#flag" },
        {
          match: "(?i)(?<=\\s)(AS)\\s+([^\\s]+)",
          captures: { 1: { name: `keyword.control.as.${S}` }, 2: { name: `entity.name.type.stage.${S}` } },
        },
        {
          name: `entity.name.type.base-image.${S}`,
          begin: "(?<=\\s)(?=[^\\s\\\\`-])(?!(?i:AS)\\s)",
          end: "(?=\\s|$)",
          patterns: [{ include: "#variable" }],
        },
      ],
    },
    [`onbuild${k}`]: {
      name: `meta.instruction.onbuild.${S}`,
      begin: "(?i)^\\s*(ONBUILD)\\s+(\\w+)",
      beginCaptures: { 1: { name: `keyword.control.instruction.${S}` }, 2: { name: `keyword.control.instruction.${S}` } },
      end: endOfInstruction,
      patterns: args([{ include: "#flag" }, { include: "#exec-form" }, { include: "#assignment" }]),
    },
  };
}

const grammar = {
  $schema: "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
  name: "Dockerfile (shipshape)",
  scopeName: `source.${S}`,
  fileTypes: ["Dockerfile", "Containerfile", "dockerfile"],
  patterns: [{ include: "#escape-backtick" }, { include: "#directive" }, { include: "#comment" }, { include: "#instructions" }],
  repository: {
    "escape-backtick": {
      // From `# escape=\`` to the end of the file, the backtick continues lines.
      begin: "(?i)^(#)\\s*(escape)\\s*(=)\\s*(`)\\s*$",
      beginCaptures: {
        0: { name: `meta.directive.${S}` },
        1: { name: `punctuation.definition.comment.${S}` },
        2: { name: `keyword.other.directive.${S}` },
        3: { name: `keyword.operator.assignment.${S}` },
        4: { name: `string.unquoted.directive-value.${S}` },
      },
      end: "(?!)",
      patterns: [{ include: "#directive" }, { include: "#comment" }, { include: "#instructions-bt" }],
    },
    directive: {
      name: `meta.directive.${S}`,
      match: "(?i)^(#)\\s*(syntax|escape|check)\\s*(=)\\s*(.*?)\\s*$",
      captures: {
        1: { name: `punctuation.definition.comment.${S}` },
        2: { name: `keyword.other.directive.${S}` },
        3: { name: `keyword.operator.assignment.${S}` },
        4: { name: `string.unquoted.directive-value.${S}` },
      },
    },
    comment: {
      name: `comment.line.number-sign.${S}`,
      begin: "^\\s*(#)",
      beginCaptures: { 1: { name: `punctuation.definition.comment.${S}` } },
      end: "$",
      patterns: [
        {
          match: "(?i)\\b(hadolint)\\s+(global\\s+)?(ignore)(=)(\\S*)",
          captures: { 1: { name: `keyword.other.pragma.${S}` }, 2: { name: `keyword.other.pragma.${S}` }, 3: { name: `keyword.other.pragma.${S}` }, 5: { name: `constant.other.rule-code.${S}` } },
        },
      ],
    },
    // Inside a continued instruction BuildKit drops whole comment lines.
    "comment-line": {
      name: `comment.line.number-sign.${S}`,
      match: "^\\s*(#).*\\n?",
      captures: { 1: { name: `punctuation.definition.comment.${S}` } },
    },
    flag: {
      match: "(?<=\\s)(--)([A-Za-z][A-Za-z0-9-]*)(?:(=)((?:[^\\s\"'$]|\\$\\{[^}]*\\}|\\$\\w+|\"[^\"]*\"|'[^']*')*))?",
      captures: {
        1: { name: `punctuation.definition.flag.${S}` },
        2: { name: `entity.other.attribute-name.flag.${S}` },
        3: { name: `keyword.operator.assignment.${S}` },
        4: { name: `string.unquoted.flag-value.${S}`, patterns: [{ include: "#variable" }] },
      },
    },
    "exec-form": {
      name: `meta.exec-form.${S}`,
      begin: "(\\[)(?=\\s*(\"|\\]))",
      beginCaptures: { 1: { name: `punctuation.definition.array.begin.${S}` } },
      end: "(\\])|(?=$)",
      endCaptures: { 1: { name: `punctuation.definition.array.end.${S}` } },
      patterns: [
        {
          name: `string.quoted.double.json.${S}`,
          begin: "\"",
          end: "\"|$",
          patterns: [{ name: `constant.character.escape.${S}`, match: "\\\\(?:[\"\\\\/bfnrt]|u[0-9a-fA-F]{4})" }],
        },
        { name: `punctuation.separator.array.${S}`, match: "," },
      ],
    },
    assignment: {
      match: "(?<=\\s)([A-Za-z_][A-Za-z0-9_.-]*)(=)",
      captures: { 1: { name: `variable.other.definition.${S}` }, 2: { name: `keyword.operator.assignment.${S}` } },
    },
    string: {
      patterns: [
        {
          name: `string.quoted.double.${S}`,
          begin: "\"",
          end: "\"|$",
          patterns: [{ name: `constant.character.escape.${S}`, match: "\\\\." }, { include: "#variable" }],
        },
        { name: `string.quoted.single.${S}`, begin: "'", end: "'|$" },
      ],
    },
    variable: {
      patterns: [
        { name: `constant.character.escape.${S}`, match: "\\\\\\$" },
        {
          name: `meta.interpolation.${S}`,
          begin: "(\\$\\{)([A-Za-z_][A-Za-z0-9_]*)",
          beginCaptures: { 1: { name: `punctuation.definition.variable.begin.${S}` }, 2: { name: `variable.other.readwrite.${S}` } },
          end: "\\}",
          endCaptures: { 0: { name: `punctuation.definition.variable.end.${S}` } },
          patterns: [
            { match: "\\G(:?[-+?]|##?|%%?|//?)", name: `keyword.operator.expansion.${S}` },
            { include: "#variable" },
            { match: "[^}$]+", name: `string.unquoted.default-value.${S}` },
          ],
        },
        {
          match: "(\\$)([A-Za-z_][A-Za-z0-9_]*)",
          captures: { 1: { name: `punctuation.definition.variable.${S}` }, 2: { name: `variable.other.readwrite.${S}` } },
        },
      ],
    },
    // RUN <<EOF: the body is the script, highlighted as shell up to the delimiter line.
    "heredoc-shell": heredoc({
      contentName: "meta.embedded.shell.dockerfile.shipshape",
      patterns: [{ include: "source.shell" }],
    }),
    // COPY/ADD <<EOF: the body is file content.
    "heredoc-text": heredoc({
      patterns: [
        { begin: "\\G", end: "$", patterns: [{ include: "#variable" }] },
        { name: `string.unquoted.heredoc.${S}`, match: "^.+$" },
      ],
    }),
    ...escaped("\\\\", ""),
    ...escaped("`", "-bt"),
  },
};

writeFileSync(out, `${JSON.stringify(grammar, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), out)}`);
