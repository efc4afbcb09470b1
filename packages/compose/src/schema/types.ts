import type { CNode, CScalar } from "../node.js";
import type { ComposeErrorName } from "../codes.js";

/**
 * The declarative description of the Compose format that the validator walks. Each kind accepts certain YAML
 * shapes; `doc` is a one-line description in our own words, used by hover and completion.
 */
export type Schema =
  | StringSchema
  | NumberSchema
  | BoolSchema
  | UnitSchema
  | ObjectSchema
  | DictSchema
  | ListSchema
  | UnionSchema
  | KeyValueSchema
  | AnySchema;

export interface BaseSchema {
  doc?: string;
  /** A null value is accepted (and means "empty" or "defaults"). */
  nullable?: boolean;
  /** Marked deprecated in the specification. */
  deprecated?: string;
}

/** Reports a problem found by a custom check; offsets are into the scalar's string value when given. */
export type CheckReport = (name: ComposeErrorName, message: string, sub?: { from: number; to: number }, severity?: "warning") => void;

export interface StringSchema extends BaseSchema {
  kind: "string";
  enum?: readonly string[];
  /** Matched against the whole value (compose's own patterns are unanchored; we anchor where it is safe). */
  pattern?: { re: RegExp; describe: string };
  /** Numbers and booleans written plainly are accepted and read as text (e.g. `version: 3.8`, `target: 80`). */
  acceptScalars?: boolean;
  /** Extra validation of the (interpolated) text. */
  check?: (text: string, report: CheckReport, node: CScalar) => void;
}

export interface NumberSchema extends BaseSchema {
  kind: "number";
  integer?: boolean;
  min?: number;
  max?: number;
}

export interface BoolSchema extends BaseSchema {
  kind: "bool";
}

/** Durations and byte sizes: written as text with units (byte sizes may also be plain numbers). */
export interface UnitSchema extends BaseSchema {
  kind: "duration" | "bytes";
}

export interface ObjectSchema extends BaseSchema {
  kind: "object";
  fields: Record<string, Schema>;
  required?: readonly string[];
  /** Whether `x-*` keys are allowed (true unless said otherwise). */
  extensions?: boolean;
  /** Checks over the whole mapping (mutually exclusive keys and the like). */
  check?: (map: import("../node.js").CMap, report: MapCheckReport) => void;
  /** What the mapping describes, for messages ("service", "network", ...). */
  what?: string;
}

export type MapCheckReport = (name: ComposeErrorName, message: string, at?: CNode | string, severity?: "warning") => void;

/** A mapping with free keys (names of services, labels, options). */
export interface DictSchema extends BaseSchema {
  kind: "dict";
  value: Schema;
  keyPattern?: { re: RegExp; describe: string; code: ComposeErrorName };
  /** What the keys name, for messages. */
  what?: string;
}

export interface ListSchema extends BaseSchema {
  kind: "list";
  items: Schema;
  unique?: boolean;
}

/** One of several shapes, chosen by the YAML kind of the value (so errors come from the right branch). */
export interface UnionSchema extends BaseSchema {
  kind: "union";
  scalar?: Schema;
  map?: Schema;
  list?: Schema;
}

/** `environment`-like: a list of `KEY=VALUE` strings or a mapping of KEY to a scalar or null. */
export interface KeyValueSchema extends BaseSchema {
  kind: "keyvalue";
  /** Whether a list entry must contain `=` (labels and environment allow a bare key). */
  requireEquals?: boolean;
  /** The separator of list entries: `=` or, for extra_hosts, `=` or `:`. */
  separator?: "=" | "extra_hosts";
  /** Mapping values may be lists (extra_hosts: several IPs). */
  listValues?: boolean;
  check?: (key: string, value: string | null, report: CheckReport) => void;
}

export interface AnySchema extends BaseSchema {
  kind: "any";
}
