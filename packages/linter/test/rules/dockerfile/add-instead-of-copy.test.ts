import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/add-instead-of-copy.js";
import { check, checkFix } from "../../helpers/check.js";

describe("DL3020 add-instead-of-copy", () => {
  it("reports ADD of plain local files", () =>
    check(rule, `
      FROM alpine:3.20
      ADD app.conf /etc/app/
      #^^ error[DL3020]: Use COPY for 'app.conf': ADD is only needed for URLs, git sources and archives to unpack
      add ["rootfs.tar.gz", "extra dir/", "/srv/"]
      #^^ error[DL3020]: Use COPY for 'extra dir/': ADD is only needed for URLs, git sources and archives to unpack
    `));

  it("accepts archives, URLs, git sources, variables and heredocs", () =>
    check(rule, `
      FROM alpine:3.20
      ADD rootfs.tar.xz data.tgz /
      ADD https://example.com/file.txt /tmp/
      ADD git@github.com:moby/buildkit.git /src
      ADD \${SRC} /dst
      ADD layer.tar.zst /
      ADD <<EOF /etc/motd
      hello
      EOF
    `));

  it("fixes to COPY, keeping the keyword's case (unsafe)", () =>
    checkFix(rule, `
      FROM alpine:3.20
      ADD app.conf /etc/app/
      add --chown=1:1 a b /x/
    `, `
      FROM alpine:3.20
      COPY app.conf /etc/app/
      copy --chown=1:1 a b /x/
    `, { unsafe: true }));

  it("offers no fix when ADD-only flags or archives are involved", () =>
    checkFix(rule, `
      FROM alpine:3.20
      ADD --checksum=sha256:0123 a.txt /x/
      ADD a.tar b.txt /x/
    `, `
      FROM alpine:3.20
      ADD --checksum=sha256:0123 a.txt /x/
      ADD a.tar b.txt /x/
    `, { unsafe: true }));
});
