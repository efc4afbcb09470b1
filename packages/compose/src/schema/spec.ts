import type { CMap, CNode } from "../node.js";
import { getValue, isMap, isScalar, isSeq } from "../node.js";
import { bool, bytes, dict, duration, int, keyvalue, list, num, obj, options, str, strOrList, union, withDoc } from "./build.js";
import { RESTART_POLICY, isIP, parseBytes, parseDeviceSpec, parsePortSpec, parseVolumeSpec } from "./short.js";
import type { MapCheckReport, ObjectSchema } from "./types.js";

/**
 * The Compose specification as a table: every key Compose knows, what it accepts, and a one-line description.
 * The validator walks it, and the editor features read `doc` for hover and completion.
 */

const NAME = { re: /^[a-zA-Z0-9._-]+$/, describe: "letters, digits, '.', '_' and '-'", code: "invalid-name" as const };

const labels = keyvalue("Metadata labels, as a mapping or a list of KEY=VALUE.");
const external = union("Whether the resource is created outside this project (Compose only looks it up).", {
  scalar: bool("True when the resource is managed outside Compose."),
  map: obj("Deprecated form naming the external resource.", { name: str("The external name (deprecated: use the top-level name).") }),
});

// ------------------------------------------------------------------ small shared pieces

const ulimitsSchema = dict(
  "Resource limits (ulimits) for the container, each a number or soft/hard values.",
  union("A limit: one number for both soft and hard, or a soft/hard pair.", {
    scalar: int("The soft and hard limit."),
    map: obj("Separate soft and hard limits.", { soft: int("The soft limit."), hard: int("The hard limit.") }, { required: ["soft", "hard"] }),
  }),
  { keyPattern: { re: /^[a-z]+$/, describe: "lower-case letters", code: "pattern-mismatch" }, what: "ulimit" },
);

const extraHosts = keyvalue("Extra host name to IP mappings added to /etc/hosts (HOST=IP, HOST:IP or a mapping).", {
  separator: "extra_hosts",
  listValues: true,
});

const serviceFileRef = (what: string) =>
  list(
    `The ${what}s this service can read, by name or with mount details.`,
    union(`A ${what} reference.`, {
      scalar: str(`The name of a top-level ${what}.`),
      map: obj(`A ${what} mount.`, {
        source: str(`The name of the top-level ${what}.`),
        target: str(`Where the ${what} appears in the container.`),
        uid: str("Owner user id of the file.", { acceptScalars: true }),
        gid: str("Owner group id of the file.", { acceptScalars: true }),
        mode: union("File permissions (octal number or text).", { scalar: str("File permissions.", { acceptScalars: true }) }),
      }),
    }),
  );

const deviceRequest = obj(
  "A request for devices such as GPUs.",
  {
    capabilities: list("Device capabilities required (e.g. gpu).", str("A capability.")),
    count: union("How many devices to reserve, or 'all'.", {
      scalar: str("A number or 'all'.", {
        acceptScalars: true,
        check: (t, report) => {
          if (t !== "all" && !/^-?\d+$/.test(t)) report("invalid-type", `Invalid device count "${t}": use a number or 'all'`);
        },
      }),
    }),
    device_ids: list("Ids of the devices to reserve.", str("A device id.")),
    driver: str("The device driver."),
    options: options("Driver-specific options."),
  },
  { check: (m, r) => { exclusiveCountIds(m, r); needsCapabilities(m, r); } },
);

function needsCapabilities(map: CMap, report: MapCheckReport) {
  if (!getValue(map, "capabilities") && !getValue(map, "driver")) report("missing-required-key", `A device request needs "capabilities" (or a "driver")`);
}

function exclusiveCountIds(map: CMap, report: MapCheckReport) {
  if (getValue(map, "count") && getValue(map, "device_ids")) report("conflicting-keys", `"count" and "device_ids" cannot be set together`, "device_ids");
}

const hook = obj(
  "A command run in the container at a lifecycle event.",
  {
    command: strOrList("The command to run.", {}, false),
    user: str("The user to run it as."),
    privileged: bool("Run the command with extended privileges."),
    working_dir: str("The working directory of the command."),
    environment: keyvalue("Environment variables for the command."),
  },
  { required: ["command"] },
);

