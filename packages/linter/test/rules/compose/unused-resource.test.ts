import { describe, expect, it } from "vitest";
import rule from "../../../src/rules/compose/unused-resource.js";
import { check } from "../../helpers/check.js";
import { lintProject } from "./project-helper.js";

describe("DC202 unused-resource", () => {
  it("reports declarations no service uses", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          networks: [front]
          volumes: [data:/data]
          secrets: [token]
          build:
            context: .
            secrets: [npmrc]
        debug:
          image: busybox:1.36
          profiles: [debug]
          network_mode: host
          configs: [conf]
      networks:
        front:
        back:
      # ^^^^ warning[DC202]: The network 'back' is declared but no service uses it
        default:
      # ^^^^^^^ warning[DC202]: The network 'default' is declared but no service uses it
      volumes:
        data:
        old:
      # ^^^ warning[DC202]: The volume 'old' is declared but no service uses it
      secrets:
        token:
          file: ./t
        npmrc:
          file: ./n
      configs:
        conf:
          file: ./c
    `));

  it("counts the implicit default network", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
      networks:
        default:
          name: shared
    `));

  it("counts a named volume mounted only in an override file", async () => {
    const out = await lintProject(rule, {
      "/p/compose.yaml": "services:\n  web:\n    image: nginx:1.27\nvolumes:\n  data:\n",
      "/p/compose.override.yaml": "services:\n  web:\n    volumes:\n      - data:/data\n",
    }, ["/p/compose.yaml", "/p/compose.override.yaml"]);
    expect(out).toEqual([]);
  });

  it("reports in the file that declares, counting uses from the other files", async () => {
    const out = await lintProject(rule, {
      "/p/compose.yaml": "services:\n  web:\n    image: nginx:1.27\nnetworks:\n  a:\n  b:\n",
      "/p/compose.override.yaml": "services:\n  web:\n    networks: [a]\n",
    }, ["/p/compose.yaml", "/p/compose.override.yaml"]);
    expect(out).toEqual(["/p/compose.yaml:6:3 The network 'b' is declared but no service uses it"]);
  });
});

describe("DC202 on overlay files", () => {
  it("stays silent for a file whose name is not a default compose name", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
      secrets:
        token:
          environment: TOKEN
    `, { path: "/p/compose.ci.yaml" }));
});
