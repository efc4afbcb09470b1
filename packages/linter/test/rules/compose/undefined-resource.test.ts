import { describe, expect, it } from "vitest";
import rule from "../../../src/rules/compose/undefined-resource.js";
import { LintSession } from "../../../src/lint.js";
import { check } from "../../helpers/check.js";

describe("DC101 undefined-resource", () => {
  it("reports every undefined name at the name", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          networks: [front, default]
      #              ^^^^^ error[DC101]: Service 'web' uses the network 'front', which is not declared under top-level 'networks'
          volumes:
            - data:/data
      #       ^^^^ error[DC101]: Service 'web' uses the volume 'data', which is not declared under top-level 'volumes'
            - ./html:/usr/share/nginx/html
            - /cache
          secrets:
            - token
      #       ^^^^^ error[DC101]: Service 'web' uses the secret 'token', which is not declared under top-level 'secrets'
          configs:
            - source: conf
      #               ^^^^ error[DC101]: Service 'web' uses the config 'conf', which is not declared under top-level 'configs'
          build:
            context: .
            secrets: [npmrc]
      #               ^^^^^ error[DC101]: Service 'web' uses the build secret 'npmrc', which is not declared under top-level 'secrets'
    `));

  it("accepts declared resources, long forms and bind mounts", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          networks:
            back:
              aliases: [api]
          volumes:
            - type: volume
              source: data
              target: /data
            - type: bind
              source: ./x
              target: /x
          secrets: [token]
      networks:
        back:
      volumes:
        data:
      secrets:
        token:
          file: ./token.txt
    `));

  it("sees declarations from an included file", async () => {
    const files: Record<string, string> = {
      "/p/compose.yaml": "include:\n  - db.yaml\nservices:\n  web:\n    image: nginx:1.27\n    volumes: [dbdata:/x, other:/y]\n",
      "/p/db.yaml": "services:\n  db:\n    image: postgres:17\nvolumes:\n  dbdata:\n",
    };
    const session = new LintSession({ rules: [rule], noConfigSearch: true, readFile: (p) => files[p] });
    const out = await session.lintUnit([{ path: "/p/compose.yaml", text: files["/p/compose.yaml"]! }]);
    expect(out.map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      "6:26 Service 'web' uses the volume 'other', which is not declared under top-level 'volumes'",
    ]);
  });
});
