// `promises` is read when a file is written (only --fix writes): loading `fs/promises` costs start-up time.
import { constants as fsConstants, promises as fsp } from "node:fs";
import path from "node:path";

/** A file's text as the linter sees it, plus what is needed to write it back byte-faithfully. */
export interface SourceText {
  /** Decoded, without a leading byte-order mark (so columns on line 1 are right). */
  text: string;
  bom: boolean;
  /** The line ending most lines use, for text that fixes insert. */
  eol: "\n" | "\r\n";
  /**
   * How the bytes were read: UTF-8, UTF-16 (a file with a UTF-16 byte-order mark, as Windows PowerShell 5
   * writes with `>`), or `invalid-utf-8` when some bytes are not UTF-8 (read as U+FFFD). Only `utf-8`
   * text can be written back as it was read.
   */
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "invalid-utf-8";
}

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const strictDecoder = new TextDecoder("utf-8", { ignoreBOM: true, fatal: true });

/**
 * Decodes a file's bytes. With `utf16: false`, a UTF-16 byte-order mark is not honoured and the bytes
 * are read as UTF-8, as BuildKit reads a Dockerfile (what `parse` and `plan` mirror).
 */
export function decodeSource(bytes: Uint8Array, options: { utf16?: boolean } = {}): SourceText {
  let encoding: SourceText["encoding"] = "utf-8";
  let text: string;
  const utf16Bom = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16Bom && options.utf16 !== false) {
    encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  } else {
    try {
      text = strictDecoder.decode(bytes);
    } catch {
      encoding = "invalid-utf-8";
      text = decoder.decode(bytes);
    }
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  if (bom) text = text.slice(1);
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  return { text, bom, eol: crlf > lf ? "\r\n" : "\n", encoding };
}

/** The bytes to write for fixed text: the original BOM back, and bare LFs made CRLF in a CRLF file. */
export function encodeSource(text: string, original: Pick<SourceText, "bom" | "eol">): string {
  const body = original.eol === "\r\n" ? text.replace(/\r?\n/g, "\r\n") : text;
  return (original.bom ? "\uFEFF" : "") + body;
}

/**
 * Replaces a file atomically: writes a temporary file in the same folder (so the rename cannot cross
 * file systems), keeps the original's permissions, then renames it over the original. A symbolic link is
 * followed (its target is replaced, the link kept); a file with other hard links is overwritten in place
 * from the complete temporary copy, so every name keeps seeing it. Refuses a file the user may not write.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  // A symbolic link is written through: the file it names gets the content and the link stays a link.
  const target = await fsp.realpath(file);
  const stats = await fsp.stat(target);
  // A file the user may not write is left alone (root may write anything; the check is the user's own).
  await fsp.access(target, fsConstants.W_OK);
  const dir = path.dirname(target);
  // Loaded here: node:crypto costs several milliseconds at start-up, and only --fix writes files.
  const { randomBytes } = await import("node:crypto");
  const temp = path.join(dir, `.${path.basename(target)}.shipshape-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  const mode = stats.mode & 0o7777;
  try {
    await fsp.writeFile(temp, content, { encoding: "utf8", mode });
    await fsp.chmod(temp, mode);
  } catch (e) {
    await fsp.unlink(temp).catch(() => {});
    throw e;
  }
  if (stats.nlink > 1) {
    // A rename would leave the file's other names (hard links) with the old content: the new content is
    // copied into the file itself, from the complete copy beside it, which is kept if that copy fails.
    try {
      await fsp.copyFile(temp, target);
    } catch (e) {
      throw Object.assign(new Error(`${(e as Error).message}; the fixed text is in ${temp}`), { code: (e as NodeJS.ErrnoException).code });
    }
    await fsp.unlink(temp).catch(() => {});
    return;
  }
  try {
    await fsp.rename(temp, target);
  } catch (e) {
    await fsp.unlink(temp).catch(() => {});
    throw e;
  }
}
