import type { Ref, Service } from "./model.js";
import { isHostPath } from "./schema/short.js";
import { NodeCache } from "@shipshape/text";

/** What a reference points at. */
export type ReferenceKind = "service" | "network" | "volume" | "secret" | "config" | "model";

export interface Reference {
  kind: ReferenceKind;
  /** The name as written, with the range of just the name. */
  ref: Ref;
  /** The key it was found under: `depends_on`, `links`, `volumes_from`, `network_mode`, `build.secrets`, ... */
  via: string;
  /** False for `depends_on` entries with `required: false` (a missing target only warns). */
  required: boolean;
}

/**
 * Every name a service uses that must be defined elsewhere in the project: other services (depends_on,
 * links, volumes_from, `service:` modes, build contexts, extends), networks, named volumes, secrets, configs
 * and models. Rules about undefined or unused resources need only this list.
 */
export function referencesOf(service: Service): Reference[] {
  // Several rules ask for every service's references; a service object does not change once built.
  let out = found.get(service);
  if (!out) found.set(service, (out = collect(service)));
  return out.slice();
}

const found = new NodeCache<Service, readonly Reference[]>("references");

function collect(service: Service): Reference[] {
  const out: Reference[] = [];
  const add = (kind: ReferenceKind, ref: Ref | undefined, via: string, required = true) => {
    if (ref && ref.value !== "" && !ref.value.includes("$")) out.push({ kind, ref, via, required });
  };
  for (const d of service.depends_on) add("service", d.service, "depends_on", d.required);
  for (const l of service.links) add("service", l.service, "links");
  for (const v of service.volumes_from) if (!v.container) add("service", v.source, "volumes_from");
  add("service", service.network_mode_service, "network_mode");
  add("service", service.ipc_service, "ipc");
  add("service", service.pid_service, "pid");
  for (const c of service.build?.context_services ?? []) add("service", c, "build.additional_contexts");
  if (service.extends && !service.extends.source_file) add("service", service.extends.service, "extends");
  for (const n of service.networks) add("network", n.network, "networks");
  for (const v of service.volumes) {
    // Only named volumes refer to the top-level section; host paths and anonymous volumes don't.
    if (v.type === "volume" && v.source && !isHostPath(v.source.value)) add("volume", v.source, "volumes");
  }
  for (const s of service.secrets) add("secret", s.source, "secrets");
  for (const s of service.build?.secrets ?? []) add("secret", s.source, "build.secrets");
  for (const c of service.configs) add("config", c.source, "configs");
  for (const m of service.models) add("model", m.model, "models");
  return out;
}
