import { type ComposeFile, type Extends, type Reference, type ReferenceKind, referencesOf } from "@shipshape/compose";
import type { Range } from "@shipshape/text";

export interface Definition {
  kind: ReferenceKind;
  name: string;
  nameRange: Range;
  range: Range;
}

const SECTIONS: Record<ReferenceKind, keyof ComposeFile> = {
  service: "services",
  network: "networks",
  volume: "volumes",
  secret: "secrets",
  config: "configs",
  model: "models",
};

/** Every top-level definition of the file (written in `file`). */
export function definitions(model: ComposeFile, file: string): Definition[] {
  const out: Definition[] = [];
  for (const [kind, section] of Object.entries(SECTIONS) as [ReferenceKind, keyof ComposeFile][]) {
    const record = model[section] as Record<string, { name: string; nameRange: Range; nameFile: string; range: Range }> | undefined;
    for (const d of Object.values(record ?? {})) {
      if (d.nameFile === file) out.push({ kind, name: d.name, nameRange: d.nameRange, range: d.range });
    }
  }
  return out;
}

/** Every reference written in `file`. */
export function references(model: ComposeFile, file: string): Reference[] {
  const out: Reference[] = [];
  for (const s of Object.values(model.services)) {
    const refs = referencesOf(s);
    // referencesOf misses a same-file `extends:` written as a mapping (see extendsFile).
    const ext = s.extends;
    if (ext && extendsFile(ext) === undefined && ext.service.value && !ext.service.value.includes("$") && !refs.some((r) => r.via === "extends")) {
      refs.push({ kind: "service", ref: ext.service, via: "extends", required: true });
    }
    for (const r of refs) if (r.ref.file === file) out.push(r);
  }
  return out;
}

export function namesOf(model: ComposeFile, kind: ReferenceKind): string[] {
  return Object.keys((model[SECTIONS[kind]] as Record<string, unknown> | undefined) ?? {});
}

/** The definition and every reference of the thing named at `offset`. */
export function symbolAt(model: ComposeFile, file: string, offset: number): { kind: ReferenceKind; name: string; definition?: Definition; refs: Reference[]; at: Range } | undefined {
  const inside = (r: Range) => r.start <= offset && offset <= r.end;
  const defs = definitions(model, file);
  const refs = references(model, file);
  const def = defs.find((d) => inside(d.nameRange));
  const ref = def ? undefined : refs.find((r) => inside(r.ref.range));
  const kind = def?.kind ?? ref?.kind;
  const name = def?.name ?? ref?.ref.value;
  if (!kind || name === undefined) return undefined;
  return {
    kind,
    name,
    definition: def ?? defs.find((d) => d.kind === kind && d.name === name),
    refs: refs.filter((r) => r.kind === kind && r.ref.value === name),
    at: def?.nameRange ?? ref!.ref.range,
  };
}

/** The `extends.file` value as written, if any (absent: the base service is in the same file). */
export function extendsFile(ext: Extends): string | undefined {
  const value = ext.source_file?.value as unknown;
  return typeof value === "string" ? value : undefined;
}
