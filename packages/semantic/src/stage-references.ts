/** Resolving `COPY --from` and `RUN --mount from=` to stages or images, with BuildKit's checks. */
import type { Range } from "@shipshape/text";
import type { Instruction } from "@shipshape/dockerfile";
import { expandWord, isLiteralWord } from "./expand.js";
import type { SemanticProblem, Stage, StageReference } from "./model.js";

export interface ReferenceContext {
  stages: readonly Stage[];
  escape: "\\" | "`";
  /** Case-insensitive, the last stage of a name wins (BuildKit's map of stages by name). */
  stageByName(name: string): Stage | undefined;
  report(code: SemanticProblem["code"], message: string, range: Range, onlyWhenBuilt?: boolean): void;
}

/** Where a reference is written. */
export interface ReferenceSite {
  source: Stage;
  instruction: Instruction;
  onbuild: boolean;
}

/** COPY --from takes a number as an index when Go's strconv.Atoi accepts it. */
export function parseIndex(value: string): number | undefined {
  return /^[+-]?[0-9]+$/.test(value) ? Number(value) : undefined;
}

/**
 * A reference from `site`, built field by field (no spreads: they were most of the time spent here), keys in
 * the model's order.
 */
function reference(
  kind: "copy-from" | "mount-from",
  site: ReferenceSite,
  value: string,
  range: Range,
  target: StageReference["target"],
): StageReference {
  return { kind, source: site.source, instruction: site.instruction, onbuild: site.onbuild, value, range, target };
}

/** `COPY --from=<name|index|image>`: a stage by index, then by name among all stages, else an image. */
export function resolveCopyFrom(ctx: ReferenceContext, site: ReferenceSite, value: string, range: Range): StageReference {
  // Any expansion, quote or escape changes the word when processed with an empty environment.
  if (!isLiteralWord(value, ctx.escape)) {
    const probe = expandWord(value, {}, { escape: ctx.escape });
    if (probe.value !== value || probe.errors.length > 0) {
      ctx.report(
        "copy-from-variable",
        "variable expansion is not supported for --from, define a new stage with FROM using ARG from global scope as a workaround",
        range,
      );
      const ref = reference("copy-from", site, value, range, { kind: "invalid" });
      ref.problem = "variable";
      return ref;
    }
  }
  const index = parseIndex(value);
  if (index !== undefined) {
    const target = ctx.stages[index];
    if (!target) {
      ctx.report("invalid-stage-index", `invalid stage index ${index}`, range);
      const ref = reference("copy-from", site, value, range, { kind: "invalid" });
      ref.problem = "invalid-index";
      return ref;
    }
    return checkOrder(ctx, reference("copy-from", site, value, range, { kind: "stage", stage: target, byIndex: true }));
  }
  const target = ctx.stageByName(value);
  if (target) return checkOrder(ctx, reference("copy-from", site, value, range, { kind: "stage", stage: target, byIndex: false }));
  return reference("copy-from", site, value, range, { kind: "image", reference: value });
}

/** `RUN --mount=from=<name|image>`: by name only, a number is not an index here. */
export function resolveMountFrom(
  ctx: ReferenceContext,
  site: ReferenceSite,
  value: string,
  range: Range,
  mountTarget: string | undefined,
): StageReference {
  const dollar = value.indexOf("$");
  if (dollar >= 0 && dollar !== value.length - 1) {
    ctx.report("mount-from-variable", "'from' doesn't support variable expansion, define alias stage instead", range);
    const ref = reference("mount-from", site, value, range, { kind: "invalid" });
    ref.problem = "variable";
    return ref;
  }
  const target = ctx.stageByName(value);
  const ref = target
    ? reference("mount-from", site, value, range, { kind: "stage", stage: target, byIndex: false })
    : reference("mount-from", site, value, range, { kind: "image", reference: value });
  return checkOrder(ctx, ref, mountTarget);
}

/** A stage must be defined before the one that copies or mounts from it (BuildKit checks it when built). */
function checkOrder(ctx: ReferenceContext, ref: StageReference, mountTarget?: string): StageReference {
  if (ref.target.kind !== "stage" || ref.onbuild) return ref;
  const target = ref.target.stage;
  if (target === ref.source) {
    ref.problem = "self";
    return ref;
  }
  if (target.index < ref.source.index) return ref;
  if (ref.kind === "copy-from") {
    ctx.report(
      "copy-from-later-stage",
      `cannot copy from stage "${target.displayName}", it needs to be defined before current stage "${ref.source.displayName}"`,
      ref.range,
      true,
    );
  } else {
    ctx.report(
      "mount-from-later-stage",
      `cannot mount from stage "${target.displayName}" to "${mountTarget ?? ""}", stage needs to be defined before current command`,
      ref.range,
      true,
    );
  }
  ref.problem = "later-stage";
  return ref;
}
