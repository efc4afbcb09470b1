// Reference text for Dockerfile instructions, their flags and parser directives, in our own words.

export interface FlagDoc {
  name: string;
  /** A value placeholder for the snippet, or undefined for a boolean flag. */
  value?: string;
  doc: string;
  values?: string[];
}

export interface InstructionDoc {
  keyword: string;
  syntax: string;
  doc: string;
  /** Snippet body after the keyword (LSP snippet syntax). */
  snippet: string;
  flags: FlagDoc[];
}

export const MOUNT_TYPES = ["bind", "cache", "tmpfs", "secret", "ssh"] as const;

/** The keys each `RUN --mount=type=...` accepts. */
export const MOUNT_KEYS: Record<string, FlagDoc[]> = {
  bind: [
    { name: "target", value: "path", doc: "Where the mount appears inside the container (also `dst`, `destination`)." },
    { name: "source", value: "path", doc: "Path inside `from` to mount; defaults to its root." },
    { name: "from", value: "stage", doc: "Stage, image or named context to mount from; defaults to the build context." },
    { name: "rw", doc: "Allow writes; they are discarded after the step (also `readwrite`)." },
  ],
  cache: [
    { name: "target", value: "path", doc: "Where the cache directory appears." },
    { name: "id", value: "id", doc: "Cache identity; defaults to the target path." },
    { name: "sharing", value: "mode", doc: "How concurrent builds share it.", values: ["shared", "private", "locked"] },
    { name: "from", value: "stage", doc: "Seed the cache from a stage or image." },
    { name: "source", value: "path", doc: "Sub-path of `from` used as the seed." },
    { name: "mode", value: "0755", doc: "File mode of a new cache directory." },
    { name: "uid", value: "0", doc: "Owner user id of a new cache directory." },
    { name: "gid", value: "0", doc: "Owner group id of a new cache directory." },
    { name: "ro", doc: "Mount read-only (also `readonly`)." },
  ],
  tmpfs: [
    { name: "target", value: "path", doc: "Where the in-memory file system appears." },
    { name: "size", value: "bytes", doc: "Upper limit of its size." },
  ],
  secret: [
    { name: "id", value: "id", doc: "The secret's id as passed with `docker build --secret id=...`." },
    { name: "target", value: "path", doc: "File to expose it as; defaults to `/run/secrets/<id>`." },
    { name: "env", value: "NAME", doc: "Expose the secret as an environment variable instead of a file." },
    { name: "required", value: "bool", doc: "Fail the build when the secret is not provided.", values: ["true", "false"] },
    { name: "mode", value: "0400", doc: "File mode of the secret file." },
    { name: "uid", value: "0", doc: "Owner user id." },
    { name: "gid", value: "0", doc: "Owner group id." },
  ],
  ssh: [
    { name: "id", value: "default", doc: "The SSH agent socket or key id passed with `docker build --ssh`." },
    { name: "target", value: "path", doc: "Socket path; defaults to `/run/buildkit/ssh_agent.${N}`." },
    { name: "required", value: "bool", doc: "Fail when no SSH agent is forwarded.", values: ["true", "false"] },
    { name: "mode", value: "0600", doc: "File mode of the socket." },
    { name: "uid", value: "0", doc: "Owner user id." },
    { name: "gid", value: "0", doc: "Owner group id." },
  ],
};

const CHOWN: FlagDoc = { name: "chown", value: "user:group", doc: "Owner of the copied files (Linux only)." };
const CHMOD: FlagDoc = { name: "chmod", value: "mode", doc: "Permission bits of the copied files, octal or symbolic." };
const LINK: FlagDoc = { name: "link", doc: "Copy into an independent layer that does not depend on earlier ones, so it stays cached when they change." };
const EXCLUDE: FlagDoc = { name: "exclude", value: "pattern", doc: "Leave out paths matching the pattern (repeatable; needs dockerfile:1.7 labs or later)." };

