import type { Word } from "@shipshape/dockerfile";
import { defineRule } from "../../rule.js";
import { md } from "../../docs.js";
import { subRange } from "./support/words.js";

/** Patterns of credentials with a recognisable shape, and what each one is. */
const SECRETS: readonly { what: string; pattern: RegExp }[] = [
  { what: "an AWS access key id", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { what: "a GitHub token", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{60,})\b/ },
  { what: "a GitLab token", pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { what: "a Slack token", pattern: /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/ },
  { what: "a Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { what: "a Stripe secret key", pattern: /\b[sr]k_live_[0-9A-Za-z]{20,}\b/ },
  { what: "an npm token", pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { what: "a private key", pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/ },
];

/** `scheme://user:password@host` with a literal password (not a variable). */
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@'"]+:([^\s/@'"$]+)@/i;

export interface FoundSecret {
  what: string;
  start: number;
  end: number;
}

/**
 * A text every pattern above needs (one search instead of nine: most values hold none). Keep it in
 * step with `SECRETS` and `URL_PASSWORD`.
 */
const ANY_SECRET_PART = /AKIA|ASIA|gh[pousr]_|github_pat_|glpat-|xox[abposr]-|AIza|k_live_|npm_|-----BEGIN |:\/\//;

/** The first recognisable credential in a value, with its offsets in the value. */
export function findSecret(value: string): FoundSecret | undefined {
  if (!ANY_SECRET_PART.test(value)) return undefined;
  for (const { what, pattern } of SECRETS) {
    const m = pattern.exec(value);
    if (m) return { what, start: m.index, end: m.index + m[0].length };
  }
  const url = URL_PASSWORD.exec(value);
  if (url) {
    const start = url.index + url[0].length - 1 - url[1]!.length;
    return { what: "a password in a URL", start, end: start + url[1]!.length };
  }
  return undefined;
}

export default defineRule({
  code: "DF205",
  name: "secret-in-value",
  kind: "dockerfile",
  category: "security",
  severity: "error",
  enabledByDefault: true,
  local: true,
  docs: () => md`
    ## What it does
    Flags \`ENV\`, \`ARG\` and \`LABEL\` values that contain a credential with a recognisable shape: AWS access
    key ids (\`AKIA...\`), GitHub, GitLab, Slack, npm and Stripe tokens, Google API keys, private key
    headers, and passwords written into URLs (\`https://user:secret@host\`).

    ## Why is this bad?
    \`ENV\` and \`LABEL\` values are stored in the image configuration and \`ARG\` values in the build history:
    anyone who can pull the image can read them with \`docker history\` or \`docker inspect\`. Pass secrets
    with \`RUN --mount=type=secret\` instead, and rotate any credential that was committed.

    ## Example
    \`\`\`dockerfile
    FROM alpine:3.20
    ENV PIP_INDEX_URL=https://ci:hunter2@pypi.example.com/simple
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    FROM alpine:3.20
    RUN --mount=type=secret,id=pip_index_url,env=PIP_INDEX_URL pip install -r requirements.txt
    \`\`\`

    ## Fix safety
    No fix: the secret has to be moved out of the Dockerfile and rotated.

    ## Relation to DL3064
    DL3064 (SecretsUsedInArgOrEnv) looks at the names (\`ENV API_TOKEN=...\`); this rule looks at the values,
    whatever they are named, and also checks \`LABEL\`. A password given as a variable
    (\`https://ci:\${TOKEN}@host\`) is not reported.
  `,
  create: (ctx) => {
    const checkValue = (keyword: string, name: string, value: Word | undefined) => {
      if (!value) return;
      const found = findSecret(value.value);
      if (!found) return;
      const target = subRange(value, found.start, found.end) ?? value;
      ctx.report(target, `The value of ${keyword} ${name} contains ${found.what}; it will be readable by anyone with the image`);
    };
    return {
      Env(node) {
        for (const pair of node.pairs) checkValue("ENV", pair.key.value, pair.value);
      },
      Label(node) {
        for (const pair of node.pairs) checkValue("LABEL", pair.key.value, pair.value);
      },
      Arg(node) {
        for (const decl of node.declarations) checkValue("ARG", decl.name.value, decl.defaultValue);
      },
    };
  },
});
