/**
 * Splits an image reference as written (`registry/path:tag@digest`) into located parts. This is a
 * textual split that follows Docker's reference grammar for where the parts start; it does not
 * validate, and variables (`${REGISTRY}/app:${TAG}`) are kept as written.
 */
import type { ImageReference, Word } from "./ast.js";

/** `value` is the reference text and `start` its source offset (the text must be contiguous in the source). */
export function parseImageReference(value: string, start: number, mapRange?: (from: number, to: number) => { start: number; end: number }): ImageReference {
  const map = mapRange ?? ((a: number, b: number) => ({ start: start + a, end: start + b }));
  const word = (a: number, b: number): Word => ({ value: value.slice(a, b), range: map(a, b) });
  let end = value.length;
  let digest: Word | undefined;
  const at = value.indexOf("@");
  if (at >= 0) {
    digest = word(at + 1, end);
    end = at;
  }
  let pathStart = 0;
  let registry: Word | undefined;
  const slash = value.indexOf("/");
  if (slash >= 0 && slash < end) {
    const first = value.slice(0, slash);
    if (first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase()) {
      registry = word(0, slash);
      pathStart = slash + 1;
    }
  }
  let tag: Word | undefined;
  const lastSlash = value.lastIndexOf("/", end - 1);
  const colon = value.indexOf(":", Math.max(lastSlash + 1, pathStart));
  let pathEnd = end;
  if (colon >= 0 && colon < end) {
    tag = word(colon + 1, end);
    pathEnd = colon;
  }
  const ref: ImageReference = { value, range: map(0, value.length), path: word(pathStart, pathEnd) };
  if (registry) ref.registry = registry;
  if (tag) ref.tag = tag;
  if (digest) ref.digest = digest;
  return ref;
}
