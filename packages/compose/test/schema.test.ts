import { describe, expect, it } from "vitest";
import { COMPOSE_ERRORS, parseCompose } from "@shipshape/compose";
import { codes, findings, yaml } from "./helpers.js";

/** A service snippet: `svc("ports:", "  - 80")` is a compose file with one service holding those lines. */
const svc = (...lines: string[]) => yaml("services:", "  web:", "    image: nginx", ...lines.map((l) => "    " + l));

describe("schema: keys and types", () => {
  it.each([
    ["unknown service key, with a suggestion", svc("imagee: x"), [["CF101", "imagee"]], /did you mean "image"/],
    ["unknown top-level key", yaml("servces:", "  web:", "    image: a"), [["CF101", "servces"]], /did you mean "services"/],
    ["unknown key in build", svc("build:", "  contxt: ."), [["CF101", "contxt"]], /services\.web\.build/],
    ["string expected", svc("container_name: [a]"), [["CF102", "[a]"]], /must be a string/],
    ["integer expected", svc("scale: lots"), [["CF102", "lots"]], /integer/],
    ["number expected", svc("cpu_shares: lots"), [["CF102", "lots"]], /number/],
    ["numeric user needs quotes", svc("user: 1000"), [["CF102", "1000"]], /string/],
    ["duplicate port", svc("ports: ['80:80', '80:80']"), [["CF115", "'80:80'"]], /twice/],
    ["device request needs capabilities", svc("deploy:", "  resources:", "    reservations:", "      devices:", "        - count: 1"), [["CF104", "count: 1"]], /capabilities/],
    ["boolean expected", svc("privileged: maybe"), [["CF102", "maybe"]], /boolean/],
    ["mapping expected", svc("healthcheck: true"), [["CF102", "true"]], /mapping/],
    ["list expected", svc("cap_add: NET_ADMIN"), [["CF102", "NET_ADMIN"]], /list/],
    ["enum value", svc("depends_on:", "  db:", "    condition: service_healty"), [["CF103", "service_healty"]], /did you mean "service_healthy"/],
    ["volume type enum", svc("volumes:", "  - type: bindd", "    source: ./a", "    target: /a"), [["CF103", "bindd"]], /bind/],
    ["required key", svc("depends_on:", "  db:", "    restart: true"), [["CF104", "db"]], /condition/],
    ["watch requires path and action", svc("develop:", "  watch:", "    - path: ./src"), [["CF104", "path: ./src"]], /action/],
    ["range", svc("cpu_percent: 150"), [["CF112", "150"]], /at most 100/],
    ["restart policy", svc("restart: sometimes"), [["CF109", "sometimes"]], /on-failure/],
    ["bad service name", yaml("services:", "  'my web':", "    image: a"), [["CF110", "'my web'"]], /letters, digits/],
    ["list entry without =", svc("build:", "  context: .", "  args:", "    - A=1", "    - {x: 1}"), [["CF102", "{x: 1}"]], /strings/],
    ["yaml 1.1 boolean", svc("privileged: yes"), [["CF016", "yes"]], /write true/],
    ["yaml 1.1 boolean, quoted (compose-go casts strings at boolean paths)", svc('init: "off"'), [["CF016", '"off"']], /write false/],
    ["1 is not a boolean to compose-go", svc('privileged: "1"'), [["CF102", '"1"']], /boolean/],
    ["t is not a boolean to compose-go", svc("read_only: 't'"), [["CF102", "'t'"]], /boolean/],
    ["duplicate list item", svc("depends_on: [db, db]"), [["CF115", "db"]], /twice/],
    ["conflicting dockerfile keys", svc("build:", "  dockerfile: Dockerfile", "  dockerfile_inline: FROM x"), [["CF113", "dockerfile_inline"]], /cannot be set together/],
    ["healthcheck test list", svc("healthcheck:", "  test: [curl, localhost]"), [["CF117", "curl"]], /CMD/],
    ["container_name pattern", svc("container_name: -bad"), [["CF114", "-bad"]], /letter or digit/],
    ["pull_policy pattern", svc("pull_policy: sometimes"), [["CF114", "sometimes"]], /missing/],
    ["ulimit key pattern", svc("ulimits:", "  NOFILE: 10"), [["CF114", "NOFILE"]], /lower-case/],
    ["ulimit pair needs both", svc("ulimits:", "  nofile:", "    soft: 1"), [["CF104", "nofile"]], /hard/],
    ["device count and ids", svc("deploy:", "  resources:", "    reservations:", "      devices:", "        - capabilities: [gpu]", "          count: 1", "          device_ids: ['0']"), [["CF113", "device_ids"]], /count/],
    ["env key with a trailing space", svc("environment:", "  - 'DEBUG =1'"), [["CF121", "DEBUG "]], /ends with a space/],
    ["network_mode with networks", svc("network_mode: host", "networks: [a]"), [["CF113", "networks"]], /cannot be set together/],
    ["scale and replicas differ", svc("scale: 2", "deploy: {replicas: 3}"), [["CF113", "3"]], /must not differ/],
    ["mem_limit and limits.memory differ", svc("mem_limit: 1g", "deploy: {resources: {limits: {memory: 512m}}}"), [["CF113", "512m"]], /mem_limit/],
    ["container_name with replicas", svc("container_name: app", "deploy: {replicas: 2}"), [["CF113", "app"]], /unique/],
    ["platform not in build.platforms", svc("platform: linux/arm64", "build: {context: ., platforms: [linux/amd64]}"), [["CF113", "linux/arm64"]], /platforms/],
    ["sync without target", svc("develop:", "  watch:", "    - path: ./src", "      action: sync"), [["CF104", "sync"]], /target/],
  ] as const)("%s", (_name, text, expected, message) => {
    const f = findings(text);
    expect(f.map(([c, t]) => [c, t])).toEqual(expected);
    expect(f[0]![2]).toMatch(message);
  });

  it("accepts x- extension keys everywhere a mapping is", () => {
    expect(codes(yaml("x-common: &c {a: 1}", "services:", "  web:", "    image: a", "    x-note: hi", "    build:", "      context: .", "      x-y: 1", "networks:", "  x-notes: 1"))).toEqual([]);
  });

  it("accepts equal values given in two places", () => {
    expect(codes(svc("scale: 2", "mem_limit: 1024m", "deploy: {replicas: '2', resources: {limits: {memory: 1g}}}", "platform: linux/amd64", "build: {context: ., platforms: [linux/amd64, linux/arm64]}"))).toEqual([]);
  });

  it("accepts numbers given as text (interpolation results)", () => {
    expect(codes(svc("cpu_shares: '512'", "mem_limit: 512m", "cpus: '0.5'", "scale: 2"))).toEqual([]);
  });

  it("skips typed checks on values that still hold ${...}", () => {
    expect(codes(svc("cpu_shares: ${SHARES}", "ports:", "  - ${PORT}:80", "restart: ${RESTART:-always}", "privileged: ${PRIV}"))).toEqual([]);
  });

  it("reports the version key as obsolete, as a warning", () => {
    const { errors } = parseCompose(yaml("version: '3.8'", "services:", "  web:", "    image: a"));
    expect(errors.map((e) => [e.code, e.severity])).toEqual([["CF010", "warning"]]);
  });

  it("checks resources: exclusive sources, external conflicts, deprecated external.name", () => {
    const text = yaml(
      "services:",
      "  web:",
      "    image: a",
      "configs:",
      "  both:",
      "    file: ./a",
      "    content: b",
      "  none:",
      "    name: c",
      "volumes:",
      "  ext:",
      "    external: true",
      "    driver: local",
      "networks:",
      "  old:",
      "    external:",
      "      name: shared",
    );
    expect(codes(text)).toEqual([
      ["CF113", "content"],
      ["CF104", "none"],
      ["CF113", "driver"],
      ["CF118", "name: shared"],
    ]);
  });

  it("reports every problem, not just the first", () => {
    expect(codes(svc("restart: sometimes", "imagee: x", "privileged: maybe")).map(([c]) => c)).toEqual(["CF109", "CF101", "CF102"]);
  });

  it("accepts a file using many keys correctly", () => {
    const text = yaml(
      "name: demo",
      "include:",
      "  - ./other.yaml",
      "  - path: [a.yaml, b.yaml]",
      "    env_file: a.env",
      "services:",
      "  web:",
      "    build:",
      "      context: .",
      "      args: [A=1]",
      "      ssh: [default]",
      "      secrets: [token]",
      "      cache_from: [type=local,src=/tmp]",
      "      provenance: true",
      "      sbom: true",
      "      platforms: [linux/amd64]",
      "      ulimits: {nofile: {soft: 1, hard: 2}}",
      "    depends_on:",
      "      db: {condition: service_healthy, restart: true, required: false}",
      "    ports: ['8080:80', '127.0.0.1:9000-9001:9000-9001/udp', {target: 443, published: '8443', mode: host}]",
      "    volumes: ['data:/data:ro', './src:/src', {type: tmpfs, target: /tmp, tmpfs: {size: 64m}}]",
      "    environment: {A: 1, B: null, C: true}",
      "    env_file: [{path: .env, required: false}, other.env]",
      "    healthcheck: {test: [CMD, curl, localhost], interval: 1m30s, start_period: 5s, retries: 3}",
      "    deploy:",
      "      replicas: 2",
      "      resources: {limits: {cpus: '0.5', memory: 512M}}",
      "      restart_policy: {condition: on-failure, delay: 5s}",
      "      update_config: {order: start-first}",
      "    develop:",
      "      watch: [{path: ./src, action: sync+restart, target: /src, initial_sync: true}]",
      "    gpus: all",
      "    networks: {front: {aliases: [w], ipv4_address: 10.0.0.2}}",
      "    extra_hosts: ['host.docker.internal:host-gateway', 'a=10.0.0.1']",
      "    logging: {driver: json-file, options: {max-size: 10m}}",
      "    ulimits: {nproc: 65535}",
      "    secrets: [token, {source: token, target: /t, mode: 0440}]",
      "    stop_grace_period: 1m",
      "    restart: on-failure:3",
      "    pull_policy: every_12h",
      "    post_start: [{command: echo hi}]",
      "    models: {llm: {endpoint_var: URL}}",
      "  db:",
      "    image: postgres",
      "    provider: {type: model, options: {model: ai/x}}",
      "networks:",
      "  front:",
      "    ipam: {config: [{subnet: 10.0.0.0/24}]}",
      "volumes:",
      "  data:",
      "secrets:",
      "  token: {environment: TOKEN}",
      "configs:",
      "  conf: {content: hello}",
      "models:",
      "  llm: {model: ai/smollm2, context_size: 4096}",
    );
    expect(findings(text)).toEqual([]);
  });
});

