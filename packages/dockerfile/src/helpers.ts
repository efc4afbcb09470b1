/** BuildKit's word-level helpers, exposed for other packages (semantic model, linter). */
import { parseWords } from "./buildkit.js";
import { parseHeredocWord } from "./heredoc-markers.js";

/**
 * BuildKit's `parseWords` (used for ENV, LABEL and ARG): splits on Unicode spaces outside quotes,
 * keeping quotes and escapes in each word. Offsets are into `text`.
 */
export function parseWordsBuildkit(text: string, escape: "\\" | "`" = "\\"): { value: string; start: number; end: number }[] {
  return parseWords(text, 0, text.length, escape.charCodeAt(0));
}

/**
 * BuildKit's `ParseHeredoc` on one word such as `<<-"EOF"`: the heredoc it opens, `undefined` when the word
 * is not a heredoc marker, or `{ error }` when its delimiter cannot be lexed.
 */
export function parseHeredocMarker(word: string): ReturnType<typeof parseHeredocWord> {
  return parseHeredocWord(word);
}