const updateConfig = (what: string) =>
  obj(`How ${what}.`, {
    parallelism: int("How many containers to change at a time."),
    delay: duration("Time to wait between groups of containers."),
    failure_action: str("What to do if the change fails (continue, rollback, pause)."),
    monitor: duration("How long to watch each container for failure."),
    max_failure_ratio: num("Failure rate tolerated."),
    order: str("Order of operations: stop-first or start-first.", { enum: ["start-first", "stop-first"] }),
  });

const resourceSet = (what: string) =>
  obj(`Resource ${what}.`, {
    cpus: str(`CPU ${what} (fraction of cores).`, { acceptScalars: true, check: checkNumberText }),
    memory: bytes(`Memory ${what}.`),
    pids: int(`Process count ${what}.`),
    ...(what === "reservations"
      ? {
          devices: list("Devices to reserve (GPUs and others).", deviceRequest),
          generic_resources: list(
            "Generic resources to reserve.",
            obj("A generic resource.", {
              discrete_resource_spec: obj("A countable resource.", { kind: str("The resource kind."), value: num("How many.") }),
            }),
          ),
        }
      : {}),
  });

function checkNumberText(t: string, report: (n: "invalid-type", m: string) => void) {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t.trim())) report("invalid-type", `Expected a number, got "${t}"`);
}

const deploy = obj("Deployment settings (replicas, resources, restart policy, placement).", {
  mode: str("Replication mode: replicated, global, replicated-job or global-job."),
  replicas: int("Number of containers to run.", { min: 0 }),
  labels: withDoc(labels, "Labels set on the service (not on its containers)."),
  endpoint_mode: str("Service discovery mode: vip or dnsrr."),
  update_config: updateConfig("the service is updated"),
  rollback_config: updateConfig("the service is rolled back"),
  restart_policy: obj("When and how to restart containers.", {
    condition: str("When to restart: none, on-failure or any."),
    delay: duration("Wait between restart attempts."),
    max_attempts: int("Give up after this many attempts."),
    window: duration("How long to wait before deciding a restart succeeded."),
  }),
  placement: obj("Constraints and preferences for where containers run.", {
    constraints: list("Node constraints such as node.role==manager.", str("A constraint.")),
    preferences: list("Placement preferences.", obj("A preference.", { spread: str("Spread containers over this node label.") })),
    max_replicas_per_node: int("Maximum containers per node."),
  }),
  resources: obj("Resource limits and reservations.", { limits: resourceSet("limits"), reservations: resourceSet("reservations") }),
});

const healthcheck = obj("A check that tells whether the container is healthy.", {
  disable: bool("Turn off the image's healthcheck."),
  test: union("The check: a shell string or a list starting with NONE, CMD or CMD-SHELL.", {
    scalar: str("A command run by the shell (CMD-SHELL)."),
    list: list("A command list whose first item is NONE, CMD or CMD-SHELL.", str("An argument.", { acceptScalars: true })),
  }),
  interval: duration("Time between checks."),
  timeout: duration("Time after which one check counts as failed."),
  retries: num("Consecutive failures needed to report unhealthy."),
  start_period: duration("Start-up time during which failures don't count."),
  start_interval: duration("Time between checks during the start period."),
}, { check: checkHealthTest });

function checkHealthTest(map: CMap, report: MapCheckReport) {
  const t = getValue(map, "test");
  if (isSeq(t) && t.items.length) {
    const first = t.items[0]!;
    if (isScalar(first) && typeof first.value === "string" && !first.value.includes("$") && !["NONE", "CMD", "CMD-SHELL"].includes(first.value)) {
      report("invalid-healthcheck-test", `A healthcheck test list must start with "CMD", "CMD-SHELL" or "NONE", not "${first.value}"`, first);
    }
  }
}

const portLong = obj("A published port in long syntax.", {
  name: str("A human-readable name for the port."),
  mode: str("host (publish on each node) or ingress (load-balanced).", { enum: ["host", "ingress"] }),
  host_ip: str("Host address to bind to.", {
    check: (t, report) => {
      if (t !== "" && !isIP(t.replace(/^\[|\]$/g, ""))) report("invalid-ip-address", `"${t}" is not a valid IP address`);
    },
  }),
  target: int("The container port.", { min: 0, max: 65535 }),
  published: str("The host port or range.", {
    acceptScalars: true,
    check: (t, report) => {
      if (!/^\d+(-\d+)?$/.test(t)) report("invalid-port", `Invalid published port "${t}"`);
    },
  }),
  protocol: str("tcp, udp or sctp.", {
    check: (t, report) => {
      if (!["tcp", "udp", "sctp"].includes(t.toLowerCase())) report("invalid-port", `Invalid protocol "${t}": use tcp, udp or sctp`);
    },
  }),
  app_protocol: str("The application protocol (http, grpc, ...) as a hint."),
});

