/**
 * Builds the semantic model of a parsed Dockerfile the way BuildKit's frontend reads it (stage partition,
 * meta ARGs, base linking, stage dependencies, target and pruning, ARG/ENV scopes).
 */
import type { Range } from "@shipshape/text";
import {
  sourceOffset,
  type ArgInstruction,
  type Dockerfile,
  type EnvInstruction,
  type FromInstruction,
  type Instruction,
  type MountField,
  type VariableRef,
} from "@shipshape/dockerfile";
import { expandWord, formatExpansionError, isLiteralWord, type EnvSource, type ExpansionError } from "./expand.js";
import type {
  AnalyzeOptions,
  OperatingSystem,
  Resolution,
  ResolvedText,
  SemanticModel,
  SemanticProblem,
  ShellInForce,
  Stage,
  StageReference,
  StageReferenceTarget,
  VariableDeclaration,
  VariableUse,
} from "./model.js";
import { DEFAULT_LINUX_PATH, isPredefinedArg, predefinedArgValues } from "./predefined.js";
import { classifyShell, scanRuntimeRefs, type RuntimeRef } from "./runtime-refs.js";
import { ScopeSnapshot } from "./scope.js";
import { findCycle, markReachable } from "./stage-graph.js";
import { parseIndex, resolveCopyFrom, resolveMountFrom, type ReferenceContext } from "./stage-references.js";

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;
const WINDOWS_IMAGE = /(^|\/)(windows|nanoserver|servercore|windowsservercore)([:/@-]|$)|[:-](nanoserver|windowsservercore|ltsc\d{4})/i;

/** Platform args, TARGETSTAGE, proxy args and the BUILDKIT_* args the frontend reads. */
const isPredefined = isPredefinedArg;

const LINUX_SHELL_KIND = classifyShell(["/bin/sh", "-c"]);
const WINDOWS_SHELL_KIND = classifyShell(["cmd", "/S", "/C"]);

/** A fresh record each time (callers may keep it); only the classification is worked out once. */
function defaultShell(os: OperatingSystem): ShellInForce {
  return os === "windows"
    ? { shell: ["cmd", "/S", "/C"], kind: WINDOWS_SHELL_KIND }
    : { shell: ["/bin/sh", "-c"], kind: LINUX_SHELL_KIND };
}


/** What the analyzer keeps of an expansion. */
interface ExpandedValue {
  value: string;
  unmatched: string[];
  errors: ExpansionError[];
}

interface StageGroup {
  from: FromInstruction;
  /** The FROM's position in the file's instruction list. */
  at: number;
  rest: Instruction[];
}

/** What the model answers about one instruction: its stage, and the scope and shell in force before it. */
interface InstructionInfo {
  stage: Stage | undefined;
  scope: ScopeSnapshot | undefined;
  shell: ShellInForce | undefined;
}

class Analyzer {
  private readonly problems: SemanticProblem[] = [];
  private readonly stages: Stage[] = [];
  private readonly declarations: VariableDeclaration[] = [];
  private readonly uses: VariableUse[] = [];
  private readonly references: StageReference[] = [];
  private readonly globalArgs: VariableDeclaration[] = [];
  /** One record per top-level instruction, in file order (found by position: no map to fill). */
  private readonly infos: InstructionInfo[];
  /** Where each stage's FROM is in the file's instruction list, by stage index. */
  private readonly stageStarts: number[] = [];
  /** The scope and shell at the end of each stage, by stage index. */
  private readonly finalScope: ScopeSnapshot[] = [];
  private readonly finalShell: ShellInForce[] = [];
  private readonly buildArgs: ReadonlyMap<string, string>;
  private readonly escape: "\\" | "`";
  private globalScope = ScopeSnapshot.empty();
  private predefined = new Map<string, string>();
  /** The last scope whose declarations were marked as reaching a RUN. */
  private scopeMarkedForRun: ScopeSnapshot | undefined;

  constructor(
    private readonly ast: Dockerfile,
    private readonly options: AnalyzeOptions,
  ) {
    this.buildArgs = new Map(Object.entries(options.buildArgs ?? {}));
    this.escape = ast.escape;
    this.infos = ast.instructions.map(() => ({ stage: undefined, scope: undefined, shell: undefined }));
  }

