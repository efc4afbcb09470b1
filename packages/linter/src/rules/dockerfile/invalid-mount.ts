import type { Mount, MountField } from "@shipshape/dockerfile";
import { defineRule, type DockerfileRuleContext } from "../../rule.js";
import { md } from "../../docs.js";
import { likelyTypoOf } from "./support/builder.js";
import { hasVariable } from "./support/words.js";

const TYPES = ["bind", "cache", "tmpfs", "secret", "ssh"];
/** Every key BuildKit's mount parser knows (any type). */
const KEYS = [
  "type", "from", "source", "src", "target", "dst", "destination", "readonly", "ro", "readwrite", "rw",
  "id", "sharing", "required", "mode", "uid", "gid", "size", "env",
];
const TARGET_KEYS = new Set(["target", "dst", "destination"]);
const BOOLEAN_KEYS = new Set(["readonly", "ro", "readwrite", "rw", "required"]);
const SHARING = ["shared", "private", "locked"];

type Ctx = DockerfileRuleContext<Record<string, never>>;

function checkField(ctx: Ctx, mount: Mount, field: MountField): void {
  const key = field.key.value.toLowerCase();
  const value = field.value?.value;
  if (!KEYS.includes(key)) {
    const guess = likelyTypoOf(key, KEYS);
    ctx.report(field.key, `Unknown --mount option '${field.key.value}'${guess ? `; did you mean '${guess}'?` : ""}`);
    return;
  }
  if (value === undefined && !BOOLEAN_KEYS.has(key)) {
    ctx.report(field, `--mount option '${key}' needs a value: write '${key}=<value>'`);
    return;
  }
  if (value === undefined || hasVariable(value)) return;
  const at = field.value ?? field;
  if (key === "type" && !TYPES.includes(value.toLowerCase())) {
    ctx.report(at, `Unknown mount type '${value}'; BuildKit has ${TYPES.join(", ")}`);
  } else if (BOOLEAN_KEYS.has(key) && !/^(true|false|1|0|t|f)$/i.test(value)) {
    ctx.report(at, `--mount option '${key}' takes true or false, not '${value}'`);
  } else if (key === "sharing" && !SHARING.includes(value.toLowerCase())) {
    ctx.report(at, `Unknown cache sharing mode '${value}'; use shared, private or locked`);
  } else if (key === "sharing" && mount.type !== "cache") {
    ctx.report(field, `'sharing' applies to cache mounts only, not to a ${mount.type} mount`);
  } else if (key === "mode" && !/^0?[0-7]{1,4}$/.test(value)) {
    ctx.report(at, `--mount mode '${value}' is not an octal file mode (e.g. 0755)`);
  } else if ((key === "uid" || key === "gid") && !/^\d+$/.test(value)) {
    ctx.report(at, `--mount ${key} '${value}' is not a number`);
  } else if (TARGET_KEYS.has(key) && value.replace(/\/+$/, "") === "" && value !== "") {
    ctx.report(at, "A mount cannot cover '/': choose a directory below it");
  }
}

export default defineRule({
  code: "DF115",
  name: "invalid-mount",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Checks \`RUN --mount=...\` as BuildKit parses it: the \`type\` (\`bind\`, \`cache\`, \`tmpfs\`, \`secret\`,
    \`ssh\`), every option name (\`target\`/\`dst\`/\`destination\`, \`source\`/\`src\`, \`from\`, \`id\`,
    \`sharing\`, \`mode\`, \`uid\`, \`gid\`, \`readonly\`/\`ro\`, \`rw\`, \`required\`, \`size\`, \`env\`), the values of
    \`sharing\` (\`shared\`, \`private\`, \`locked\`, cache mounts only), \`mode\` (octal), \`uid\`/\`gid\`
    (numbers) and the booleans, options without a value, and a target of \`/\`.

    ## Why is this bad?
    BuildKit refuses the mount (\`unexpected key\`, \`unsupported mount type\`, \`invalid value\`) when
    the stage is built.

    ## Example
    \`\`\`dockerfile
    FROM golang:1.23
    RUN --mount=type=cache,traget=/root/.cache/go-build go build ./...
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM golang:1.23
    RUN --mount=type=cache,target=/root/.cache/go-build go build ./...
    \`\`\`

    ## Fix safety
    No fix.

    ## Relation to dockerfile-utils
    dockerfile-utils does not check RUN flags. Values with variables are skipped (BuildKit expands them
    first). A mount without a target is not reported: BuildKit resolves it against \`WORKDIR\`.
  `,
  create: (ctx) => ({
    Run(node) {
      for (const mount of node.mounts) {
        for (const field of mount.fields) checkField(ctx, mount, field);
      }
    },
  }),
});