const portShort = str("A port mapping: [[IP:]HOST:]CONTAINER[/PROTOCOL].", {
  acceptScalars: true,
  check: (t, report) => {
    const p = parsePortSpec(t);
    if (!p.ok) report("invalid-port", p.problem.message, { from: p.problem.from, to: p.problem.to });
  },
});

const VOLUME_TYPES = ["bind", "volume", "tmpfs", "cluster", "npipe", "image"];
const volumeShort = str("A mount: [SOURCE:]TARGET[:OPTIONS].", {
  check: (t, report) => {
    const p = parseVolumeSpec(t);
    if (!p.ok) report("invalid-volume-spec", p.problem.message, { from: p.problem.from, to: p.problem.to });
  },
});
const volumeLong = obj("A mount in long syntax.", {
  type: str("The mount type.", { enum: VOLUME_TYPES }),
  source: str("The host path, volume name or image mounted."),
  target: str("The path in the container."),
  read_only: bool("Mount read-only."),
  consistency: str("Consistency requirements (platform specific)."),
  bind: obj("Options for bind mounts.", {
    propagation: str("Bind propagation mode (rprivate, shared, ...)."),
    create_host_path: bool("Create the host directory if it is missing."),
    selinux: str("SELinux relabelling: z (shared) or Z (private).", { enum: ["z", "Z"] }),
    recursive: str("How sub-mounts are bound.", { enum: ["enabled", "disabled", "writable", "readonly"] }),
  }),
  volume: obj("Options for volume mounts.", {
    nocopy: bool("Don't copy image data into a new volume."),
    subpath: str("Mount only this sub-directory of the volume."),
    labels: withDoc(labels, "Labels for the volume."),
  }),
  tmpfs: obj("Options for tmpfs mounts.", {
    size: bytes("Size of the tmpfs."),
    mode: union("File mode of the tmpfs.", { scalar: str("File mode (octal).", { acceptScalars: true }) }),
  }),
  image: obj("Options for image mounts.", { subpath: str("Mount only this path of the image.") }),
}, { required: ["type"], check: checkBindSource });

function checkBindSource(map: CMap, report: MapCheckReport) {
  const t = getValue(map, "type");
  const src = getValue(map, "source");
  if (isScalar(t) && t.value === "bind" && (!src || (isScalar(src) && (src.value === "" || src.value === null)))) {
    report("missing-required-key", `A bind mount needs a "source"`, src ?? "type");
  }
}

const serviceNetworks = union("The networks the service joins, as a list of names or a mapping with settings.", {
  list: list("Network names.", str("The name of a top-level network."), { unique: true }),
  map: dict(
    "Networks and how the service attaches to each.",
    obj("How the service attaches to this network.", {
      aliases: list("Extra host names of the service on this network.", str("An alias."), { unique: true }),
      ipv4_address: str("A fixed IPv4 address."),
      ipv6_address: str("A fixed IPv6 address."),
      link_local_ips: list("Link-local addresses.", str("An address.")),
      mac_address: str("MAC address on this network."),
      driver_opts: options("Driver options for this attachment."),
      priority: num("Order in which networks are connected."),
      gw_priority: num("Which network provides the default gateway (highest wins)."),
      interface_name: str("Name of the interface in the container."),
    }, { nullable: true }),
    { what: "network", keyPattern: NAME },
  ),
});

const dependsOn = union("Services that must start before this one.", {
  list: list("Names of services to start first.", str("A service name."), { unique: true }),
  map: dict(
    "Services to start first, each with the condition to wait for.",
    obj("How to wait for the dependency.", {
      condition: str("What to wait for.", { enum: ["service_started", "service_healthy", "service_completed_successfully"] }),
      restart: bool("Restart this service when the dependency is updated."),
      required: bool("When false, a missing dependency only warns."),
    }, { required: ["condition"] }),
    { what: "service", keyPattern: NAME },
  ),
});