  run(): SemanticModel {
    const { metaArgs, stageGroups } = this.partition();
    this.createStages(stageGroups);
    this.indexStageNames();
    const target = this.findTarget();
    this.buildGlobalScope(metaArgs, target);
    for (const stage of this.stages) this.resolveFrom(stage);
    for (const stage of this.stages) this.walkStage(stage);
    const cycle = findCycle(this.stages);
    if (cycle) {
      this.problem("circular-dependency", `circular dependency detected on stage: ${cycle.displayName}`, cycle.from.range, { stage: cycle });
    }
    if (target) markReachable(target);
    return this.model(target);
  }

  // ---------------------------------------------------------------------------------------------
  // Stage partition and stage creation

  private partition(): { metaArgs: ArgInstruction[]; stageGroups: StageGroup[] } {
    const metaArgs: ArgInstruction[] = [];
    const stageGroups: StageGroup[] = [];
    const list = this.ast.instructions;
    for (let k = 0; k < list.length; k++) {
      const instr = list[k];
      if (instr.kind === "From") {
        stageGroups.push({ from: instr, at: k, rest: [] });
      } else if (stageGroups.length > 0) {
        stageGroups[stageGroups.length - 1].rest.push(instr);
      } else if (instr.kind === "Arg") {
        metaArgs.push(instr);
      } else {
        this.problem("instruction-before-from", "no build stage in current context", instr.range, { instruction: instr });
      }
    }
    if (this.ast.instructions.length === 0) {
      this.problem("empty-dockerfile", "the Dockerfile cannot be empty", this.ast.range);
    } else if (stageGroups.length === 0) {
      this.problem("no-stages", "dockerfile contains no stages to build", this.ast.range);
    }
    return { metaArgs, stageGroups };
  }

  private createStages(groups: StageGroup[]): void {
    groups.forEach(({ from, at, rest }, index) => {
      const nameWord = from.stageName;
      const name = nameWord ? nameWord.value.toLowerCase() : undefined;
      if (nameWord && name !== undefined && !STAGE_NAME.test(name)) {
        this.problem(
          "invalid-stage-name",
          `invalid name for build stage: "${nameWord.value}", name can't start with a number or contain symbols`,
          nameWord.range,
          { instruction: from },
        );
      }
      const last = rest.length > 0 ? rest[rest.length - 1] : from;
      // built field by field (no spreads), keys in the model's order
      const stage = { index } as Stage;
      if (name !== undefined) {
        stage.name = name;
        stage.nameWord = nameWord;
      }
      stage.displayName = name ?? `stage-${index}`;
      stage.from = from;
      stage.instructions = rest;
      stage.range = { start: from.range.start, end: last.range.end };
      stage.base = { kind: "unknown", reason: "missing" };
      stage.os = "linux";
      stage.reachable = false;
      stage.isTarget = false;
      stage.referencedBy = [];
      stage.references = [];
      stage.declarations = [];
      this.stages.push(stage);
      this.stageStarts.push(at);
      // the FROM and the rest of the stage are contiguous in the file
      for (let k = at; k <= at + rest.length; k++) this.infos[k].stage = stage;
    });
  }

  /** `--target` by name (case-insensitive, the last stage of that name), else the last stage. */
  private findTarget(): Stage | undefined {
    if (this.options.target === undefined) return this.stages[this.stages.length - 1];
    const found = this.stageByName(this.options.target);
    if (!found) {
      this.problem("target-not-found", `target stage "${this.options.target}" could not be found`, this.ast.range);
    }
    return found;
  }

  /** The indexes of the stages of each (lower-cased) name, in file order: look-ups by name cost no scan. */
  private stagesByName = new Map<string, number[]>();

  private indexStageNames(): void {
    for (const stage of this.stages) {
      if (stage.name === undefined) continue;
      const list = this.stagesByName.get(stage.name);
      if (list) list.push(stage.index);
      else this.stagesByName.set(stage.name, [stage.index]);
    }
  }

