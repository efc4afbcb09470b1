/**
 * Immutable variable scopes: every ARG or ENV produces a new scope, so the scope in force before any
 * instruction can be kept cheaply.
 */
import type { Scope, ScopeEntry, VariableDeclaration } from "./model.js";

export class ScopeSnapshot implements Scope {
  constructor(
    readonly entries: ReadonlyMap<string, ScopeEntry>,
    readonly unset: ReadonlyMap<string, VariableDeclaration>,
    readonly baseEnvUnknown: boolean,
    /** Look names up ignoring case (Windows). */
    readonly caseInsensitive = false,
  ) {}

  static empty(baseEnvUnknown = false, caseInsensitive = false): ScopeSnapshot {
    return new ScopeSnapshot(new Map(), new Map(), baseEnvUnknown, caseInsensitive);
  }

  private key(name: string): string {
    return this.caseInsensitive ? name.toUpperCase() : name;
  }

  lookup(name: string): string | undefined {
    return this.entry(name)?.value;
  }

  entry(name: string): ScopeEntry | undefined {
    if (!this.caseInsensitive) return this.entries.get(name);
    const k = this.key(name);
    for (const [n, e] of this.entries) if (n.toUpperCase() === k) return e;
    return undefined;
  }

  declarationOf(name: string): VariableDeclaration | undefined {
    const e = this.entry(name);
    if (e) return e.declaration;
    if (!this.caseInsensitive) return this.unset.get(name);
    for (const [n, d] of this.unset) if (n.toUpperCase() === this.key(name)) return d;
    return undefined;
  }

  /** Sets a value; an existing key keeps its position (BuildKit replaces in place). */
  with(entry: ScopeEntry): ScopeSnapshot {
    const entries = new Map(this.entries);
    let key = entry.name;
    if (this.caseInsensitive) key = [...entries.keys()].find((n) => n.toUpperCase() === this.key(entry.name)) ?? key;
    entries.set(key, entry);
    const unset = new Map(this.unset);
    unset.delete(entry.name);
    return new ScopeSnapshot(entries, unset, this.baseEnvUnknown, this.caseInsensitive);
  }

  /** Records a declared ARG without a value; it does not remove an existing value (an ENV of that name). */
  withUnset(declaration: VariableDeclaration): ScopeSnapshot {
    if (this.entry(declaration.name)) return this;
    const unset = new Map(this.unset);
    unset.set(declaration.name, declaration);
    return new ScopeSnapshot(this.entries, unset, this.baseEnvUnknown, this.caseInsensitive);
  }

  /** Only what a running container sees: ENV and the image's environment. */
  runtimeOnly(): ScopeSnapshot {
    const entries = new Map([...this.entries].filter(([, e]) => e.kind === "env" || e.kind === "image"));
    return new ScopeSnapshot(entries, new Map(), this.baseEnvUnknown, this.caseInsensitive);
  }
}