const envFile = union("Files that add environment variables to the container.", {
  scalar: str("Path of an env file."),
  list: list(
    "Env files, read in order.",
    union("An env file.", {
      scalar: str("Path of an env file."),
      map: obj("An env file with options.", {
        path: str("Path of the env file."),
        required: bool("When false, a missing file is ignored."),
        format: str("File format (raw reads values verbatim)."),
      }, { required: ["path"] }),
    }),
  ),
});

const build = union("How to build the image: a context path, or build settings.", {
  scalar: str("The build context (a path or a Git URL)."),
  map: obj("Build settings.", {
    context: str("The build context: a path or a Git URL."),
    dockerfile: str("The Dockerfile, relative to the context."),
    dockerfile_inline: str("The Dockerfile content, written inline."),
    args: keyvalue("Build arguments (ARG values)."),
    ssh: keyvalue("SSH agent sockets or keys made available to the build (default or ID=path)."),
    cache_from: list("Sources of build cache.", str("A cache source.")),
    cache_to: list("Destinations for the build cache.", str("A cache destination.")),
    additional_contexts: keyvalue("Named extra build contexts (path, image, URL or service:name)."),
    entitlements: list("Extra privileges the build may use.", str("An entitlement (network.host, security.insecure).")),
    extra_hosts: extraHosts,
    isolation: str("Container isolation technology for the build."),
    labels: withDoc(labels, "Labels set on the built image."),
    network: str("Network used by RUN instructions during the build."),
    no_cache: bool("Build without the cache."),
    platforms: list("Target platforms of the build.", str("A platform such as linux/amd64.")),
    privileged: bool("Build with extended privileges."),
    provenance: union("Provenance attestation settings.", { scalar: str("true, false or attestation options.", { acceptScalars: true }) }),
    pull: bool("Always pull newer base images."),
    sbom: union("SBOM attestation settings.", { scalar: str("true, false or attestation options.", { acceptScalars: true }) }),
    secrets: serviceFileRef("secret"),
    shm_size: bytes("Size of /dev/shm for build containers."),
    tags: list("Extra tags for the built image.", str("An image reference.")),
    target: str("The Dockerfile stage to build."),
    ulimits: ulimitsSchema,
  }, {
    check: (map, report) => {
      if (getValue(map, "dockerfile") && getValue(map, "dockerfile_inline")) {
        report("conflicting-keys", `"dockerfile" and "dockerfile_inline" cannot be set together`, "dockerfile_inline");
      }
    },
  }),
});

const blkioRates = (doc: string) =>
  list(doc, obj("A device rate.", { path: str("The device path."), rate: str("The rate (bytes or operations per second).", { acceptScalars: true }) }));

// ------------------------------------------------------------------ service

