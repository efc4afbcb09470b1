import type { Diagnostic, Range } from "@shipshape/text";

/** One refusal of BuildKit's parser, listed so the linter can show them as rules. */
export interface ParseErrorInfo {
  code: string;
  name: string;
  summary: string;
}

/** Every error the parser reports. Codes are stable; never renumber. */
export const PARSE_ERRORS = {
  internalError: { code: "DF000", name: "internal-error", summary: "The parser itself failed on this input (a bug); the file was not parsed." },
  noInstructions: { code: "DF001", name: "no-instructions", summary: "The file contains no instructions (empty, or only comments and blank lines)." },
  lineTooLong: { code: "DF002", name: "line-too-long", summary: "A physical line is longer than 65535 bytes, BuildKit's scanner limit." },
  duplicateDirective: { code: "DF003", name: "duplicate-directive", summary: "The same parser directive appears twice." },
  invalidEscapeToken: { code: "DF004", name: "invalid-escape-token", summary: "The escape directive is neither ` nor \\." },
  jsonNotStrings: { code: "DF005", name: "json-array-not-strings", summary: "A JSON array argument contains something other than strings." },
  missingValue: { code: "DF006", name: "missing-value", summary: "ENV or LABEL in the legacy form has a name but no value." },
  missingEquals: { code: "DF007", name: "missing-equals", summary: "ENV or LABEL in the key=value form has a word without `=`." },
  unterminatedHeredoc: { code: "DF008", name: "unterminated-heredoc", summary: "The file ends before a heredoc's terminator line." },
  heredocDelimiter: { code: "DF009", name: "invalid-heredoc-delimiter", summary: "A heredoc delimiter cannot be lexed (for example an unterminated quote)." },
  utf16: {
    code: "DF010",
    name: "utf-16-file",
    summary:
      "The file is saved as UTF-16 (it starts with a UTF-16 byte-order mark, as Windows PowerShell 5 writes with `>` and `Out-File`). The build reads a Dockerfile as UTF-8 and fails on its first line. Reported by hosts that read the bytes (the CLI), as they decode the rest of the file as UTF-16.",
  },
  binary: {
    code: "DF011",
    name: "binary-file",
    summary:
      "The file holds binary data: a NUL character in its first 8,000 characters (git's test for a binary file). It is an archive, an image or another file that is not Dockerfile text, or text saved in an encoding other than UTF-8 without a byte-order mark (UTF-16 or UTF-32). The file gets this one finding and no others: every line would otherwise be reported as an unknown instruction.",
  },
} as const satisfies Record<string, ParseErrorInfo>;

export type ParseErrorKind = keyof typeof PARSE_ERRORS;

export function parseError(kind: ParseErrorKind, message: string, range: Range): Diagnostic {
  const info = PARSE_ERRORS[kind];
  return { code: info.code, rule: info.name, message, severity: "error", category: "syntax", range };
}
