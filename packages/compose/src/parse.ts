import type { Diagnostic } from "@shipshape/text";
import { DiagnosticSink } from "./codes.js";
import { interpolateTree, type VariableReference } from "./interpolate-tree.js";
import { dropResets, mergeTrees } from "./merge.js";
import type { ComposeFile, Obj, Named, Service } from "./model.js";
import { normalizeInclude, normalizeService } from "./model.js";
import type { CMap, CNode } from "./node.js";
import { composeSchema } from "./schema/spec.js";
import type { Lookup } from "./template.js";
import { validateAndBuild, type ValidationMemo } from "./validate.js";
import type { YamlCache } from "./yaml-cache.js";
import { parseYamlTree } from "./yaml-tree.js";

/** Inputs larger than this are refused rather than risking the editor's memory. */
export const MAX_INPUT_CHARS = 20_000_000;

export interface ParseComposeOptions {
  fileName?: string;
  /**
   * Variables for interpolation. Without it, `${...}` references are only checked for syntax and kept as
   * written, and the values holding them are treated as "unknown but valid" by the typed checks.
   */
  env?: Record<string, string>;
  /** Parsed YAML to reuse (and fill) when the same text of this file is read again. */
  yamlCache?: YamlCache;
}

export interface ParseComposeResult {
  model: ComposeFile;
  errors: Diagnostic[];
}

/** Parses and validates one Compose file. Synchronous; never throws. */
export function parseCompose(text: string, options: ParseComposeOptions = {}): ParseComposeResult {
  const file = options.fileName ?? "compose.yaml";
  const sink = new DiagnosticSink();
  try {
    const env = options.env;
    const lookup: Lookup | undefined = env ? (n) => (Object.prototype.hasOwnProperty.call(env, n) ? env[n] : undefined) : undefined;
    const status: { broken?: boolean } = {};
    const variables: VariableReference[] = [];
    const root = readTree(text, file, sink, lookup, status, variables, options.yamlCache);
    // After a syntax error the tree is a guess: build the model for editor features, but keep schema noise out.
    const model = root ? buildModelOnce(root, status.broken ? new DiagnosticSink() : sink, options.yamlCache) : emptyModel(file);
    model.variables = variables;
    return { model, errors: sink.list };
  } catch (e) {
    // A bug of ours must not take the caller down: report it on the file.
    sink.add({ code: "internal-error", message: `Internal error while reading the Compose file: ${(e as Error)?.message ?? e}`, severity: "error", range: { start: 0, end: 0 }, file });
    return { model: emptyModel(file), errors: sink.list };
  }
}

/**
 * YAML → one interpolated mapping (several `---` documents are merged in order); undefined when unusable.
 * `broken` is set when the YAML had syntax errors: the tree is then a best guess and schema checks would be noise.
 */
export function readTree(
  text: string,
  file: string,
  sink: DiagnosticSink,
  lookup: Lookup | undefined,
  status?: { broken?: boolean },
  variables?: VariableReference[],
  yamlCache?: YamlCache,
): CMap | undefined {
  if (text.length > MAX_INPUT_CHARS) {
    sink.report("yaml-syntax", `The file is too large to check (${text.length} characters)`, { start: 0, end: 0 }, file);
    return undefined;
  }
  const y = yamlCache ? yamlCache.parse(text, file, sink) : parseYamlTree(text, file, sink);
  if (y.broken && status) status.broken = true;
  if (y.empty) {
    sink.report("empty-file", "The Compose file is empty", { start: 0, end: 0 }, file);
    return undefined;
  }
  let root: CNode | undefined;
  for (const doc of y.documents) {
    if (doc.kind !== "map") {
      sink.report("invalid-top-level", "A Compose file must be a mapping at the top level", doc.range, file);
      continue;
    }
    const interpolated = interpolateTree(doc, lookup, sink, variables);
    root = root ? mergeTrees(root, interpolated, sink) : interpolated;
  }
  return root?.kind === "map" ? root : undefined;
}

export function emptyModel(file: string): ComposeFile {
  return { range: { start: 0, end: 0 }, file, include: [], services: {}, networks: {}, volumes: {}, secrets: {}, configs: {}, models: {}, extensions: {}, variables: [] };
}

/**
 * `buildModel` through the cache: a tree already built is not validated again (its findings are replayed).
 * The caller gets its own copy of the top level, to set `variables` on.
 */
export function buildModelOnce(tree: CMap, sink: DiagnosticSink, cache: YamlCache | undefined): ComposeFile {
  if (!cache) return buildModel(tree, sink);
  let built = cache.models.get(tree);
  if (!built) {
    const own = new DiagnosticSink();
    built = { model: buildModel(tree, own, cache.validation), diagnostics: own.list };
    cache.models.set(tree, built);
  }
  for (const d of built.diagnostics) sink.add(d);
  return { ...built.model };
}

/** Validates a (merged) tree against the specification and builds the typed model. */
export function buildModel(tree: CMap, sink: DiagnosticSink, memo?: ValidationMemo): ComposeFile {
  const root = dropResets(tree);
  const built = validateAndBuild(root, composeSchema, sink, [], memo) as Obj | undefined;
  const model = emptyModel(root.file);
  model.range = root.range;
  model.root = root;
  if (!built) return model;
  model.extensions = built.extensions ?? {};
  if (built.version) model.version = built.version;
  if (built.name) model.name = built.name;
  model.include = normalizeInclude(built.include);
  for (const [name, s] of Object.entries((built.services ?? {}) as Record<string, any>)) {
    // A service validated before (through the memo) is already in its model form.
    if (memo?.normalized.has(s)) model.services[name] = s as Service;
    else {
      model.services[name] = normalizeService(s) as Service;
      memo?.normalized.add(s);
    }
  }
  for (const k of ["networks", "volumes", "secrets", "configs", "models"] as const) {
    model[k] = (built[k] ?? {}) as Record<string, Obj & Named>;
  }
  return model;
}