export const serviceSchema: ObjectSchema = obj("A service: one kind of container of the application.", {
  annotations: keyvalue("Annotations set on the containers."),
  attach: bool("Collect the service's logs (true by default)."),
  blkio_config: obj("Block IO limits.", {
    device_read_bps: blkioRates("Read rate limits in bytes per second per device."),
    device_read_iops: blkioRates("Read rate limits in operations per second per device."),
    device_write_bps: blkioRates("Write rate limits in bytes per second per device."),
    device_write_iops: blkioRates("Write rate limits in operations per second per device."),
    weight: int("Relative block IO weight (10-1000).", { min: 10, max: 1000 }),
    weight_device: list("Per-device weights.", obj("A device weight.", { path: str("The device path."), weight: int("The weight.") })),
  }),
  build,
  cap_add: list("Kernel capabilities to add.", str("A capability such as NET_ADMIN."), { unique: true }),
  cap_drop: list("Kernel capabilities to drop.", str("A capability such as ALL."), { unique: true }),
  cgroup: str("Cgroup namespace: host or private.", { enum: ["host", "private"] }),
  cgroup_parent: str("Parent cgroup of the container."),
  command: strOrList("Overrides the image's default command (CMD).", { nullable: true }, false),
  configs: serviceFileRef("config"),
  container_name: str("A fixed container name (prevents scaling).", {
    pattern: { re: /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/, describe: "a letter or digit followed by letters, digits, '_', '.' or '-'" },
  }),
  cpu_count: int("Number of usable CPUs (Windows).", { min: 0 }),
  cpu_percent: int("Usable percentage of CPU (Windows).", { min: 0, max: 100 }),
  cpu_period: num("CPU CFS period in microseconds."),
  cpu_quota: num("CPU CFS quota in microseconds."),
  cpu_rt_period: str("Real-time scheduler period.", { acceptScalars: true }),
  cpu_rt_runtime: str("Real-time scheduler runtime.", { acceptScalars: true }),
  cpu_shares: num("Relative CPU weight."),
  cpus: str("Number of CPUs the container may use (fractional).", { acceptScalars: true, check: checkNumberText }),
  cpuset: str("CPUs the container may run on (e.g. 0-3)."),
  credential_spec: obj("Managed service account credentials (Windows).", {
    config: str("Name of a config holding the credential spec."),
    file: str("File holding the credential spec."),
    registry: str("Registry entry holding the credential spec."),
  }),
  depends_on: dependsOn,
  deploy,
  develop: obj("Settings for development workflows (compose watch).", {
    watch: list(
      "Paths to watch and what to do when they change.",
      obj("A watch rule.", {
        path: str("The host path to watch.", { check: (t, report) => (t.trim() === "" ? report("missing-required-key", "The watch path can't be blank") : undefined) }),
        action: str("What to do on change.", { enum: ["rebuild", "sync", "restart", "sync+restart", "sync+exec"] }),
        target: str("Where synced files go in the container."),
        ignore: strOrList("Patterns of paths to ignore."),
        include: strOrList("Patterns of paths to watch only."),
        exec: hook,
        initial_sync: bool("Sync all files when watching starts."),
      }, {
        required: ["path", "action"],
        check: (m, report) => {
          const action = getValue(m, "action");
          if (isScalar(action) && typeof action.value === "string" && action.value.startsWith("sync") && !getValue(m, "target")) {
            report("missing-required-key", `The "${action.value}" action needs a "target" in the container`, action);
          }
        },
      }),
    ),
  }),
  device_cgroup_rules: list("Device cgroup rules.", str("A rule such as 'c 1:3 mr'.")),
  devices: list(
    "Host devices made available to the container.",
    union("A device.", {
      scalar: str("HOST[:CONTAINER[:PERMISSIONS]].", {
        check: (t, report) => {
          const p = parseDeviceSpec(t);
          if (!p.ok) report("invalid-device", p.problem.message);
        },
      }),
      map: obj("A device in long syntax.", { source: str("The host device."), target: str("The path in the container."), permissions: str("Permissions (rwm).") }, { required: ["source"] }),
    }),
  ),
  dns: strOrList("DNS servers."),
  dns_opt: list("DNS resolver options.", str("An option."), { unique: true }),
  dns_search: strOrList("DNS search domains."),
  domainname: str("The container's domain name."),
  entrypoint: strOrList("Overrides the image's ENTRYPOINT.", { nullable: true }, false),
  env_file: envFile,
  environment: keyvalue("Environment variables, as a mapping or a list of KEY=VALUE.", {
    check: (key, _v, report) => {
      if (/\s$/.test(key)) report("env-key-trailing-space", `The variable name "${key}" ends with a space`);
    },
  }),
  expose: list("Ports exposed to other services (not published).", str("A port or range with optional protocol.", {
    acceptScalars: true,
    check: (t, report) => {
      if (!/^\d+(-\d+)?(\/(tcp|udp|sctp))?$/i.test(t)) report("invalid-port", `Invalid exposed port "${t}"`);
    },
  }), { unique: true }),
  extends: union("Reuse the configuration of another service.", {
    scalar: str("The name of a service in the same file."),
    map: obj("The service to extend, and the file it is in.", { service: str("The service to extend."), file: str("The file that defines it.") }, { required: ["service"] }),
  }),
  external_links: list("Links to containers outside this project (legacy).", str("CONTAINER[:ALIAS]."), { unique: true }),
  extra_hosts: extraHosts,
  gpus: union("GPUs to give the container: 'all' or device requests.", {
    scalar: str("Every GPU.", { enum: ["all"] }),
    list: list("GPU requests.", obj("A GPU request.", deviceRequest.fields, { check: exclusiveCountIds })),
  }),
  group_add: list("Extra groups for the container user.", str("A group name or id.", { acceptScalars: true }), { unique: true }),
  healthcheck,
  hostname: str("The container's host name."),
  image: str("The image to run (and the tag for a built image)."),
  init: bool("Run an init process that forwards signals and reaps processes."),
  ipc: str("IPC mode: shareable, service:NAME, container:ID or host."),
  isolation: str("Container isolation technology (platform specific)."),
  label_file: strOrList("Files of labels to add.", {}, false),
  labels: withDoc(labels, "Labels set on the containers."),
  links: list("Network links to other services (legacy): SERVICE[:ALIAS].", str("A link."), { unique: true }),
  logging: obj("Logging driver and options.", { driver: str("The logging driver."), options: options("Options of the logging driver.") }),
  mac_address: str("The container's MAC address."),
  mem_limit: bytes("Memory limit."),
  mem_reservation: bytes("Memory soft limit."),
  mem_swappiness: int("Swappiness (0-100).", { min: 0, max: 100 }),
  memswap_limit: bytes("Memory plus swap limit (-1 for unlimited)."),
  models: union("AI models the service uses.", {
    list: list("Model names.", str("The name of a top-level model.")),
    map: dict("Models and the variables that tell the service about them.", obj("How the model is made known to the service.", {
      endpoint_var: str("Variable receiving the model's endpoint URL."),
      model_var: str("Variable receiving the model name."),
    }, { nullable: true }), { what: "model" }),
  }),
  network_mode: str("Network mode: none, host, service:NAME or container:ID."),
  networks: serviceNetworks,
  oom_kill_disable: bool("Don't kill the container when it runs out of memory."),
  oom_score_adj: int("OOM-killer preference (-1000 to 1000).", { min: -1000, max: 1000 }),
  pid: str("PID mode: host, service:NAME or container:ID.", { nullable: true }),
  pids_limit: num("Maximum number of processes (-1 for unlimited)."),
  platform: str("Platform of the image (e.g. linux/arm64)."),
  ports: list("Ports published on the host.", union("A port mapping.", { scalar: portShort, map: portLong }), { unique: true }),
  post_start: list("Commands run after the container starts.", hook),
  pre_start: list("Commands run before the container starts.", hook),
  pre_stop: list("Commands run before the container stops.", hook),
  privileged: bool("Give the container extended privileges."),
  profiles: list("Profiles that enable this service.", str("A profile name."), { unique: true }),
  provider: obj("An external provider that manages this service instead of a container.", {
    type: str("The provider (a plugin or binary name)."),
    options: dict("Options passed to the provider.", union("An option value.", { scalar: str("A value.", { acceptScalars: true }), list: list("Values.", str("A value.", { acceptScalars: true })) })),
  }, { required: ["type"] }),
  pull_policy: str("When to pull the image: always, never, missing, build, daily, weekly or every_<duration>.", {
    pattern: { re: /^(always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+)$/, describe: "always, never, build, missing, if_not_present, refresh, daily, weekly or every_<n><unit>" },
  }),
  pull_refresh_after: str("Time after which the image is pulled again."),
  read_only: bool("Mount the container's root filesystem read-only."),
  restart: str("Restart policy: no, always, on-failure[:N] or unless-stopped.", {
    check: (t, report) => {
      if (!RESTART_POLICY.test(t)) report("invalid-restart-policy", `Invalid restart policy "${t}": use no, always, on-failure[:max-retries] or unless-stopped`);
    },
  }),
  runtime: str("The OCI runtime."),
  scale: int("Number of containers (prefer deploy.replicas).", { min: 0 }),
  secrets: serviceFileRef("secret"),
  security_opt: list("Security options (seccomp, apparmor, no-new-privileges...).", str("An option."), { unique: true }),
  shm_size: bytes("Size of /dev/shm."),
  stdin_open: bool("Keep stdin open (docker run -i)."),
  stop_grace_period: duration("Time to wait after the stop signal before killing."),
  stop_signal: str("Signal that stops the container."),
  storage_opt: options("Storage driver options."),
  sysctls: keyvalue("Kernel parameters set in the container."),
  tmpfs: strOrList("Paths where a tmpfs is mounted."),
  tty: bool("Allocate a terminal."),
  ulimits: ulimitsSchema,
  use_api_socket: bool("Give the container access to the Docker API socket."),
  user: str("User (and group) that runs the process (quote numeric ids)."),
  userns_mode: str("User namespace mode."),
  uts: str("UTS namespace mode (host)."),
  volumes: list("Mounts: host paths, named volumes and tmpfs.", union("A mount.", { scalar: volumeShort, map: volumeLong }), { unique: true }),
  volumes_from: list("Mount all volumes of another service or container: NAME[:ro|rw] or container:NAME.", str("A source."), { unique: true }),
  working_dir: str("Working directory of the process."),
}, { what: "service", check: checkServiceConsistency });

