import { describe, expect, it } from "vitest";
import { parseCompose, referencesOf, type Ref } from "@shipshape/compose";
import { yaml } from "./helpers.js";

const text = yaml(
  "services:",
  "  web:",
  "    build: ./app",
  "    depends_on: [db]",
  "    links: ['cache:redis']",
  "    volumes_from: ['db:ro', 'container:legacy']",
  "    networks: [front]",
  "    volumes: ['data:/var/lib/data:ro', './src:/src', {type: volume, source: logs, target: /logs}]",
  "    secrets: [token, {source: cert, target: /certs/c.pem}]",
  "    configs: [conf]",
  "    ports: ['127.0.0.1:8000-8001:80-81/udp', {target: 443, published: '8443', host_ip: '::1'}]",
  "    env_file: [.env, {path: extra.env, required: false}]",
  "    environment: ['A=1', 'B']",
  "    labels: {com.example: x}",
  "    extends: {service: base, file: base.yaml}",
  "  db:",
  "    image: postgres",
  "    network_mode: service:vpn",
  "    ipc: service:web",
  "    build:",
  "      context: ./db",
  "      additional_contexts: ['base=service:web', 'docs=./docs']",
  "      secrets: [npmrc]",
  "    depends_on:",
  "      cache: {condition: service_healthy, required: false}",
  "    profiles: [debug]",
  "networks:",
  "  front: {}",
  "volumes:",
  "  data:",
);

const slice = (r: { range: { start: number; end: number } } | undefined) => (r ? text.slice(r.range.start, r.range.end) : undefined);
const refs = (list: (Ref | undefined)[]) => list.map((r) => [r?.value, slice(r)]);

describe("the model", () => {
  const { model, errors } = parseCompose(text);
  const web = model.services.web!;
  const db = model.services.db!;

  it("has no findings on this file", () => {
    expect(errors).toEqual([]);
  });

  it("gives each service and resource its name range", () => {
    expect(text.slice(web.nameRange.start, web.nameRange.end)).toBe("web");
    expect(web.name).toBe("web");
    const front = model.networks.front!;
    expect(text.slice(front.nameRange.start, front.nameRange.end)).toBe("front");
    expect(Object.keys(model.volumes)).toEqual(["data"]);
  });

  it("normalises depends_on", () => {
    expect(web.depends_on.map((d) => [d.service.value, slice(d.service), d.condition, d.required, d.form])).toEqual([["db", "db", "service_started", true, "short"]]);
    expect(db.depends_on.map((d) => [d.service.value, slice(d.service), d.condition, d.required, d.form])).toEqual([["cache", "cache", "service_healthy", false, "long"]]);
  });

  it("points at the service part of links, volumes_from and network_mode", () => {
    expect(web.links.map((l) => [l.service.value, slice(l.service), l.alias?.value])).toEqual([["cache", "cache", "redis"]]);
    expect(web.volumes_from.map((v) => [v.source.value, slice(v.source), v.container, v.mode])).toEqual([
      ["db", "db", false, "ro"],
      ["legacy", "legacy", true, undefined],
    ]);
    expect(refs([db.network_mode_service, db.ipc_service])).toEqual([
      ["vpn", "vpn"],
      ["web", "web"],
    ]);
    expect(refs(db.build?.context_services ?? [])).toEqual([["web", "web"]]);
    expect(refs((db.build?.secrets ?? []).map((s) => s.source))).toEqual([["npmrc", "npmrc"]]);
  });

  it("normalises volumes with source and target ranges", () => {
    expect(web.volumes.map((v) => [v.form, v.type, v.source?.value, slice(v.source), v.target?.value, v.read_only])).toEqual([
      ["short", "volume", "data", "data", "/var/lib/data", true],
      ["short", "bind", "./src", "./src", "/src", undefined],
      ["long", "volume", "logs", "logs", "/logs", undefined],
    ]);
  });

  it("normalises ports with part ranges", () => {
    const [a, b] = web.ports;
    expect(a).toMatchObject({ form: "short", target: { start: 80, end: 81 }, published: { start: 8000, end: 8001 }, host_ip: "127.0.0.1", protocol: "udp" });
    expect(text.slice(a!.parts.published!.start, a!.parts.published!.end)).toBe("8000-8001");
    expect(text.slice(a!.parts.host_ip!.start, a!.parts.host_ip!.end)).toBe("127.0.0.1");
    expect(b).toMatchObject({ form: "long", target: { start: 443, end: 443 }, published: { start: 8443, end: 8443 }, host_ip: "::1", protocol: "tcp" });
  });

  it("normalises secrets, configs, networks, env files and extends", () => {
    expect(refs(web.secrets.map((s) => s.source))).toEqual([
      ["token", "token"],
      ["cert", "cert"],
    ]);
    expect(web.secrets[1]!.target?.value).toBe("/certs/c.pem");
    expect(refs(web.configs.map((s) => s.source))).toEqual([["conf", "conf"]]);
    expect(refs(web.networks.map((n) => n.network))).toEqual([["front", "front"]]);
    expect(web.env_file.map((e) => [e.path.value, e.required])).toEqual([
      [".env", true],
      ["extra.env", false],
    ]);
    expect(refs([web.extends?.service, web.extends?.source_file])).toEqual([
      ["base", "base"],
      ["base.yaml", "base.yaml"],
    ]);
  });

  it("keeps environment and labels as key/value entries with ranges", () => {
    expect(web.environment.map((e) => [e.key, text.slice(e.keyRange.start, e.keyRange.end), e.value?.value, slice(e.value)])).toEqual([
      ["A", "A", "1", "1"],
      ["B", "B", undefined, undefined],
    ]);
    expect(web.labels.map((l) => [l.key, l.value?.value])).toEqual([["com.example", "x"]]);
  });

  it("reads build in both forms", () => {
    expect([web.build?.form, web.build?.context?.value]).toEqual(["short", "./app"]);
    expect(db.profiles.map((p) => p.value)).toEqual(["debug"]);
  });
});