  /** The last stage named exactly `name` before index `before`. */
  private lastNamed(name: string, before: number): Stage | undefined {
    const list = this.stagesByName.get(name);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length; // the first position whose index is >= before
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! < before) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? this.stages[list[lo - 1]!] : undefined;
  }

  /** The first stage named exactly `name` at index `from` or after. */
  private firstNamed(name: string, from: number): Stage | undefined {
    const list = this.stagesByName.get(name);
    const at = list?.find((i) => i >= from);
    return at === undefined ? undefined : this.stages[at];
  }

  /** BuildKit keeps one stage per lower-cased name; a later duplicate replaces the earlier one. */
  private stageByName(name: string, before = this.stages.length): Stage | undefined {
    return this.lastNamed(name.toLowerCase(), before);
  }

  // ---------------------------------------------------------------------------------------------
  // Global scope: predefined args and meta ARGs

  private buildGlobalScope(metaArgs: ArgInstruction[], target: Stage | undefined): void {
    const last = this.stages[this.stages.length - 1];
    const targetStage = this.options.target ?? last?.name ?? "default";
    this.predefined = predefinedArgValues({
      buildPlatform: this.options.buildPlatform,
      targetPlatform: this.options.targetPlatform,
      targetStage: target?.name ?? targetStage,
    });
    let scope = ScopeSnapshot.empty();
    for (const [name, value] of this.predefined) {
      // A --build-arg of the same name replaces the value for expansion only.
      scope = scope.with({ name, value: this.buildArgs.get(name) ?? value, kind: "predefined" });
    }
    for (const instr of metaArgs) {
      this.infoOf(instr)!.scope = scope;
      scope = this.declareArgs(instr, scope, undefined);
    }
    this.globalScope = scope;
  }

  /** ARG: each key in order, later keys seeing earlier ones (BuildKit's dispatchArg). */
  private declareArgs(instr: ArgInstruction, start: ScopeSnapshot, stage: Stage | undefined): ScopeSnapshot {
    let scope = start;
    for (const d of instr.declarations) {
      const name = d.name.value;
      const defaultWord = d.defaultValue;
      if (defaultWord) this.recordBuildUses(instr, stage, scope, instr.variables.filter((v) => within(v.range, defaultWord.range)));
      // built field by field (no spreads), keys in the model's order
      const decl = { kind: "arg", name, nameRange: d.name.range } as VariableDeclaration;
      if (defaultWord) decl.valueWord = defaultWord;
      decl.instruction = instr;
      if (stage) decl.stage = stage;
      decl.global = stage === undefined;
      decl.valueSource = "unset";
      decl.predefined = isPredefined(name);
      decl.uses = [];
      decl.reachesRun = false;
      decl.errors = [];
      const fromBuildArg = this.buildArgs.get(name);
      const globalEntry = stage ? this.globalScope.entry(name) : undefined;
      const globalDecl = stage ? this.globalScope.declarationOf(name) : undefined;
      if (stage && !defaultWord && globalDecl) {
        decl.inherits = globalDecl;
        this.addUse({
          name,
          range: d.name.range,
          nameRange: d.name.range,
          instruction: instr,
          stage,
          context: "build",
          declaration: globalDecl,
          defined: globalEntry !== undefined,
          predefined: decl.predefined,
          redeclaration: true,
        });
      }
      if (fromBuildArg !== undefined) {
        decl.value = fromBuildArg;
        decl.valueSource = "build-arg";
      } else if (defaultWord) {
        const r = this.expandValue(defaultWord.value, scope);
        decl.value = r.value;
        decl.valueSource = "default";
        decl.errors = r.errors;
        for (const e of r.errors) {
          this.problem("expansion-error", formatExpansionError(defaultWord.value, e), defaultWord.range, { instruction: instr, stage });
        }
      } else if (stage && globalEntry) {
        decl.value = globalEntry.value;
        decl.valueSource = globalEntry.kind === "predefined" ? "predefined" : "global";
      } else if (!stage && decl.predefined) {
        // A meta ARG without default keeps the predefined value.
        decl.value = scope.lookup(name);
        decl.valueSource = "predefined";
      }
      this.declarations.push(decl);
      if (stage) stage.declarations.push(decl);
      else this.globalArgs.push(decl);
      scope = decl.value !== undefined ? scope.with({ name, value: decl.value, kind: "arg", declaration: decl }) : scope.withUnset(decl);
    }
    return scope;
  }

  // ---------------------------------------------------------------------------------------------
  // FROM: the base name and platform with the global scope, base linking

  private expandGlobal(expression: string): ResolvedText {
    const r = this.expandValue(expression, this.globalScope);
    return { expression, value: r.value, unmatched: r.unmatched, errors: r.errors };
  }

  private resolveFrom(stage: Stage): void {
    const from = stage.from;
    this.infos[this.stageStarts[stage.index]].scope = this.globalScope;
    this.recordBuildUses(from, stage, this.globalScope, from.variables);
    if (from.platform?.value) {
      stage.platform = this.expandGlobal(from.platform.value.value);
      this.reportExpansion(stage.platform, from.platform.value.range, from, stage);
    }
    if (!from.image) return;
    const image = this.expandGlobal(from.image.value);
    stage.image = image;
    this.reportExpansion(image, from.image.range, from, stage);
    if (image.errors.length > 0) {
      stage.base = { kind: "unknown", reason: "expansion-error" };
    } else if (image.value === "") {
      stage.base = { kind: "unknown", reason: "blank" };
      this.problem("blank-base-name", `base name (${image.expression}) should not be blank`, from.image.range, { instruction: from, stage });
    } else {
      stage.base = this.linkBase(stage, image.value);
    }
    stage.os = this.guessOs(stage);
  }

  private reportExpansion(r: ResolvedText, range: Range, instruction: Instruction, stage: Stage): void {
    for (const e of r.errors) this.problem("expansion-error", formatExpansionError(r.expression, e), range, { instruction, stage });
  }

  /** Exactly the lower-cased name of an earlier stage links to it; anything else is an image or scratch. */
  private linkBase(stage: Stage, resolved: string): Stage["base"] {
    const from = stage.from;
    const range = from.image!.range;
    const earlier = this.lastNamed(resolved, stage.index);
    if (earlier) {
      this.addReference({ kind: "from", onbuild: false, instruction: from, source: stage, value: resolved, range, target: { kind: "stage", stage: earlier, byIndex: false } });
      return { kind: "stage", stage: earlier };
    }
    const caseMismatch = this.stageByName(resolved, stage.index);
    const later = this.firstNamed(resolved.toLowerCase(), stage.index);
    if (caseMismatch || later) {
      this.addReference({
        kind: "from",
        onbuild: false,
        instruction: from,
        source: stage,
        value: resolved,
        range,
        target: { kind: "image", reference: resolved },
        problem: caseMismatch ? "case-mismatch" : later === stage ? "self" : "later-stage",
      });
    }
    return resolved === "scratch" ? { kind: "scratch" } : { kind: "image", reference: resolved };
  }

  private guessOs(stage: Stage): OperatingSystem {
    const platform = stage.platform?.value.toLowerCase();
    if (platform) return platform.startsWith("windows") ? "windows" : "linux";
    if (stage.base.kind === "stage") return stage.base.stage.os;
    if (stage.base.kind === "image" && WINDOWS_IMAGE.test(stage.base.reference)) return "windows";
    if (!stage.from.platform && this.options.targetPlatform?.os === "windows") return "windows";
    return "linux";
  }

  // ---------------------------------------------------------------------------------------------
  // Walking a stage: scopes, shells, uses, stage references

  private initialScope(stage: Stage): ScopeSnapshot {
    if (stage.base.kind === "stage") {
      return this.finalScope[stage.base.stage.index] ?? ScopeSnapshot.empty(true);
    }
    const windows = stage.os === "windows";
    let scope = ScopeSnapshot.empty(stage.base.kind !== "scratch", windows);
    if (!windows) scope = scope.with({ name: "PATH", value: DEFAULT_LINUX_PATH, kind: "image" });
    return scope;
  }

  private walkStage(stage: Stage): void {
    let scope = this.initialScope(stage);
    let shell =
      stage.base.kind === "stage" ? (this.finalShell[stage.base.stage.index] ?? defaultShell(stage.os)) : defaultShell(stage.os);
    const at = this.stageStarts[stage.index];
    this.infos[at].shell = shell;
    for (let k = 0; k < stage.instructions.length; k++) {
      const instr = stage.instructions[k];
      const info = this.infos[at + 1 + k];
      info.scope = scope;
      info.shell = shell;
      switch (instr.kind) {
        case "Arg":
          scope = this.declareArgs(instr, scope, stage);
          break;
        case "Env":
          scope = this.declareEnv(instr, scope, stage);
          break;
        case "Shell":
          if (instr.command?.kind === "JsonForm") {
            const words = instr.command.elements.map((e) => e.value);
            shell = { shell: words, kind: classifyShell(words), setBy: instr };
          }
          this.recordBuildUses(instr, stage, scope, instr.variables);
          break;
        case "Onbuild":
          if (instr.trigger) this.collectStageReferences(instr.trigger, stage, instr, true);
          break;
        default:
          this.recordBuildUses(instr, stage, scope, instr.variables);
          this.recordRuntimeUses(instr, stage, scope, shell);
          this.collectStageReferences(instr, stage, instr, false);
          if (instr.kind === "Run" && scope !== this.scopeMarkedForRun) {
            // Unset ARGs too: a --build-arg would put them in this RUN's environment. RUNs in a row share
            // one scope, marked once.
            scope.forEachDeclarationInForce((d) => (d.reachesRun = true));
            this.scopeMarkedForRun = scope;
          }
      }
    }
    this.finalScope[stage.index] = scope;
    this.finalShell[stage.index] = shell;
  }

  /** ENV: every key and value is expanded with the scope from before the instruction. */
  private declareEnv(instr: EnvInstruction, start: ScopeSnapshot, stage: Stage): ScopeSnapshot {
    this.recordBuildUses(instr, stage, start, instr.variables);
    let scope = start;
    for (const pair of instr.pairs) {
      const key = this.expandValue(pair.key.value, start);
      const value = pair.value ? this.expandValue(pair.value.value, start) : undefined;
      // each expansion's error list is its own: the key's is taken over
      const errors = value && value.errors.length > 0 ? key.errors.concat(value.errors) : key.errors;
      // built field by field (no spreads), keys in the model's order
      const decl = { kind: "env", name: key.value, nameRange: pair.key.range } as VariableDeclaration;
      if (pair.value) decl.valueWord = pair.value;
      decl.instruction = instr;
      decl.stage = stage;
      decl.global = false;
      decl.value = value?.value ?? "";
      decl.valueSource = "env";
      decl.predefined = false;
      decl.uses = [];
      decl.reachesRun = false;
      decl.errors = errors;
      for (const e of key.errors) this.problem("expansion-error", formatExpansionError(pair.key.value, e), pair.key.range, { instruction: instr, stage });
      for (const e of value?.errors ?? []) {
        this.problem("expansion-error", formatExpansionError(pair.value!.value, e), pair.value!.range, { instruction: instr, stage });
      }
      this.declarations.push(decl);
      stage.declarations.push(decl);
      scope = scope.with({ name: decl.name, value: decl.value!, kind: "env", declaration: decl });
    }
    return scope;
  }

  /**
   * A word BuildKit expands, as the analyzer needs it (value, unset names, errors): a literal word, the usual
   * case, is its own value without the expansion's other results.
   */
  private expandValue(word: string, scope: ScopeSnapshot): ExpandedValue {
    if (isLiteralWord(word, this.escape)) return { value: word, unmatched: [], errors: [] };
    return expandWord(word, (n) => scope.lookup(n), { escape: this.escape });
  }

  private recordBuildUses(instr: Instruction, stage: Stage | undefined, scope: ScopeSnapshot, refs: readonly VariableRef[]): void {
    for (const ref of refs) {
      const use = this.use(ref.name, ref.range, ref.nameRange, instr, stage, "build", scope);
      use.ref = ref;
      this.addUse(use);
    }
  }

  /** Names the shell or program reads from the environment (RUN sees ARG values too; CMD only ENV). */
  private recordRuntimeUses(instr: Instruction, stage: Stage, scope: ScopeSnapshot, shell: ShellInForce): void {
    const command =
      instr.kind === "Run" || instr.kind === "Cmd" || instr.kind === "Entrypoint" || instr.kind === "Healthcheck" ? instr.command : undefined;
    // the environment is worked out for the first reference found (most commands have none)
    let env: ScopeSnapshot | undefined;
    const record = (refs: RuntimeRef[], place: RuntimePlace, base: number, end: number) => {
      if (refs.length === 0) return;
      env ??= instr.kind === "Run" ? scope : scope.runtimeOnly();
      for (const ref of refs) {
        const range = { start: placeAt(instr, place, base, end, ref.start), end: placeAt(instr, place, base, end, ref.end - 1) + 1 };
        const nameRange = {
          start: placeAt(instr, place, base, end, ref.nameStart),
          end: placeAt(instr, place, base, end, ref.nameStart + ref.name.length - 1) + 1,
        };
        this.addUse(this.use(ref.name, range, nameRange, instr, stage, "runtime", env));
      }
    };
    if (command?.kind === "ShellForm") {
      record(scanRuntimeRefs(command.value, shell.kind), "logical", command.logicalOffset, 0);
    } else if (command?.kind === "JsonForm") {
      for (const el of command.elements) record(scanRuntimeRefs(el.value, "posix"), "json", el.range.start + 1, el.range.end);
    }
    if (instr.kind === "Run") {
      for (const h of instr.heredocs) {
        if (h.expand) record(scanRuntimeRefs(h.content, shell.kind), "source", h.contentRange.start, 0);
      }
    }
  }

  /** A use of `name` as `scope` resolves it; built field by field (no spreads), keys in the model's order. */
  private use(
    name: string,
    range: Range,
    nameRange: Range,
    instruction: Instruction,
    stage: Stage | undefined,
    context: VariableUse["context"],
    scope: ScopeSnapshot,
  ): VariableUse {
    const entry = scope.entry(name);
    const declaration = scope.declarationOf(name);
    const use = { name, range, nameRange, instruction } as VariableUse;
    if (stage) use.stage = stage;
    use.context = context;
    if (declaration) use.declaration = declaration;
    use.defined = entry !== undefined;
    use.predefined = isPredefined(name);
    return use;
  }

  private addUse(use: VariableUse): void {
    this.uses.push(use);
    use.declaration?.uses.push(use);
  }

  /** COPY --from and RUN --mount from= (also inside ONBUILD triggers). */
  private collectStageReferences(instr: Instruction, stage: Stage, holder: Instruction, onbuild: boolean): void {
    if (instr.kind === "Copy" && instr.from?.value) {
      const word = instr.from.value;
      this.addReference(resolveCopyFrom(this.referenceContext(stage, holder), { source: stage, instruction: holder, onbuild }, word.value, word.range));
    }
    if (instr.kind === "Run") {
      for (const mount of instr.mounts) {
        const field = lastFromField(mount.fields);
        if (!field?.value) continue;
        const mountTarget = mount.values["target"] ?? mount.values["dst"] ?? mount.values["destination"];
        const at = { source: stage, instruction: holder, onbuild };
        this.addReference(resolveMountFrom(this.referenceContext(stage, holder), at, field.value.value, field.value.range, mountTarget));
      }
    }
  }

  /** What resolving a reference needs; made only for an instruction that has one. */
  private referenceContext(stage: Stage, holder: Instruction): ReferenceContext {
    return {
      stages: this.stages,
      escape: this.escape,
      stageByName: (name) => this.stageByName(name),
      report: (code, message, range, onlyWhenBuilt) => this.problem(code, message, range, { instruction: holder, stage, onlyWhenBuilt }),
    };
  }

  /** The record of a top-level instruction: a binary search by start offset (they are in file order). */
  private infoOf(instr: Instruction): InstructionInfo | undefined {
    const list = this.ast.instructions;
    const start = instr.range.start;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = list[mid];
      if (m === instr) return this.infos[mid];
      if (m.range.start < start) lo = mid + 1;
      else if (m.range.start > start) hi = mid - 1;
      else break;
    }
    // an ONBUILD trigger has no record; anything else missed is searched for in full (no order assumed)
    if (instr.parentOnbuild) return undefined;
    const k = list.indexOf(instr);
    return k >= 0 ? this.infos[k] : undefined;
  }

  private addReference(ref: StageReference): void {
    this.references.push(ref);
    ref.source.references.push(ref);
    if (ref.target.kind === "stage" && ref.target.stage !== ref.source) ref.target.stage.referencedBy.push(ref);
    if (ref.target.kind === "stage" && ref.target.stage === ref.source && !ref.problem) ref.problem = "self";
  }

  // ---------------------------------------------------------------------------------------------

  private problem(
    code: SemanticProblem["code"],
    message: string,
    range: Range,
    extra: { instruction?: Instruction; stage?: Stage; onlyWhenBuilt?: boolean | undefined } = {},
  ): void {
    const p: SemanticProblem = { code, message, range };
    if (extra.instruction) p.instruction = extra.instruction;
    if (extra.stage) p.stage = extra.stage;
    if (extra.onlyWhenBuilt) p.onlyWhenBuilt = true;
    this.problems.push(p);
  }

  private model(target: Stage | undefined): SemanticModel {
    const globalScope = this.globalScope;
    const stageOf = (i: Instruction) => this.infoOf(i)?.stage;
    const scopeAt = (i: Instruction): ScopeSnapshot => {
      const at = this.infoOf(i);
      return at?.scope ?? (at?.stage ? ScopeSnapshot.empty(true) : globalScope);
    };
    const escape = this.escape;
    const stages = this.stages;
    const declarations = this.declarations;
    const findStage = (nameOrIndex: string) => {
      const index = parseIndex(nameOrIndex);
      if (index !== undefined) return stages[index];
      return this.stageByName(nameOrIndex);
    };
    const shellAt = (i: Instruction) => {
      const at = this.infoOf(i);
      return at?.shell ?? defaultShell(at?.stage?.os ?? "linux");
    };
    const resolveAt = (i: Instruction, text: string, opts: { runtime?: boolean } = {}): Resolution => {
      const base = scopeAt(i);
      const scope = opts.runtime ? base.runtimeOnly() : base;
      const lookup: EnvSource = (n) => scope.lookup(n);
      const r = expandWord(text, lookup, { escape, caseInsensitiveKeys: scope.caseInsensitive });
      return {
        ...r,
        references: r.references.map((ref) => {
          const declaration = scope.declarationOf(ref.name);
          return { ...ref, ...(declaration ? { declaration } : {}), predefined: isPredefined(ref.name) };
        }),
      };
    };
    const unusedArgs = () => declarations.filter((d) => d.kind === "arg" && d.uses.length === 0);
    const unusedStages = () => stages.filter((s) => !s.isTarget && s !== stages[stages.length - 1] && s.referencedBy.length === 0);
    const dockerfile = this.ast;
    const globalArgs = this.globalArgs;
    const sortedDeclarations = sortedCopy(declarations, nameStart);
    // the analyzer's own list: sorted in place
    const uses = sortInPlace(this.uses, rangeStart);
    const stageReferences = this.references;
    const predefinedArgs = this.predefined;
    const problems = this.problems;
    // one literal per case, fields in the model's order: a spread for the optional target, or fields added
    // one by one afterwards, made every model a slow object (and, oddly, the whole parse slower with it)
    return target
      ? {
          dockerfile, escape, stages, globalArgs, declarations: sortedDeclarations, uses, stageReferences, target, predefinedArgs,
          problems, stageOf, findStage, scopeAt, shellAt, resolveAt, unusedArgs, unusedStages,
        }
      : {
          dockerfile, escape, stages, globalArgs, declarations: sortedDeclarations, uses, stageReferences, predefinedArgs,
          problems, stageOf, findStage, scopeAt, shellAt, resolveAt, unusedArgs, unusedStages,
        };
  }
}

