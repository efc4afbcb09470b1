import { parseCompose, type ComposeFile, type YamlCache } from "@shipshape/compose";
import { parseDockerfile, type Dockerfile, type ParseResult } from "@shipshape/dockerfile";
import { type BuildPlan, plan } from "@shipshape/buildplan";
import { analyzeDockerfile, type SemanticModel } from "@shipshape/semantic";
import { type Diagnostic, LineIndex } from "@shipshape/text";

export type DocumentKind = "dockerfile" | "compose";

/**
 * One open file, parsed at most once for its version. Every feature takes this; the parse, the semantic
 * model and the build plan are made on first use and kept with the document.
 */
export interface ParsedDocument {
  uri: string;
  /** The file system path (for config discovery and compose file references); the uri when it has none. */
  path: string;
  version: number;
  text: string;
  kind: DocumentKind;
  lines: LineIndex;
  /** The parse of a Dockerfile (made on first access, then kept). */
  readonly dockerfile?: { ast: Dockerfile; errors: Diagnostic[] };
  /** The parse of a compose file (made on first access, then kept). */
  readonly compose?: { model: ComposeFile; errors: Diagnostic[] };
  /** Lazily built semantic model of a Dockerfile. */
  semantic(): SemanticModel | undefined;
  /** Lazily simulated build plan of a Dockerfile (default target and args). */
  plan(): BuildPlan | undefined;
}

const COMPOSE_NAME = /^(docker-)?compose(\.[^/]*)?\.ya?ml$|\.compose\.ya?ml$/i;
const DOCKERFILE_NAME = /^(dockerfile|containerfile)(\..*)?$|\.(dockerfile)$/i;

export function baseName(pathOrUri: string): string {
  const clean = pathOrUri.replace(/[?#].*$/, "");
  return decodeURIComponent(clean.slice(clean.lastIndexOf("/") + 1));
}

/** The kind of an open document from its languageId, and for plain `yaml` only when the name is a compose name. */
export function documentKind(languageId: string, uri: string): DocumentKind | undefined {
  const name = baseName(uri);
  if (languageId === "dockerfile") return "dockerfile";
  if (languageId === "dockercompose") return "compose";
  if (languageId === "yaml") return COMPOSE_NAME.test(name) ? "compose" : undefined;
  if (DOCKERFILE_NAME.test(name) && !/\.dockerignore$/i.test(name)) return "dockerfile";
  if (COMPOSE_NAME.test(name)) return "compose";
  return undefined;
}

/**
 * For each document: its Dockerfile parse once made, else the earlier version's parse it was given and has
 * not used yet (so a version whose parse was never asked for still passes the older one on).
 */
const dockerfileBase = new WeakMap<ParsedDocument, () => ParseResult | undefined>();

/**
 * `yamlCache`: compose YAML kept across versions (the host's, shared with its linting), so a version is
 * parsed once for every feature and the lint, and an edit inside one service re-parses only that service.
 * `previous`: the document this version replaces (same uri); a Dockerfile's parse then keeps the earlier
 * instruction nodes an edit did not touch, so what is cached per node (shell parses, look-ups) carries over.
 * Only its parse is kept, not the document, and only until this version's parse is made.
 */
export function parseDocument(input: {
  uri: string;
  path?: string;
  version: number;
  text: string;
  kind: DocumentKind;
  yamlCache?: YamlCache;
  previous?: ParsedDocument;
}): ParsedDocument {
  // closures below must not capture `input`: it holds the previous document, and so every older one
  const { text, kind, yamlCache } = input;
  const previous = input.previous;
  let base = kind === "dockerfile" && previous?.kind === "dockerfile" && previous.uri === input.uri ? dockerfileBase.get(previous)?.() : undefined;
  const path = input.path ?? input.uri;
  let model: SemanticModel | undefined;
  let analyzed = false;
  let buildPlan: BuildPlan | undefined;
  // Parsed on first use: the diagnostics path only needs the line index (the linter parses on its own).
  let dockerfile: ParsedDocument["dockerfile"];
  let compose: ParsedDocument["compose"];
  const doc: ParsedDocument = {
    uri: input.uri,
    path,
    version: input.version,
    text,
    kind,
    lines: new LineIndex(text),
    get dockerfile() {
      if (kind === "dockerfile" && !dockerfile) {
        dockerfile = parseDockerfile(text, { previous: base });
        base = undefined;
      }
      return dockerfile;
    },
    get compose() {
      if (kind === "compose" && !compose) compose = parseCompose(text, { fileName: path, yamlCache });
      return compose;
    },
    semantic() {
      if (!analyzed && doc.dockerfile) {
        analyzed = true;
        try {
          model = analyzeDockerfile(doc.dockerfile.ast);
        } catch {
          model = undefined; // features degrade to syntax-only answers
        }
      }
      return model;
    },
    plan() {
      if (!buildPlan && doc.dockerfile) buildPlan = plan(text, { parsed: doc.dockerfile });
      return buildPlan;
    },
  };
  dockerfileBase.set(doc, () => dockerfile ?? base);
  return doc;
}
