import { describe, expect, it } from "vitest";
import { loadProject, toPlain, type LoadProjectOptions } from "@shipshape/compose";
import { memoryReader, yaml } from "./helpers.js";

function load(files: Record<string, string>, opts: Partial<LoadProjectOptions> = {}) {
  const names = opts.files ?? [Object.keys(files)[0]!];
  return loadProject({ files: names, readFile: memoryReader(files), env: {}, ...opts });
}

const plainService = (r: ReturnType<typeof load>, name: string) => toPlain((r.project.model.root as any).entries.find((e: any) => e.key === "services").value.entries.find((e: any) => e.key === name).value);

describe("merging several files", () => {
  const base = yaml(
    "services:",
    "  web:",
    "    image: app:1",
    "    command: [run, --a]",
    "    environment: ['A=1', 'B=1']",
    "    ports: ['8080:80', '9000:9000']",
    "    volumes: ['data:/data', './a:/a']",
    "    dns: [1.1.1.1]",
    "    depends_on: [db]",
    "    labels: {x: '1'}",
    "    logging: {driver: json-file, options: {max-size: 1m}}",
    "  db:",
    "    image: postgres",
  );
  const over = yaml(
    "services:",
    "  web:",
    "    image: app:2",
    "    command: [serve]",
    "    environment: {B: '2', C: '3'}",
    "    ports: ['8080:80', '7000:70']",
    "    volumes: ['other:/data']",
    "    dns: [8.8.8.8]",
    "    depends_on: {cache: {condition: service_started}}",
    "    labels: ['y=2']",
    "    logging: {driver: syslog}",
  );
  const r = load({ "/p/compose.yaml": base, "/p/compose.override.yaml": over }, { files: ["/p/compose.yaml", "/p/compose.override.yaml"] });
  const web = r.project.model.services.web!;

  it("merges without errors", () => {
    expect(r.errors).toEqual([]);
  });

  it("overrides scalars and replaces command", () => {
    expect(web.image!.value).toBe("app:2");
    expect(web.image!.file).toBe("/p/compose.override.yaml");
    expect(plainService(r, "web")).toMatchObject({ command: ["serve"] });
  });

  it("merges environment and labels by key across list and mapping forms", () => {
    expect(web.environment.map((e) => [e.key, e.value?.value])).toEqual([
      ["A", "1"],
      ["B", "2"],
      ["C", "3"],
    ]);
    expect(web.labels.map((e) => [e.key, e.value?.value])).toEqual([
      ["x", "1"],
      ["y", "2"],
    ]);
  });

  it("merges ports and volumes by their identity, later wins", () => {
    expect(web.ports.map((p) => [p.published?.start, p.target?.start, p.file])).toEqual([
      [8080, 80, "/p/compose.override.yaml"],
      [9000, 9000, "/p/compose.yaml"],
      [7000, 70, "/p/compose.override.yaml"],
    ]);
    expect(web.volumes.map((v) => [v.source?.value, v.target?.value])).toEqual([
      ["other", "/data"],
      ["./a", "/a"],
    ]);
  });

  it("appends other lists and merges depends_on forms", () => {
    expect(plainService(r, "web")).toMatchObject({ dns: ["1.1.1.1", "8.8.8.8"] });
    expect(web.depends_on.map((d) => d.service.value)).toEqual(["db", "cache"]);
  });

  it("drops logging options when the driver changes", () => {
    expect(plainService(r, "web")).toMatchObject({ logging: { driver: "syslog" } });
    expect((plainService(r, "web") as any).logging.options).toBeUndefined();
  });

  it("honours !reset and !override", () => {
    const r2 = load(
      {
        "/p/a.yaml": yaml("services:", "  web:", "    image: a", "    ports: ['80:80']", "    environment: {A: '1', B: '2'}"),
        "/p/b.yaml": yaml("services:", "  web:", "    ports: !reset []", "    environment: !override {C: '3'}"),
      },
      { files: ["/p/a.yaml", "/p/b.yaml"] },
    );
    expect(r2.errors).toEqual([]);
    const w = r2.project.model.services.web!;
    expect(w.ports).toEqual([]);
    expect(w.environment.map((e) => e.key)).toEqual(["C"]);
  });

  it("reports a mapping overriding a list, in the overriding file", () => {
    const r3 = load(
      { "/p/a.yaml": yaml("services:", "  web:", "    image: a", "    cap_add: [X]"), "/p/b.yaml": yaml("services:", "  web:", "    cap_add: {a: 1}") },
      { files: ["/p/a.yaml", "/p/b.yaml"] },
    );
    expect(r3.errors.map((e) => [e.code, e.file])).toContainEqual(["CF015", "/p/b.yaml"]);
  });

  it("points schema errors at the file that wrote the value", () => {
    const r4 = load(
      { "/p/a.yaml": yaml("services:", "  web:", "    image: a"), "/p/b.yaml": yaml("services:", "  web:", "    restart: sometimes") },
      { files: ["/p/a.yaml", "/p/b.yaml"] },
    );
    expect(r4.errors.map((e) => [e.code, e.file])).toEqual([["CF109", "/p/b.yaml"]]);
  });
});