const nameStart = (d: VariableDeclaration) => d.nameRange.start;
const rangeStart = (u: VariableUse) => u.range.start;

function inOrder<T>(list: readonly T[], key: (item: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (key(list[i - 1]) > key(list[i])) return false;
  return true;
}

/** A sorted copy by `key` (stable); most lists are collected in order already and need no sort. */
function sortedCopy<T>(list: readonly T[], key: (item: T) => number): T[] {
  return inOrder(list, key) ? list.slice() : list.slice().sort((a, b) => key(a) - key(b));
}

function sortInPlace<T>(list: T[], key: (item: T) => number): T[] {
  return inOrder(list, key) ? list : list.sort((a, b) => key(a) - key(b));
}

/**
 * How an offset in scanned text maps to the source: `logical` through the instruction's segments from a
 * logical start, `json` inside a JSON string literal (clamped to its end), `source` by a plain shift.
 */
type RuntimePlace = "logical" | "json" | "source";

function placeAt(instr: Instruction, place: RuntimePlace, base: number, end: number, offset: number): number {
  if (place === "logical") return sourceOffset(instr, base + offset);
  if (place === "json") return Math.min(base + offset, end);
  return base + offset;
}

/** The last `from` field of a mount (the one BuildKit keeps). */
function lastFromField(fields: readonly MountField[]): MountField | undefined {
  for (let i = fields.length - 1; i >= 0; i--) if (fields[i].key.value.toLowerCase() === "from") return fields[i];
  return undefined;
}

function within(inner: Range, outer: Range): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Builds the semantic model of a parsed Dockerfile. Never throws. */
export function analyzeDockerfile(ast: Dockerfile, options: AnalyzeOptions = {}): SemanticModel {
  return new Analyzer(ast, options).run();
}