describe("short syntaxes", () => {
  it.each([
    ["80:80:80", "80", /IP address/],
    ["8080:80/xyz", "xyz", /protocol/],
    ["70000:80", "70000", /host port/],
    ["80:99999", "99999", /container port/],
    ["8000-8001:80-82", "8000-8001:80-82", /ranges differ/],
    ["127.0.1:80:80", "127.0.1", /IP address/],
  ])("port %s", (spec, covered, message) => {
    const f = findings(svc("ports:", `  - "${spec}"`));
    expect(f.map(([c, t]) => [c, t])).toEqual([["CF105", covered]]);
    expect(f[0]![2]).toMatch(message);
  });

  it.each(["80", "8080:80", "127.0.0.1:8080:80", "[::1]:8080:80/tcp", "8000-8010:80", "9000-9001:9000-9001", ":80", "::1:8080:80"])("accepts port %s", (spec) => {
    expect(codes(svc("ports:", `  - "${spec}"`))).toEqual([]);
  });

  it.each([
    ["a::b", "::", /Empty section/],
    ["a:b:ro:x", ":x", /Too many colons/],
  ])("volume %s", (spec, covered, message) => {
    const f = findings(svc("volumes:", `  - "${spec}"`));
    expect(f.map(([c, t]) => [c, t])).toEqual([["CF106", covered]]);
    expect(f[0]![2]).toMatch(message);
  });

  it.each(["/data", "data:/data", "./a:/a:ro,z", "C:\\data:/data", "${HOME}/x:/x", "~/.ssh:/root/.ssh:ro"])("accepts volume %s", (spec) => {
    expect(codes(svc("volumes:", `  - '${spec}'`))).toEqual([]);
  });

  it.each([
    ["10x", "x"],
    ["1h5", "5"],
    ["abc", "abc"],
  ])("duration %s", (value, covered) => {
    expect(codes(svc("healthcheck:", `  interval: ${value}`))).toEqual([["CF107", covered]]);
  });

  it("refuses a duration without a unit", () => {
    expect(codes(svc("stop_grace_period: 10"))).toEqual([["CF107", "10"]]);
  });

  it.each(["12q", "1.5.x", "m"])("byte size %s", (value) => {
    expect(codes(svc(`shm_size: ${value}`))).toEqual([["CF108", value]]);
  });

  it.each(["512m", "1gb", "2GiB", "1024", "1.5g", "-1"])("accepts byte size %s", (value) => {
    expect(codes(svc(`mem_limit: ${value}`))).toEqual([]);
  });

  it("reports bad extra hosts at the entry", () => {
    expect(codes(svc("extra_hosts:", "  - 'nohost'", "  - 'a:999.1.1.1'"))).toEqual([
      ["CF116", "nohost"],
      ["CF116", "999.1.1.1"],
    ]);
  });

  it("reports an ambiguous device mapping", () => {
    expect(codes(svc("devices:", "  - /dev/a:/dev/b:/dev/c:rwm"))).toEqual([["CF120", "/dev/a:/dev/b:/dev/c:rwm"]]);
  });

  it("reports a bind mount without a source", () => {
    expect(codes(svc("volumes:", "  - type: bind", "    target: /a"))).toEqual([["CF104", "type"]]);
  });
});

describe("COMPOSE_ERRORS", () => {
  it("has unique codes and kebab-case names", () => {
    const codesSeen = new Set(COMPOSE_ERRORS.map((e) => e.code));
    const names = new Set(COMPOSE_ERRORS.map((e) => e.name));
    expect(codesSeen.size).toBe(COMPOSE_ERRORS.length);
    expect(names.size).toBe(COMPOSE_ERRORS.length);
    for (const e of COMPOSE_ERRORS) {
      expect(e.code).toMatch(/^CF[01]\d\d$/);
      expect(e.name).toMatch(/^[a-z0-9]+(-[a-z0-9.]+)*$/);
    }
  });

  it("every reported code is listed", () => {
    const text = svc("restart: x", "imagee: 1", "ports: ['1:2:3']");
    const listed = new Set(COMPOSE_ERRORS.map((e) => e.code));
    for (const e of parseCompose(text).errors) {
      expect(listed.has(e.code)).toBe(true);
      expect(e.rule).toBe(COMPOSE_ERRORS.find((x) => x.code === e.code)!.name);
    }
  });
});