export const INSTRUCTIONS: InstructionDoc[] = [
  {
    keyword: "FROM",
    syntax: "FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]",
    doc: "Starts a build stage on a base image, an earlier stage, or `scratch`. ARGs declared before the first FROM may be used in it.",
    snippet: "${1:image}:${2:tag}",
    flags: [{ name: "platform", value: "platform", doc: "Platform of the base image, e.g. `linux/arm64` or `$BUILDPLATFORM` for cross-compiling stages.", values: ["$BUILDPLATFORM", "$TARGETPLATFORM", "linux/amd64", "linux/arm64"] }],
  },
  {
    keyword: "RUN",
    syntax: "RUN [--mount=...] [--network=...] [--security=...] <command> | [\"exe\", \"arg\"]",
    doc: "Runs a command in a new layer on top of the current image. The shell form runs through the SHELL in force.",
    snippet: "${1:command}",
    flags: [
      { name: "mount", value: "type=cache,target=/path", doc: "Attach a file system for this step only: `bind`, `cache`, `tmpfs`, `secret` or `ssh`." },
      { name: "network", value: "mode", doc: "Network access of the step.", values: ["default", "none", "host"] },
      { name: "security", value: "mode", doc: "`insecure` runs the step privileged (needs the entitlement).", values: ["sandbox", "insecure"] },
      { name: "device", value: "name", doc: "Expose a CDI device to the step (labs)." },
    ],
  },
  { keyword: "CMD", syntax: "CMD [\"exe\", \"arg\"] | command", doc: "The default command of a container; only the last CMD counts. With an ENTRYPOINT it supplies the default arguments.", snippet: "[\"${1:executable}\"]", flags: [] },
  { keyword: "LABEL", syntax: "LABEL <key>=<value> ...", doc: "Adds metadata to the image as key/value pairs.", snippet: "${1:key}=\"${2:value}\"", flags: [] },
  { keyword: "MAINTAINER", syntax: "MAINTAINER <name>", doc: "Deprecated: sets the author field. Use `LABEL org.opencontainers.image.authors=...`.", snippet: "${1:name}", flags: [] },
  { keyword: "EXPOSE", syntax: "EXPOSE <port>[/<protocol>] ...", doc: "Documents the ports the container listens on (`tcp` by default). It publishes nothing by itself.", snippet: "${1:80}", flags: [] },
  { keyword: "ENV", syntax: "ENV <key>=<value> ...", doc: "Sets environment variables for the following instructions and for containers run from the image.", snippet: "${1:NAME}=${2:value}", flags: [] },
  {
    keyword: "ADD",
    syntax: "ADD [--chown=...] [--chmod=...] [--link] [--checksum=...] [--keep-git-dir] [--unpack] <src>... <dest>",
    doc: "Copies files, URLs or Git repositories into the image; local tar archives are extracted. Prefer COPY for plain files.",
    snippet: "${1:src} ${2:dest}",
    flags: [
      CHOWN, CHMOD, LINK, EXCLUDE,
      { name: "checksum", value: "sha256:...", doc: "Verify a remote source against this digest." },
      { name: "keep-git-dir", doc: "Keep the `.git` directory of a Git source." },
      { name: "unpack", value: "bool", doc: "Whether to extract archives (remote archives are not extracted by default).", values: ["true", "false"] },
    ],
  },
  {
    keyword: "COPY",
    syntax: "COPY [--from=<stage>] [--chown=...] [--chmod=...] [--link] [--parents] [--exclude=...] <src>... <dest>",
    doc: "Copies files from the build context, a stage, an image or a named context into the image.",
    snippet: "${1:src} ${2:dest}",
    flags: [
      { name: "from", value: "stage", doc: "Copy from a build stage (name or index), an image, or a named context instead of the build context." },
      CHOWN, CHMOD, LINK, EXCLUDE,
      { name: "parents", doc: "Keep the source's parent directories under the destination (labs)." },
    ],
  },
  { keyword: "ENTRYPOINT", syntax: "ENTRYPOINT [\"exe\", \"arg\"] | command", doc: "The executable a container runs; CMD and `docker run` arguments are appended in exec form.", snippet: "[\"${1:executable}\"]", flags: [] },
  { keyword: "VOLUME", syntax: "VOLUME [\"/path\"] | /path ...", doc: "Marks paths as volumes: their content is kept outside the container's layer. Changes after this in the build are discarded.", snippet: "${1:/data}", flags: [] },
  { keyword: "USER", syntax: "USER <user>[:<group>]", doc: "The user (and group) for the following RUN, CMD and ENTRYPOINT.", snippet: "${1:user}", flags: [] },
  { keyword: "WORKDIR", syntax: "WORKDIR <path>", doc: "Sets the working directory for the following instructions, creating it if needed. A relative path is resolved against the previous WORKDIR.", snippet: "${1:/app}", flags: [] },
  { keyword: "ARG", syntax: "ARG <name>[=<default>] ...", doc: "Declares a build argument, set with `docker build --build-arg`. Before the first FROM it is global (usable in FROM); inside a stage it is visible from here to the stage's end.", snippet: "${1:NAME}", flags: [] },
  { keyword: "ONBUILD", syntax: "ONBUILD <instruction>", doc: "Registers an instruction that runs when another build uses this image as its base.", snippet: "${1:RUN command}", flags: [] },
  { keyword: "STOPSIGNAL", syntax: "STOPSIGNAL <signal>", doc: "The signal `docker stop` sends to the container, e.g. `SIGTERM`.", snippet: "${1:SIGTERM}", flags: [] },
  {
    keyword: "HEALTHCHECK",
    syntax: "HEALTHCHECK [--interval=...] [--timeout=...] [--start-period=...] [--start-interval=...] [--retries=...] CMD <command> | NONE",
    doc: "Tells Docker how to test that the container still works. `NONE` disables a check inherited from the base image.",
    snippet: "CMD ${1:command}",
    flags: [
      { name: "interval", value: "30s", doc: "Time between checks." },
      { name: "timeout", value: "30s", doc: "A check taking longer counts as failed." },
      { name: "start-period", value: "0s", doc: "Grace period after start during which failures do not count." },
      { name: "start-interval", value: "5s", doc: "Time between checks during the start period." },
      { name: "retries", value: "3", doc: "Consecutive failures before the container is unhealthy." },
    ],
  },
  { keyword: "SHELL", syntax: "SHELL [\"executable\", \"parameters\"]", doc: "The shell used by shell-form RUN, CMD and ENTRYPOINT; must be written in JSON form.", snippet: "[\"${1:/bin/bash}\", \"${2:-c}\"]", flags: [] },
];

