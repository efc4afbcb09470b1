import { describe, expect, it } from "vitest";
import { loadProject, parseCompose, YamlCache, type CMap, type CScalar } from "@shipshape/compose";
import { memoryReader, yaml } from "./helpers.js";

const imageNode = (root: CMap | undefined, service: string) => {
  const services = root?.entries.find((e) => e.key === "services")?.value as CMap;
  const svc = services.entries.find((e) => e.key === service)?.value as CMap;
  return svc.entries.find((e) => e.key === "image")?.value as CScalar;
};

describe("YamlCache", () => {
  const text = yaml("services:", "  web:", "    image: nginx:${TAG}", "  db:", "    image: postgres:16", "    image: postgres:17");

  it("gives the same results as parsing without it, the second time too", () => {
    const cache = new YamlCache();
    const plain = parseCompose(text, { fileName: "/p/compose.yaml" });
    const first = parseCompose(text, { fileName: "/p/compose.yaml", yamlCache: cache });
    const second = parseCompose(text, { fileName: "/p/compose.yaml", yamlCache: cache });
    expect(first.errors).toEqual(plain.errors);
    expect(second.errors).toEqual(plain.errors);
    expect(second.errors.map((e) => e.code)).toEqual(["CF002"]);
    expect(second.model.services.db!.image?.value).toBe("postgres:17");
  });

  it("lets loading the project and reading the file alone share one parse", () => {
    const cache = new YamlCache();
    const files = { "/p/compose.yaml": text };
    const { project, errors } = loadProject({ files: ["/p/compose.yaml"], readFile: memoryReader(files), env: { TAG: "1" }, yamlCache: cache });
    const alone = parseCompose(text, { fileName: "/p/compose.yaml", yamlCache: cache }).model;
    // Interpolation makes new nodes where it changes a value; untouched values are the parsed nodes themselves.
    expect(imageNode(project.model.root, "db")).toBe(imageNode(alone.root, "db"));
    expect(project.services.web!.image?.value).toBe("nginx:1");
    expect(alone.services.web!.image?.value).toBe("nginx:${TAG}");
    // Parse-time findings are reported by each reader of the cached trees.
    expect(errors.map((e) => e.code)).toEqual(["CF002"]);
  });

  it("parses again when a file's text changes", () => {
    const cache = new YamlCache();
    parseCompose(text, { fileName: "/p/compose.yaml", yamlCache: cache });
    const changed = parseCompose(text.replace("postgres:17", "postgres:18"), { fileName: "/p/compose.yaml", yamlCache: cache });
    expect(changed.model.services.db!.image?.value).toBe("postgres:18");
    const other = parseCompose(yaml("services:", "  x: {image: a}"), { fileName: "/p/other.yaml", yamlCache: cache });
    expect(Object.keys(other.model.services)).toEqual(["x"]);
    expect(parseCompose(text, { fileName: "/p/compose.yaml", yamlCache: cache }).model.services.db!.image?.value).toBe("postgres:17");
  });

  it("builds the model of a file without variables, includes or extends once for the file and the project", () => {
    const plain = yaml("services:", "  web:", "    image: nginx:1.27", "    ports: ['80:80']", "    networks: [back]", "networks:", "  back: {}");
    const files = { "/p/compose.yaml": plain };
    const cache = new YamlCache();
    const load = (yamlCache?: YamlCache) => loadProject({ files: ["/p/compose.yaml"], readFile: memoryReader(files), env: {}, yamlCache });
    const { project } = load(cache);
    const alone = parseCompose(plain, { fileName: "/p/compose.yaml", yamlCache: cache });
    expect(alone.model.services.web).toBe(project.model.services.web);
    // Sharing changes nothing in what either reader sees.
    expect(project).toEqual(load().project);
    expect(alone).toEqual(parseCompose(plain, { fileName: "/p/compose.yaml" }));
  });

  it("does not keep what an earlier load read from env files in a shared model", () => {
    const text = yaml("services:", "  web:", "    image: nginx:1.27", "    env_file: web.env");
    const cache = new YamlCache();
    const load = (files: Record<string, string>) => loadProject({ files: ["/p/compose.yaml"], readFile: memoryReader(files), env: {}, yamlCache: cache });
    expect(load({ "/p/compose.yaml": text, "/p/web.env": "A=1\n" }).project.services.web!.env_file[0]!.vars).toEqual({ A: "1" });
    expect(load({ "/p/compose.yaml": text }).project.services.web!.env_file[0]!.vars).toBeUndefined();
  });

  it("keeps separate models when interpolation changes the project's values", () => {
    const cache = new YamlCache();
    const { project } = loadProject({ files: ["/p/compose.yaml"], readFile: memoryReader({ "/p/compose.yaml": text }), env: { TAG: "2" }, yamlCache: cache });
    const alone = parseCompose(text, { fileName: "/p/compose.yaml", yamlCache: cache }).model;
    expect(project.services.web!.image?.value).toBe("nginx:2");
    expect(alone.services.web!.image?.value).toBe("nginx:${TAG}");
  });
});