/** Scalar text at a path of keys, unless missing or holding an unresolved `${...}`. */
function textAt(map: CMap, ...keys: string[]): { text: string; node: CNode } | undefined {
  let n: CNode | undefined = map;
  for (const k of keys) {
    if (!isMap(n)) return undefined;
    n = getValue(n, k);
  }
  if (!isScalar(n) || n.value === null || n.incomplete) return undefined;
  const text = String(n.value);
  if (text.includes("$") && n.original === undefined) return undefined;
  return { text, node: n };
}

/** Settings of one service that Compose refuses in combination (checked when loading, before any container runs). */
function checkServiceConsistency(map: CMap, report: MapCheckReport) {
  if (getValue(map, "network_mode") && getValue(map, "networks")) report("conflicting-keys", `"network_mode" and "networks" cannot be set together`, "networks");
  const same = (a: string, b: string, parse: (t: string) => number | undefined) => {
    const x = parse(a);
    const y = parse(b);
    return x === undefined || y === undefined || x === y;
  };
  const num = (t: string) => (Number.isFinite(Number(t)) ? Number(t) : undefined);
  const size = (t: string) => {
    const p = parseBytes(t);
    return p.ok ? p.value : undefined;
  };
  const pairs: [string[], string[], (t: string) => number | undefined][] = [
    [["scale"], ["deploy", "replicas"], num],
    [["cpus"], ["deploy", "resources", "limits", "cpus"], num],
    [["mem_limit"], ["deploy", "resources", "limits", "memory"], size],
    [["mem_reservation"], ["deploy", "resources", "reservations", "memory"], size],
    [["pids_limit"], ["deploy", "resources", "limits", "pids"], num],
  ];
  for (const [a, b, parse] of pairs) {
    const x = textAt(map, ...a);
    const y = textAt(map, ...b);
    if (x && y && !same(x.text, y.text, parse)) report("conflicting-keys", `"${a.join(".")}" (${x.text}) and "${b.join(".")}" (${y.text}) must not differ`, y.node);
  }
  const name = textAt(map, "container_name");
  const replicas = textAt(map, "deploy", "replicas") ?? textAt(map, "scale");
  if (name && replicas && Number(replicas.text) > 1) report("conflicting-keys", `A container_name is unique, so the service can't run ${replicas.text} replicas`, name.node);
  const platform = textAt(map, "platform");
  const build = getValue(map, "build");
  const platforms = isMap(build) ? getValue(build, "platforms") : undefined;
  if (platform && isSeq(platforms) && platforms.items.length) {
    const listed = platforms.items.map((i) => (isScalar(i) ? String(i.value) : ""));
    if (!listed.some((p) => p === platform.text || p.includes("$"))) report("conflicting-keys", `build.platforms must include the service platform "${platform.text}"`, platform.node);
  }
}