describe("referencesOf", () => {
  it("lists every name a service uses, by kind, with the range of the name", () => {
    const { model } = parseCompose(text);
    const got = referencesOf(model.services.web!).map((r) => [r.kind, r.ref.value, r.via, slice(r.ref)]);
    // web's extends names another file, so it is not a reference inside this one.
    expect(got).toEqual([
      ["service", "db", "depends_on", "db"],
      ["service", "cache", "links", "cache"],
      ["service", "db", "volumes_from", "db"],
      ["network", "front", "networks", "front"],
      ["volume", "data", "volumes", "data"],
      ["volume", "logs", "volumes", "logs"],
      ["secret", "token", "secrets", "token"],
      ["secret", "cert", "secrets", "cert"],
      ["config", "conf", "configs", "conf"],
    ]);
    const db = referencesOf(model.services.db!).map((r) => [r.kind, r.ref.value, r.via, r.required]);
    expect(db).toEqual([
      ["service", "cache", "depends_on", false],
      ["service", "vpn", "network_mode", true],
      ["service", "web", "ipc", true],
      ["service", "web", "build.additional_contexts", true],
      ["secret", "npmrc", "build.secrets", true],
    ]);
  });
});

describe("YAML 1.1 octals", () => {
  it("reads a plain 0440 as octal, as compose-go's YAML does (a file mode), and 0o440 and quoted text as before", async () => {
    const { parseCompose } = await import("@shipshape/compose");
    const text = "services:\n  app:\n    image: alpine:3.20\n    secrets:\n      - { source: s, mode: 0440 }\n      - { source: t, mode: 0o440 }\n      - { source: u, mode: 440 }\nsecrets:\n  s: { file: ./s.txt }\n  t: { file: ./t.txt }\n  u: { file: ./u.txt }\n";
    const { model, errors } = parseCompose(text, { fileName: "compose.yaml" });
    expect(errors).toEqual([]);
    expect(model.services.app!.secrets.map((s) => s.long?.mode?.value)).toEqual(["288", "288", "440"]);
  });
});