describe("environment and interpolation", () => {
  const compose = yaml("services:", "  web:", "    image: app:${TAG}", "    environment: [\"X=${FROM_ENV_FILE:-none}\"]", "    command: ${CMD:?CMD is required}");

  it("reads .env beside the first file; the process environment wins", () => {
    const r = load({ "/p/compose.yaml": compose, "/p/.env": "TAG=1\nCMD=run\nFROM_ENV_FILE=dotenv\n" }, { env: { TAG: "2" } });
    expect(r.errors).toEqual([]);
    const web = r.project.model.services.web!;
    expect(web.image!.value).toBe("app:2");
    expect(web.environment[0]!.value?.value).toBe("dotenv");
    expect(r.project.files).toContain("/p/.env");
  });

  it("uses --env-file instead of .env", () => {
    const r = load({ "/p/compose.yaml": compose, "/p/.env": "TAG=dotenv\nCMD=x", "/p/prod.env": "TAG=prod\nCMD=y" }, { envFiles: ["prod.env"] });
    expect(r.project.model.services.web!.image!.value).toBe("app:prod");
  });

  it("reports unset and required variables at the reference", () => {
    const r = load({ "/p/compose.yaml": compose });
    expect(r.errors.map((e) => [e.code, e.file, compose.slice(e.range.start, e.range.end)])).toEqual([
      ["CF009", "/p/compose.yaml", "${TAG}"],
      ["CF008", "/p/compose.yaml", "${CMD:?CMD is required}"],
    ]);
  });

  it("reports env file syntax errors in the env file", () => {
    const r = load({ "/p/compose.yaml": yaml("services:", "  web:", "    image: a"), "/p/.env": "BAD KEY=1\n" });
    expect(r.errors.map((e) => [e.code, e.file])).toEqual([["CF014", "/p/.env"]]);
  });

  it("reports a missing explicit env file", () => {
    const r = load({ "/p/compose.yaml": yaml("services:", "  web:", "    image: a") }, { envFiles: ["nope.env"] });
    expect(r.errors.map((e) => e.code)).toEqual(["CF011"]);
  });
});

describe("extends", () => {
  it("checks the extends block against the schema, once, at its place", () => {
    const text = yaml(
      "services:", "  web:", "    image: nginx:1.25", "    extends:", "      file: base.yaml",
      "  api:", "    extends:", "      service: web", "      fiel: other.yaml",
      "  worker:", "    image: nginx:1.25", "    extends: [web]",
      "  child:", "    extends: api",
    );
    const r = load({ "/p/compose.yaml": text });
    expect(r.errors.map((e) => [e.code, text.slice(e.range.start, e.range.end)])).toEqual([
      ["CF104", "extends"],
      ["CF101", "fiel"],
      ["CF102", "[web]"],
    ]);
  });

  it("merges a base service from the same file", () => {
    const text = yaml("services:", "  base:", "    image: base", "    environment: {A: '1'}", "  web:", "    extends: base", "    environment: {B: '2'}");
    const r = load({ "/p/compose.yaml": text });
    expect(r.errors).toEqual([]);
    const web = r.project.model.services.web!;
    expect(web.image!.value).toBe("base");
    expect(web.environment.map((e) => e.key)).toEqual(["A", "B"]);
    expect(web.extends).toBeUndefined();
  });

  it("merges a base service from another file, recursively", () => {
    const r = load({
      "/p/compose.yaml": yaml("services:", "  web:", "    extends: {service: app, file: common/base.yaml}", "    ports: ['80:80']"),
      "/p/common/base.yaml": yaml("services:", "  root:", "    image: root", "    init: true", "  app:", "    extends: root", "    image: app"),
    });
    expect(r.errors).toEqual([]);
    const web = r.project.model.services.web!;
    expect(web.image!.value).toBe("app");
    expect(web.image!.file).toBe("/p/common/base.yaml");
    expect(web.init!.value).toBe(true);
    expect(r.project.files).toContain("/p/common/base.yaml");
  });

  it("reports unknown services, missing files and cycles at the reference", () => {
    const text = yaml(
      "services:",
      "  a:",
      "    extends: b",
      "  b:",
      "    extends: a",
      "    image: x",
      "  c:",
      "    image: x",
      "    extends: nope",
      "  d:",
      "    image: x",
      "    extends: {service: s, file: missing.yaml}",
    );
    const r = load({ "/p/compose.yaml": text });
    const got = r.errors.map((e) => [e.code, text.slice(e.range.start, e.range.end)]);
    expect(got).toContainEqual(["CF013", "nope"]);
    expect(got).toContainEqual(["CF011", "missing.yaml"]);
    expect(got.filter(([c]) => c === "CF013").length).toBeGreaterThanOrEqual(2);
    expect(r.errors.find((e) => e.message.startsWith("Circular"))).toBeTruthy();
  });
});