const BY_KEYWORD = new Map(INSTRUCTIONS.map((i) => [i.keyword.toLowerCase(), i]));

export function instructionDoc(keyword: string): InstructionDoc | undefined {
  return BY_KEYWORD.get(keyword.toLowerCase());
}

export function flagDoc(keyword: string, flag: string): FlagDoc | undefined {
  return instructionDoc(keyword)?.flags.find((f) => f.name === flag.toLowerCase());
}

export interface DirectiveDoc {
  name: string;
  doc: string;
  values?: string[];
}

export const DIRECTIVES: DirectiveDoc[] = [
  { name: "syntax", doc: "The BuildKit frontend image that parses this Dockerfile, e.g. `docker/dockerfile:1`.", values: ["docker/dockerfile:1", "docker/dockerfile:1-labs"] },
  { name: "escape", doc: "The escape character of this Dockerfile: `\\` (default) or `` ` `` (handy on Windows paths).", values: ["\\", "`"] },
  { name: "check", doc: "Configures BuildKit's build checks: `skip=Name,Name|all` and `error=true` to fail the build on a warning.", values: ["skip=all", "error=true"] },
];

/** Plain-text rendering of a mount key's doc for hover. */
export function mountKeyDoc(type: string, key: string): FlagDoc | undefined {
  const aliases: Record<string, string> = { dst: "target", destination: "target", src: "source", readwrite: "rw", readonly: "ro" };
  return MOUNT_KEYS[type]?.find((k) => k.name === (aliases[key] ?? key));
}
