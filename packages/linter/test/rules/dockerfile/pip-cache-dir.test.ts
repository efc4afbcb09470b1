import { describe, it } from "vitest";
import rule from "../../../src/rules/dockerfile/pip-cache-dir.js";
import { check, checkFix } from "../../helpers/check.js";

const MESSAGE = "pip install keeps its download cache in the layer: add --no-cache-dir";

describe("DL3042 pip-cache-dir", () => {
  it("reports pip install without --no-cache-dir", () =>
    check(rule, `
      FROM python:3.12
      RUN pip install flask==3.0.3 && python -m pip install x==1
      #   ^^^ warning[DL3042]: ${MESSAGE}
      #                               ^^^^^^ warning[DL3042]: ${MESSAGE}
      ONBUILD RUN pip3 install -r requirements.txt
      #           ^^^^ warning[DL3042]: ${MESSAGE}
      RUN pip install x==1 && export PIP_NO_CACHE_DIR=1
      #   ^^^ warning[DL3042]: ${MESSAGE}
      RUN PIP_NO_CACHE_DIR=0 pip install x==1
      #                      ^^^ warning[DL3042]: ${MESSAGE}
    `));

  it("accepts the flag, the setting and cache mounts", () =>
    check(rule, `
      FROM python:3.12
      RUN pip install --no-cache-dir flask==3.0.3
      RUN PIP_NO_CACHE_DIR=1 pip install x==1 && env PIP_NO_CACHE_DIR=true pip install y==1
      RUN export PIP_NO_CACHE_DIR=yes && pip install x==1
      RUN --mount=type=cache,target=/root/.cache/pip pip install x==1
      RUN --mount=type=cache,target=/root/.cache pip install x==1
      RUN pipx install black && pip list
    `));

  it("reads PIP_NO_CACHE_DIR from ENV and ARG, also through a base stage", () =>
    check(rule, `
      FROM python:3.12 AS base
      ENV PIP_NO_CACHE_DIR=1
      RUN pip install x==1
      FROM base
      RUN pip install y==1
      FROM python:3.12
      ARG PIP_NO_CACHE_DIR=on
      RUN pip install z==1
      FROM python:3.12
      RUN pip install z==1
      #   ^^^ warning[DL3042]: ${MESSAGE}
    `));

  it("checks heredoc scripts, not PowerShell stages", () =>
    check(rule, `
      FROM python:3.12
      RUN <<EOF
      pip install x==1
      #^^ warning[DL3042]: ${MESSAGE}
      EOF
      FROM mcr.microsoft.com/windows/servercore:ltsc2022
      SHELL ["powershell", "-Command"]
      RUN pip install x==1
    `));

  it("inserts --no-cache-dir after install, across continuations", () =>
    checkFix(rule, `
      FROM python:3.12
      RUN python3 -m pip install \\
            x==1
    `, `
      FROM python:3.12
      RUN python3 -m pip install --no-cache-dir \\
            x==1
    `));
});

describe("DL3042's fix in exec form", () => {
  it("adds --no-cache-dir as an element of the JSON array", () =>
    checkFix(rule, `
      FROM python:3.12
      RUN ["pip", "install", "flask==3.0.0"]
    `, `
      FROM python:3.12
      RUN ["pip", "install", "--no-cache-dir", "flask==3.0.0"]
    `));
});
