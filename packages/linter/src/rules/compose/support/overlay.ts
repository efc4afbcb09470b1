/**
 * Files such as `compose.prod.yaml` or `docker-compose.nginx.yml` are usually overlays: they are meant
 * for `docker compose -f compose.yaml -f compose.prod.yaml` and lean on the base file for images,
 * services and resources. Linted on their own (the CLI cannot know the base), the project-wide
 * consistency checks would report everything the base provides; they stay silent for such projects.
 */
import { referencesOf, type ComposeProject } from "@shipshape/compose";
import type { ComposeRuleContext } from "../../../rule.js";

const DEFAULT_NAMES = new Set(["compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml"]);

const baseName = (p: string) => p.slice(Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\")) + 1).toLowerCase();

/**
 * An overlay: no file of the project has a name `docker compose` would load by default, and the project
 * is incomplete on its own (a service without image or build, or a dependency on a service it lacks).
 */
export function isOverlay(ctx: ComposeRuleContext<any>, project: ComposeProject): boolean {
  // Several rules ask, about the same project (one object per lint, with one set of files).
  let overlay = overlays.get(project);
  if (overlay === undefined) overlays.set(project, (overlay = findOverlay(ctx, project)));
  return overlay;
}

const overlays = new WeakMap<ComposeProject, boolean>();

function findOverlay(ctx: ComposeRuleContext<any>, project: ComposeProject): boolean {
  if (hasDefaultName(ctx)) return false;
  const services = Object.values(project.services);
  if (services.some((s) => !s.image && !s.build && !s.provider)) return true;
  const known = (name: string) => Object.hasOwn(project.services, name) || Object.hasOwn(project.disabledServices, name);
  return services.some((s) => referencesOf(s).some((r) => r.kind === "service" && r.via !== "extends" && !known(r.ref.value)));
}

/** Whether a file of the project has a name `docker compose` loads by default (compose.yaml, ...). */
export function hasDefaultName(ctx: ComposeRuleContext<any>): boolean {
  return [...ctx.models.keys()].some((p) => DEFAULT_NAMES.has(baseName(p)));
}