describe("include", () => {
  it("loads included projects with their own .env and reports conflicts", () => {
    const r = load({
      "/p/compose.yaml": yaml("include:", "  - sub/compose.yaml", "services:", "  web:", "    image: web", "    depends_on: [db]", "  cache:", "    image: mine"),
      "/p/sub/compose.yaml": yaml("services:", "  db:", "    image: postgres:${PG}", "  cache:", "    image: theirs", "volumes:", "  dbdata:"),
      "/p/sub/.env": "PG=16\n",
    });
    const m = r.project.model;
    expect(Object.keys(m.services).sort()).toEqual(["cache", "db", "web"]);
    expect(m.services.db!.image!.value).toBe("postgres:16");
    expect(m.services.db!.file).toBe("/p/sub/compose.yaml");
    expect(m.services.cache!.image!.value).toBe("mine");
    expect(Object.keys(m.volumes)).toEqual(["dbdata"]);
    expect(r.errors.map((e) => [e.code, e.severity, e.file])).toEqual([["CF012", "warning", "/p/compose.yaml"]]);
    expect(r.project.baseDirs["/p/sub/compose.yaml"]).toBe("/p/sub");
  });

  it("supports the long form with env_file and several paths", () => {
    const r = load({
      "/p/compose.yaml": yaml("include:", "  - path: [a.yaml, b.yaml]", "    env_file: vars.env"),
      "/p/a.yaml": yaml("services:", "  a:", "    image: ${IMG}"),
      "/p/b.yaml": yaml("services:", "  a:", "    init: true"),
      "/p/vars.env": "IMG=alpine",
    });
    expect(r.errors).toEqual([]);
    expect(r.project.model.services.a!.image!.value).toBe("alpine");
    expect(r.project.model.services.a!.init!.value).toBe(true);
  });

  it("reads an include's env_file once resolved, also with paths relative to the working directory", () => {
    // A folder walk from a parent folder names files `proj/compose.yaml`: the env file is
    // `proj/sub/vars.env`, not that path resolved a second time against the project directory.
    const files = {
      "proj/compose.yaml": yaml("include:", "  - path: sub/a.yaml", "    project_directory: .", "    env_file: sub/vars.env"),
      "proj/sub/a.yaml": yaml("services:", "  a:", "    image: alpine:${TAG}"),
      "proj/sub/vars.env": "TAG=3.20",
    };
    const r = load(files);
    expect(r.errors).toEqual([]);
    expect(r.project.model.services.a!.image!.value).toBe("alpine:3.20");
    // Without project_directory, the included file's folder is the project's; the env file is still
    // relative to the including file.
    const r2 = load({ ...files, "proj/compose.yaml": yaml("include:", "  - path: sub/a.yaml", "    env_file: sub/vars.env") });
    expect(r2.errors).toEqual([]);
    expect(r2.project.model.services.a!.image!.value).toBe("alpine:3.20");
  });

  it("detects include cycles and missing files", () => {
    const r = load({
      "/p/compose.yaml": yaml("include: [a.yaml, gone.yaml]", "services:", "  web:", "    image: x"),
      "/p/a.yaml": yaml("include: [compose.yaml]", "services:", "  a:", "    image: x"),
    });
    expect(r.errors.map((e) => e.code).sort()).toEqual(["CF011", "CF012"]);
  });
});

