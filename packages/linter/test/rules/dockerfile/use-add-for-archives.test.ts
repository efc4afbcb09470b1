import { beforeAll, describe, it } from "vitest";
import { initShell } from "@shipshape/shell";
import rule from "../../../src/rules/dockerfile/use-add-for-archives.js";
import { check } from "../../helpers/check.js";

beforeAll(() => initShell());

describe("DL3010 use-add-for-archives", () => {
  it("reports a copied archive that a later RUN unpacks", () =>
    check(rule, `
      FROM debian:12-slim
      COPY app.tar.gz /tmp/
      #    ^^^^^^^^^^ info[DL3010]: 'app.tar.gz' is copied, then unpacked by the RUN on line 3: ADD unpacks a local archive in one step
      RUN mkdir -p /opt && tar -xzf /tmp/app.tar.gz -C /opt
      COPY dist/data.tar.xz /tmp/data
      #    ^^^^^^^^^^^^^^^^ info[DL3010]: 'data.tar.xz' is copied, then unpacked by the RUN on line 5: ADD unpacks a local archive in one step
      RUN sudo tar xJf /tmp/data
    `));

  it("sees decompressors and heredoc scripts", () =>
    check(rule, `
      FROM debian:12-slim
      COPY ["blob.gz", "/tmp/"]
      #     ^^^^^^^^^ info[DL3010]: 'blob.gz' is copied, then unpacked by the RUN on line 3: ADD unpacks a local archive in one step
      RUN <<EOF
      set -e
      gunzip /tmp/blob.gz
      EOF
    `));

  it("accepts archives that are not unpacked, other stages, tar without -x, and COPY --from", () =>
    check(rule, `
      FROM debian:12-slim AS build
      COPY keep.tar.gz /srv/
      RUN tar -czf /tmp/keep.tar.gz /srv
      COPY --from=build /srv/app.tar.gz /tmp/
      RUN tar -xzf /tmp/app.tar.gz
      FROM debian:12-slim
      RUN tar -xzf /srv/app.tar.gz
    `));
});
