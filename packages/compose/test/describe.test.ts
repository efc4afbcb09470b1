import { describe, expect, it } from "vitest";
import { describeKey, enumValuesAt, keysAt } from "@shipshape/compose";

describe("specification lookups", () => {
  it("describes keys at any depth, through names and list items", () => {
    expect(describeKey(["services"])).toMatch(/services/i);
    expect(describeKey(["services", "web", "image"])).toMatch(/image/i);
    expect(describeKey(["services", "web", "build", "target"])).toMatch(/stage/i);
    expect(describeKey(["services", "web", "ports", "0", "published"])).toMatch(/host port/i);
    expect(describeKey(["services", "web", "x-anything"])).toMatch(/extension/i);
    expect(describeKey(["services", "web", "nonsense"])).toBeUndefined();
  });

  it("lists the keys a mapping accepts", () => {
    const service = keysAt(["services", "web"]).map((k) => k.key);
    expect(service).toContain("image");
    expect(service).toContain("develop");
    expect(service).toContain("use_api_socket");
    expect(service.length).toBeGreaterThan(90);
    const build = keysAt(["services", "web", "build"]).map((k) => k.key);
    expect(build).toEqual(expect.arrayContaining(["context", "dockerfile", "dockerfile_inline", "args", "ssh", "cache_from", "cache_to", "additional_contexts", "entitlements", "extra_hosts", "isolation", "labels", "network", "no_cache", "platforms", "privileged", "provenance", "pull", "sbom", "secrets", "shm_size", "tags", "target", "ulimits"]));
    expect(keysAt([]).map((k) => k.key).sort()).toEqual(["configs", "include", "models", "name", "networks", "secrets", "services", "version", "volumes"]);
    expect(keysAt([]).find((k) => k.key === "version")?.deprecated).toBeTruthy();
    expect(keysAt(["services", "web", "ports"])).toEqual([]);
    expect(keysAt(["services", "web", "ports", "0"]).map((k) => k.key)).toContain("host_ip");
  });

  it("lists enumerated values", () => {
    expect(enumValuesAt(["services", "web", "depends_on", "db", "condition"])).toEqual(["service_started", "service_healthy", "service_completed_successfully"]);
    expect(enumValuesAt(["services", "web", "develop", "watch", "0", "action"])).toContain("sync+restart");
    expect(enumValuesAt(["services", "web", "privileged"])).toEqual(["true", "false"]);
    expect(enumValuesAt(["services", "web", "restart"])).toContain("unless-stopped");
  });
});