// ------------------------------------------------------------------ top-level resources

/**
 * External resources: Compose refuses other settings next to `external` on volumes (only there), and warns
 * about the deprecated `external.name` everywhere.
 */
function checkExternalConflicts(kind: string, allowed: string[], conflicts: boolean) {
  return (map: CMap, report: MapCheckReport) => {
    const ext = getValue(map, "external");
    const isExternal = (isScalar(ext) && (ext.value === true || ext.value === "true")) || isMap(ext);
    if (isExternal && conflicts) {
      for (const e of map.entries) {
        if (e.key === "external" || allowed.includes(e.key) || e.key.startsWith("x-")) continue;
        report("conflicting-keys", `An external ${kind} can't also set "${e.key}"`, e.key);
      }
    }
    if (isMap(ext) && getValue(ext, "name")) {
      report("deprecated-key", `external.name is deprecated: set "name" and "external: true" instead`, ext, "warning");
      if (getValue(map, "name")) report("conflicting-keys", `"name" and "external.name" conflict; only use "name"`, "name");
    }
  };
}

function checkSources(kind: string, keys: string[]) {
  return (map: CMap, report: MapCheckReport) => {
    const set = keys.filter((k) => getValue(map, k) !== undefined);
    if (set.length > 1) report("conflicting-keys", `A ${kind} can only use one of ${keys.join(", ")}`, set[1]);
    const ext = getValue(map, "external");
    const external = ext && !(isScalar(ext) && (ext.value === false || ext.value === "false"));
    if (set.length === 0 && !external && !getValue(map, "driver")) report("missing-required-key", `A ${kind} must set one of ${keys.join(", ")} (or be external)`);
  };
}