describe("profiles", () => {
  const text = yaml("services:", "  web:", "    image: a", "  debug:", "    image: b", "    profiles: [dev]", "  tools:", "    image: c", "    profiles: [tools, dev]");

  it("disables services whose profiles are not active", () => {
    const r = load({ "/p/compose.yaml": text });
    expect(Object.keys(r.project.services)).toEqual(["web"]);
    expect(Object.keys(r.project.disabledServices)).toEqual(["debug", "tools"]);
  });

  it("enables them by option or COMPOSE_PROFILES", () => {
    expect(Object.keys(load({ "/p/compose.yaml": text }, { profiles: ["tools"] }).project.services)).toEqual(["web", "tools"]);
    expect(Object.keys(load({ "/p/compose.yaml": text }, { env: { COMPOSE_PROFILES: "dev" } }).project.services)).toEqual(["web", "debug", "tools"]);
    expect(Object.keys(load({ "/p/compose.yaml": text }, { profiles: ["*"] }).project.services)).toHaveLength(3);
  });
});

describe("project", () => {
  it("names the project from name:, else the folder", () => {
    expect(load({ "/p/My_App/compose.yaml": yaml("services:", "  a:", "    image: x") }).project.name).toBe("my_app");
    expect(load({ "/p/compose.yaml": yaml("name: Demo!", "services:", "  a:", "    image: x") }).project.name).toBe("demo");
  });

  it("reports an unreadable main file", () => {
    const r = loadProject({ files: ["/nope.yaml"], readFile: () => undefined, env: {} });
    expect(r.errors.map((e) => [e.code, e.file])).toEqual([["CF011", "/nope.yaml"]]);
  });

  it("never throws, even when the reader does", () => {
    const r = loadProject({ files: ["/a.yaml"], readFile: () => { throw new Error("boom"); }, env: {} });
    expect(r.errors.map((e) => e.code)).toEqual(["CF011"]);
  });
});

