import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/go-unpinned.js";
import { check } from "../../helpers/check.js";

describe("DL3062 go-unpinned", () => {
  it("reports modules without a version, @latest and @none", () =>
    check(rule, `
      FROM golang:1.23
      RUN go install golang.org/x/tools/gopls@latest example.com/a
      #              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[DL3062]: Pin the version of 'golang.org/x/tools/gopls' in go install (golang.org/x/tools/gopls@<version>)
      #                                              ^^^^^^^^^^^^^ warning[DL3062]: Pin the version of 'example.com/a' in go install (example.com/a@<version>)
      RUN go get -u example.com/b && go run example.com/c@latest
      #             ^^^^^^^^^^^^^ warning[DL3062]: Pin the version of 'example.com/b' in go get (example.com/b@<version>)
      #                                     ^^^^^^^^^^^^^^^^^^^^ warning[DL3062]: Pin the version of 'example.com/c' in go run (example.com/c@<version>)
    `));

  it("accepts versions, local packages, files and flag values", () =>
    check(rule, `
      FROM golang:1.23
      RUN go install -ldflags "-s -w" -o /bin/x golang.org/x/tools/gopls@v0.16.2 ./cmd/... .
      RUN go install tool && go get all
      RUN go run main.go && go run ./cmd/x && go get && go build ./...
    `));

  it("reads continuations, ONBUILD triggers and heredoc scripts", () =>
    check(rule, `
      FROM golang:1.23
      RUN go install \\
            example.com/x
      #     ^^^^^^^^^^^^^ warning[DL3062]: Pin the version of 'example.com/x' in go install (example.com/x@<version>)
      ONBUILD RUN go install example.com/y@none
      #                      ^^^^^^^^^^^^^^^^^^ warning[DL3062]: Pin the version of 'example.com/y' in go install (example.com/y@<version>)
      RUN <<EOF
      go install example.com/z
      #          ^^^^^^^^^^^^^ warning[DL3062]: Pin the version of 'example.com/z' in go install (example.com/z@<version>)
      EOF
    `));
});