export const networkSchema = obj("A network services can join.", {
  name: str("The network's actual name (not prefixed with the project name)."),
  driver: str("The network driver (bridge, overlay, ...)."),
  driver_opts: options("Options of the network driver."),
  ipam: obj("IP address management.", {
    driver: str("The IPAM driver."),
    config: list("Address pools.", obj("An address pool.", {
      subnet: str("The subnet in CIDR form."),
      ip_range: str("Range to allocate container addresses from."),
      gateway: str("The gateway address."),
      aux_addresses: options("Addresses reserved for other uses, by host name."),
    })),
    options: options("IPAM driver options."),
  }),
  external,
  internal: bool("Isolate the network from outside networks."),
  enable_ipv4: bool("Assign IPv4 addresses."),
  enable_ipv6: bool("Assign IPv6 addresses."),
  attachable: bool("Let standalone containers attach (swarm)."),
  labels: withDoc(labels, "Labels on the network."),
}, { nullable: true, what: "network", check: checkExternalConflicts("network", ["name"], false) });

export const volumeSchema = obj("A named volume services can mount.", {
  name: str("The volume's actual name (not prefixed with the project name)."),
  driver: str("The volume driver."),
  driver_opts: options("Options of the volume driver."),
  external,
  labels: withDoc(labels, "Labels on the volume."),
}, { nullable: true, what: "volume", check: checkExternalConflicts("volume", ["name"], true) });

export const secretSchema = obj("Sensitive data services can read.", {
  name: str("The secret's actual name."),
  environment: str("Take the value from this environment variable."),
  file: str("Take the value from this file."),
  external,
  labels: withDoc(labels, "Labels on the secret."),
  driver: str("The secret driver."),
  driver_opts: options("Options of the secret driver."),
  template_driver: str("The template driver."),
}, {
  what: "secret",
  check: (m, r) => {
    checkSources("secret", ["file", "environment"])(m, r);
    checkExternalConflicts("secret", ["name"], false)(m, r);
  },
});

export const configSchema = obj("Configuration data services can read.", {
  name: str("The config's actual name."),
  content: str("The content, written inline (interpolated)."),
  environment: str("Take the content from this environment variable."),
  file: str("Take the content from this file."),
  external,
  labels: withDoc(labels, "Labels on the config."),
  template_driver: str("The template driver."),
}, {
  what: "config",
  check: (m, r) => {
    checkSources("config", ["file", "environment", "content"])(m, r);
    checkExternalConflicts("config", ["name"], false)(m, r);
  },
});

export const modelSchema = obj("An AI model to run for services.", {
  name: str("The model's name in the model runner."),
  model: str("The model reference (e.g. ai/smollm2)."),
  context_size: int("Maximum context size in tokens."),
  runtime_flags: list("Flags for the inference engine.", str("A flag.")),
}, { required: ["model"], what: "model" });

const includeSchema = list(
  "Other Compose projects to load into this one.",
  union("An included project.", {
    scalar: str("Path of a Compose file."),
    map: obj("An included project with options.", {
      path: union("The Compose file(s) of the included project.", { scalar: str("A file path."), list: list("File paths merged in order.", str("A file path.")) }),
      env_file: union("Env files for the included project's interpolation.", { scalar: str("A file path."), list: list("File paths.", str("A file path.")) }),
      project_directory: str("Base directory for the included project's relative paths."),
    }, { required: ["path"] }),
  }),
);

export const composeSchema: ObjectSchema = obj("A Compose file.", {
  version: str("Obsolete; ignored by Compose.", { acceptScalars: true, deprecated: "The version attribute is obsolete" }),
  name: str("The project name."),
  include: includeSchema,
  services: dict("The services of the application.", serviceSchema, { keyPattern: NAME, what: "service" }),
  networks: dict("Networks services can join.", networkSchema, { keyPattern: NAME, what: "network" }),
  volumes: dict("Named volumes services can mount.", volumeSchema, { keyPattern: NAME, what: "volume" }),
  secrets: dict("Secrets services can read.", secretSchema, { keyPattern: NAME, what: "secret" }),
  configs: dict("Configs services can read.", configSchema, { keyPattern: NAME, what: "config" }),
  models: dict("AI models services can use.", modelSchema, { keyPattern: NAME, what: "model" }),
}, { what: "compose file" });