describe("more merge cases", () => {
  it("merges string and list forms of env_file, dns and tmpfs", () => {
    const r = load(
      {
        "/p/a.yaml": yaml("services:", "  web:", "    image: a", "    env_file: a.env", "    dns: 1.1.1.1", "    tmpfs: /run"),
        "/p/b.yaml": yaml("services:", "  web:", "    env_file: [b.env, a.env]", "    dns: 8.8.8.8", "    tmpfs: [/tmp]"),
        "/p/a.env": "",
        "/p/b.env": "",
      },
      { files: ["/p/a.yaml", "/p/b.yaml"] },
    );
    expect(r.errors).toEqual([]);
    expect(plainService(r, "web")).toMatchObject({ env_file: ["a.env", "b.env"], dns: ["1.1.1.1", "8.8.8.8"], tmpfs: ["/run", "/tmp"] });
  });

  it("merges ipam pools by subnet", () => {
    const r = load(
      {
        "/p/a.yaml": yaml("services:", "  web:", "    image: a", "networks:", "  n:", "    ipam:", "      config:", "        - subnet: 10.0.0.0/24", "          gateway: 10.0.0.1"),
        "/p/b.yaml": yaml("networks:", "  n:", "    ipam:", "      config:", "        - subnet: 10.0.0.0/24", "          gateway: 10.0.0.254", "        - subnet: 10.1.0.0/24"),
      },
      { files: ["/p/a.yaml", "/p/b.yaml"] },
    );
    expect(toPlain((r.project.model.networks.n as any).node)).toEqual({
      ipam: { config: [{ subnet: "10.0.0.0/24", gateway: "10.0.0.254" }, { subnet: "10.1.0.0/24" }] },
    });
  });

  it("turns a build string into a context when merged with a mapping", () => {
    const r = load(
      { "/p/a.yaml": yaml("services:", "  web:", "    build: ./app"), "/p/b.yaml": yaml("services:", "  web:", "    build:", "      target: dev") },
      { files: ["/p/a.yaml", "/p/b.yaml"] },
    );
    expect(r.errors).toEqual([]);
    const b = r.project.model.services.web!.build!;
    expect([b.context?.value, b.target?.value]).toEqual(["./app", "dev"]);
  });

  it("lets an extending service !reset what it inherits", () => {
    const text = yaml("services:", "  base:", "    image: a", "    ports: ['80:80']", "  web:", "    extends: base", "    ports: !reset []");
    const r = load({ "/p/compose.yaml": text });
    expect(r.errors).toEqual([]);
    expect(r.project.model.services.web!.ports).toEqual([]);
    expect(r.project.model.services.base!.ports).toHaveLength(1);
  });

  it("merges a ulimit number with a soft/hard mapping without a conflict", () => {
    const r = load(
      { "/p/a.yaml": yaml("services:", "  web:", "    image: a", "    ulimits: {nofile: 1024}"), "/p/b.yaml": yaml("services:", "  web:", "    ulimits: {nofile: {soft: 1, hard: 2}}") },
      { files: ["/p/a.yaml", "/p/b.yaml"] },
    );
    expect(r.errors).toEqual([]);
    expect(plainService(r, "web")).toMatchObject({ ulimits: { nofile: { soft: 1, hard: 2 } } });
  });

  it("makes an explicit project name available to interpolation", () => {
    const r = load({ "/p/compose.yaml": yaml("services:", "  web:", "    image: ${COMPOSE_PROJECT_NAME}-web") }, { projectName: "demo" });
    expect(r.project.model.services.web!.image!.value).toBe("demo-web");
  });

  it("makes the project name from `name:` or the folder available to interpolation when nothing sets it", () => {
    const uses = (...lines: string[]) => yaml(...lines, "services:", "  web:", "    image: nginx:1.25", "    container_name: ${COMPOSE_PROJECT_NAME}-web", "    labels:", "      p: ${COMPOSE_PROJECT_NAME:?required}");
    const named = load({ "/p/compose.yaml": uses("name: ${SHOP:-My_Shop}") });
    expect(named.errors).toEqual([]);
    expect(named.project.model.services.web!.container_name!.value).toBe("my_shop-web");
    expect(named.project.environment.COMPOSE_PROJECT_NAME).toBe("my_shop");
    // The last file's name wins; the environment's value wins over both.
    const two = load({ "/p/a.yaml": uses("name: first"), "/p/b.yaml": yaml("name: second") }, { files: ["/p/a.yaml", "/p/b.yaml"] });
    expect(two.project.model.services.web!.container_name!.value).toBe("second-web");
    const fromEnv = load({ "/p/compose.yaml": uses("name: shop") }, { env: { COMPOSE_PROJECT_NAME: "ci" } });
    expect(fromEnv.project.model.services.web!.container_name!.value).toBe("ci-web");
    const folder = load({ "/work/Web.App/compose.yaml": uses() }, { files: ["/work/Web.App/compose.yaml"] });
    expect(folder.errors).toEqual([]);
    expect(folder.project.model.services.web!.container_name!.value).toBe("webapp-web");
    // A name made from the project name itself does not loop: there it is unset, as in compose-go.
    const loop = load({ "/p/compose.yaml": uses("name: x${COMPOSE_PROJECT_NAME}") });
    expect(loop.project.model.services.web!.container_name!.value).toBe("x-web");
  });
});

describe("service env files", () => {
  const text = yaml("services:", "  web:", "    image: a", "    env_file:", "      - app.env", "      - path: optional.env", "        required: false", "      - missing.env");

  it("reads them, reports a missing required one at its path, and keeps their variables", () => {
    const r = load({ "/p/compose.yaml": text, "/p/app.env": "A=1\nB=${A}2\n" });
    expect(r.errors.map((e) => [e.code, e.file, text.slice(e.range.start, e.range.end)])).toEqual([["CF011", "/p/compose.yaml", "missing.env"]]);
    const refs = r.project.services.web!.env_file;
    expect(refs[0]!.vars).toEqual({ A: "1", B: "12" });
    expect(refs[1]!.vars).toBeUndefined();
  });

  it("reports syntax errors inside the env file", () => {
    const r = load({ "/p/compose.yaml": yaml("services:", "  web:", "    image: a", "    env_file: app.env"), "/p/app.env": "OK=1\nBAD KEY=2\n" });
    expect(r.errors.map((e) => [e.code, e.file])).toEqual([["CF014", "/p/app.env"]]);
  });

  it("checks label files too", () => {
    const r = load({ "/p/compose.yaml": yaml("services:", "  web:", "    image: a", "    label_file: [labels.txt, gone.txt]"), "/p/labels.txt": "a.b=c\n" });
    expect(r.errors.map((e) => [e.code, e.file])).toEqual([["CF011", "/p/compose.yaml"]]);
  });

  it("skips services disabled by profiles", () => {
    const r = load({ "/p/compose.yaml": yaml("services:", "  web:", "    image: a", "    profiles: [x]", "    env_file: missing.env") });
    expect(r.errors).toEqual([]);
  });
});
