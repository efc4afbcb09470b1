import type { AnySchema, BoolSchema, DictSchema, KeyValueSchema, ListSchema, NumberSchema, ObjectSchema, Schema, StringSchema, UnionSchema, UnitSchema } from "./types.js";

/** Small constructors that keep the specification table readable. */
export const str = (doc: string, o: Partial<StringSchema> = {}): StringSchema => ({ kind: "string", doc, ...o });
export const num = (doc: string, o: Partial<NumberSchema> = {}): NumberSchema => ({ kind: "number", doc, ...o });
export const int = (doc: string, o: Partial<NumberSchema> = {}): NumberSchema => ({ kind: "number", integer: true, doc, ...o });
export const bool = (doc: string): BoolSchema => ({ kind: "bool", doc });
export const duration = (doc: string): UnitSchema => ({ kind: "duration", doc });
export const bytes = (doc: string): UnitSchema => ({ kind: "bytes", doc });
export const obj = (doc: string, fields: Record<string, Schema>, o: Partial<ObjectSchema> = {}): ObjectSchema => ({ kind: "object", doc, fields, ...o });
export const dict = (doc: string, value: Schema, o: Partial<DictSchema> = {}): DictSchema => ({ kind: "dict", doc, value, ...o });
export const list = (doc: string, items: Schema, o: Partial<ListSchema> = {}): ListSchema => ({ kind: "list", doc, items, ...o });
export const union = (doc: string, alts: Omit<UnionSchema, "kind" | "doc">): UnionSchema => ({ kind: "union", doc, ...alts });
export const keyvalue = (doc: string, o: Partial<KeyValueSchema> = {}): KeyValueSchema => ({ kind: "keyvalue", doc, ...o });
export const any = (doc: string): AnySchema => ({ kind: "any", doc });

/** A string or a list of strings (command, entrypoint, dns, ...). */
export const strOrList = (doc: string, o: Partial<StringSchema> = {}, unique = true): UnionSchema =>
  union(doc, { scalar: str(doc, { acceptScalars: true, ...o }), list: list(doc, str(doc, { acceptScalars: true }), { unique }) });

/** Options passed to a driver: free keys, scalar values. */
export const options = (doc: string): DictSchema => dict(doc, str("An option value.", { acceptScalars: true, nullable: true }));

export function withDoc<T extends Schema>(s: T, doc: string): T {
  return { ...s, doc };
}
