/** Context sources a built stage reads (COPY/ADD sources, bind mounts) checked against the context view. */
import type { Range } from "@shipshape/text";
import type { DispatchContext } from "./dispatch-common.js";
import { compileSource } from "./sources.js";

/** COPY/ADD sources that .dockerignore excludes, or that match nothing in the known context. */
export function checkLocalSource(source: string, range: Range, ctx: DispatchContext): void {
  const view = ctx.context;
  if (!view.files && !view.hasIgnoreFile) return;
  const src = compileSource(source);
  if (view.files && view.included) {
    if (src.whole) return;
    const inContext = view.filesIndex()!.selectsAny(src);
    const included = view.includedIndex()!.selectsAny(src);
    if (src.wildcard) {
      if (!included) {
        const why = inContext ? "every file it matches is excluded by .dockerignore" : "it matches no file in the context";
        ctx.sink.report("CopyWildcardNoMatch", `"${source}" copies nothing: ${why} (BuildKit allows an empty wildcard)`, range);
      }
      return;
    }
    if (!inContext) ctx.sink.report("CopySourceNotFound", `"${src.text}" is not in the build context: the build fails with "not found"`, range);
    else if (!included) ctx.sink.report("CopyIgnoredFile", `"${src.text}" is excluded by .dockerignore: the build fails with "not found"`, range);
    return;
  }
  if (!src.whole && !src.wildcard && view.hasIgnoreFile && !view.hasExceptions && view.matchesOrParent(src.text)) {
    ctx.sink.report("CopyIgnoredFile", `"${src.text}" is excluded by .dockerignore: the build fails with "not found"`, range);
  }
}
