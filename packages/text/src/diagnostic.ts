import type { Fix } from "./edit.js";
import type { Range } from "./range.js";

export type Severity = "error" | "warning" | "info" | "style";

export const SEVERITY_RANK: Record<Severity, number> = { style: 0, info: 1, warning: 2, error: 3 };

export type Category = "syntax" | "correctness" | "security" | "best-practice" | "performance" | "style";

/** A finding with a UTF-16 offset range into the file it belongs to. */
export interface Diagnostic {
  code: string;
  message: string;
  severity: Severity;
  range: Range;
  /** The file the range refers to, when it differs from the file being checked (compose merges). */
  file?: string;
  /** Kebab-case rule name. */
  rule?: string;
  aliases?: string[];
  category?: Category;
  fix?: Fix;
  /** Other places that explain this finding (e.g. the first definition of a duplicate). */
  related?: { message: string; range: Range; file?: string }[];
  /** Editor hints. */
  tags?: ("unnecessary" | "deprecated")[];
}

export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_RANK[a] - SEVERITY_RANK[b];
}

export function isSeverity(s: string): s is Severity {
  return s === "error" || s === "warning" || s === "info" || s === "style";
}

/** The longest run of non-blank characters a message keeps whole (long URLs of real files fit). */
const MAX_WORD = 240;
/** The longest message kept whole. */
const MAX_MESSAGE = 1000;

/**
 * A message fit to show: a run of non-blank characters longer than 240 (source text a message quotes,
 * such as a 100 KB word taken for an instruction) keeps its first 160 and last 60 characters around an
 * ellipsis, and a message still longer than 1000 characters keeps its first 700 and last 250. The full
 * text is still at the finding's range. Clipping a clipped message changes nothing.
 */
export function clipMessage(message: string): string {
  if (message.length <= MAX_WORD) return message;
  let out = message.replace(/\S{241,}/g, (word) => cutMiddle(word, 160, 60));
  if (out.length > MAX_MESSAGE) out = cutMiddle(out, 700, 250);
  return out;
}

/** `text` with its middle replaced by an ellipsis: about `head` characters, then about `tail`; no surrogate pair is split. */
function cutMiddle(text: string, head: number, tail: number): string {
  let end = head;
  if (isLowSurrogate(text.charCodeAt(end))) end--;
  let start = text.length - tail;
  if (isLowSurrogate(text.charCodeAt(start))) start++;
  return `${text.slice(0, end)}…${text.slice(start)}`;
}

/** Whether a UTF-16 code unit is the second half of a surrogate pair (a cut before it would split a character). */
export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Text with its control characters (other than tab and line feed) replaced by visible ones: C0 controls
 * and DEL by their Unicode control pictures (NUL by ␀, ESC by ␛), C1 controls by U+FFFD. A Dockerfile can
 * hold an escape sequence, and printed raw it would be run by the terminal showing the report.
 */
export function visibleControls(text: string): string {
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? "\u2421" : "\ufffd";
  });
}
