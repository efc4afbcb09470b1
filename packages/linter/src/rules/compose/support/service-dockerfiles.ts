/**
 * The one loop over the Dockerfiles a project's services build. Several rules look at every service's
 * build; each build (the semantic model with that service's target and build args) is made once per
 * lint and shared by all of them.
 */
import type { Service } from "@shipshape/compose";
import type { ComposeRuleContext, ServiceDockerfile } from "../../../rule.js";
import { buildOf, type Build } from "./built.js";

/** Builds already made, by the Dockerfile (one object per lint run) and then by service. */
const made = new WeakMap<ServiceDockerfile, WeakMap<Service, Build>>();

/** What a service builds from its Dockerfile; undefined when it does not build or the file could not be read. */
export function serviceBuild(ctx: Pick<ComposeRuleContext<unknown>, "dockerfileOf">, service: Service): Build | undefined {
  const dockerfile = ctx.dockerfileOf(service);
  if (!dockerfile) return undefined;
  let byService = made.get(dockerfile);
  if (!byService) made.set(dockerfile, (byService = new WeakMap()));
  let build = byService.get(service);
  if (!build) byService.set(service, (build = buildOf(service, dockerfile)!));
  return build;
}

/** Calls `fn` for every enabled service of the project whose Dockerfile was read, in file order. */
export function forEachServiceDockerfile(
  ctx: Pick<ComposeRuleContext<unknown>, "dockerfileOf" | "project">,
  fn: (service: Service, build: Build) => void,
): void {
  for (const service of Object.values(ctx.project.services)) {
    const build = serviceBuild(ctx, service);
    if (build) fn(service, build);
  }
}
