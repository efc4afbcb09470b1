/**
 * What a compose service builds from its Dockerfile: the semantic model for that build (its target and
 * build args applied), the stages the build runs, and the chain of stages the final image is made of.
 */
import type { Service } from "@shipshape/compose";
import type { Instruction } from "@shipshape/dockerfile";
import { analyzeDockerfile, type SemanticModel, type Stage } from "@shipshape/semantic";
import type { ServiceDockerfile } from "../../../rule.js";

export interface Build {
  dockerfile: ServiceDockerfile;
  semantic: SemanticModel;
  /** The `build.target` as written, when set. */
  target?: string;
  /** The target stage; undefined when `build.target` names no stage. */
  targetStage?: Stage;
  /** The target and the stages it is built FROM, nearest first. */
  chain: Stage[];
}

/** Build args with a value (a bare `KEY` takes it from the environment: still provided). */
export function buildArgValues(service: Service): Record<string, string> {
  const out: Record<string, string> = {};
  for (const kv of service.build?.args ?? []) out[kv.key] = typeof kv.value?.value === "string" ? kv.value.value : String(kv.value?.value ?? "");
  return out;
}

const targetOf = (service: Service): string | undefined => {
  const t = service.build?.target?.value;
  return typeof t === "string" && t !== "" && !t.includes("$") ? t : undefined;
};

/** The build of a service whose Dockerfile could be read; undefined otherwise. */
export function buildOf(service: Service, dockerfile: ServiceDockerfile | undefined): Build | undefined {
  if (!dockerfile) return undefined;
  const target = targetOf(service);
  const semantic = analyzeDockerfile(dockerfile.ast, { buildArgs: buildArgValues(service), ...(target ? { target } : {}) });
  const targetStage = target ? semantic.stages.find((s) => s.name === target.toLowerCase()) : semantic.stages[semantic.stages.length - 1];
  const chain: Stage[] = [];
  for (let s = targetStage; s && !chain.includes(s); s = s.base.kind === "stage" ? s.base.stage : undefined) chain.push(s);
  return { dockerfile, semantic, ...(target ? { target } : {}), ...(targetStage ? { targetStage } : {}), chain };
}

/** The last instruction of a kind in the image's stage chain (nearest stage first), as the image inherits it. */
export function lastInChain<K extends Instruction["kind"]>(build: Build, kind: K): Extract<Instruction, { kind: K }> | undefined {
  for (const stage of build.chain) {
    const found = stage.instructions.filter((i) => i.kind === kind);
    if (found.length) return found[found.length - 1] as Extract<Instruction, { kind: K }>;
  }
  return undefined;
}

/** Whether the chain ends in a base image we cannot see (its own HEALTHCHECK, EXPOSE, ... are unknown). */
export function endsInImage(build: Build): boolean {
  const last = build.chain[build.chain.length - 1];
  return !!last && last.base.kind !== "scratch" && last.base.kind !== "stage";
}
