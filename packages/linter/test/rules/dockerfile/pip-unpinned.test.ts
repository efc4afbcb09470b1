import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/pip-unpinned.js";
import { check } from "../../helpers/check.js";

describe("DL3013 pip-unpinned", () => {
  it("reports each package without a version", () =>
    check(rule, `
      FROM python:3.12
      RUN pip install --no-cache-dir flask==3.0.3 requests "django>=5,<6" . ./lib
      #                                           ^^^^^^^^ warning[DL3013]: Pin the version of 'requests' in pip install (requests==<version>)
      RUN python3 -m pip install --upgrade pip
      #                                    ^^^ warning[DL3013]: Pin the version of 'pip' in pip install (pip==<version>)
    `));

  it("accepts requirement and constraint files, archives, VCS refs and option values", () =>
    check(rule, `
      FROM python:3.12
      RUN pip install -r requirements.txt && pip3 install -c constraints.txt flask
      RUN pip install --index-url https://example.com/simple x.whl y-1.0.tar.gz git+https://github.com/a/b@v1.2
      RUN pip install -e . --target /opt/lib
      RUN pipenv install flask && pipx install black
    `));

  it("does not take a VCS URL's user for a ref", () =>
    check(rule, `
      FROM python:3.12
      RUN pip install git+ssh://git@github.com/a/b
      #               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ warning[DL3013]: Pin the version of 'git+ssh://git@github.com/a/b' in pip install (git+ssh://git@github.com/a/b==<version>)
    `));

  it("resolves variables; reads continuations, ONBUILD and heredocs", () =>
    check(rule, `
      FROM python:3.12
      ARG FLASK=flask
      RUN pip install \\
            $FLASK \\
      #     ^^^^^^ warning[DL3013]: Pin the version of 'flask' in pip install (flask==<version>)
            $UNKNOWN
      ONBUILD RUN pip install black
      #                       ^^^^^ warning[DL3013]: Pin the version of 'black' in pip install (black==<version>)
      RUN <<EOF
      pip install ruff
      #           ^^^^ warning[DL3013]: Pin the version of 'ruff' in pip install (ruff==<version>)
      EOF
    `));
});
