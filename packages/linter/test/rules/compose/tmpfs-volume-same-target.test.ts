import { describe, it } from "vitest";
import rule from "../../../src/rules/compose/tmpfs-volume-same-target.js";
import { check } from "../../helpers/check.js";

describe("DC105 tmpfs-volume-same-target", () => {
  it("reports the volume target that a tmpfs also mounts", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          tmpfs:
            - /run:size=64m
            - /cache/
          volumes:
            - cache:/cache
      #             ^^^^^^ error[DC105]: Service 'web' mounts '/cache' twice: as a volume and as a tmpfs
            - type: bind
              source: ./run
              target: /run
      #               ^^^^ error[DC105]: Service 'web' mounts '/run' twice: as a volume and as a tmpfs
            - ./data:/data
      volumes:
        cache:
    `));

  it("accepts a single tmpfs string and distinct targets", () =>
    check(rule, `
      services:
        web:
          image: nginx:1.27
          tmpfs: /tmp
          volumes:
            - ./data:/data
    `));
});
