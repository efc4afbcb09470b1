import type { Directive, Instruction } from "@shipshape/dockerfile";
import { defineRule, type Target } from "../../rule.js";
import { md } from "../../docs.js";

type Version = readonly [number, number];

interface Pinned {
  directive: Directive;
  /** `docker/dockerfile` or `docker/dockerfile-upstream`, with the registry as written. */
  image: string;
  version: Version;
  labs: boolean;
}

/** A feature and the first frontend versions that have it (stable, and the `-labs` channel when earlier). */
interface Feature {
  what: string;
  stable: Version;
  labs?: Version;
}

const FLAG_FEATURES: Readonly<Record<string, Readonly<Record<string, Feature>>>> = {
  RUN: {
    mount: { what: "RUN --mount", stable: [1, 2] },
    network: { what: "RUN --network", stable: [1, 3] },
    security: { what: "RUN --security", stable: [1, 20], labs: [1, 2] },
  },
  COPY: {
    chmod: { what: "COPY --chmod", stable: [1, 2] },
    link: { what: "COPY --link", stable: [1, 4] },
    exclude: { what: "COPY --exclude", stable: [1, 19], labs: [1, 7] },
    parents: { what: "COPY --parents", stable: [1, 20], labs: [1, 7] },
  },
  ADD: {
    chmod: { what: "ADD --chmod", stable: [1, 2] },
    link: { what: "ADD --link", stable: [1, 4] },
    exclude: { what: "ADD --exclude", stable: [1, 19], labs: [1, 7] },
    checksum: { what: "ADD --checksum", stable: [1, 6] },
    "keep-git-dir": { what: "ADD --keep-git-dir", stable: [1, 1] },
    unpack: { what: "ADD --unpack", stable: [1, 17] },
  },
};
const HEREDOC: Feature = { what: "heredocs", stable: [1, 4], labs: [1, 3] };
const PATTERN_MODIFIERS: Feature = { what: "the ${var#...}, ${var%...} and ${var/...} substitutions", stable: [1, 7] };
const CHECK_DIRECTIVE: Feature = { what: "the check directive", stable: [1, 8] };
const CHECK_SKIP_COMMENT: Feature = { what: "a '# check=skip=' comment on an instruction", stable: [1, 21] };
const SECRET_ENV: Feature = { what: "RUN --mount=type=secret,env=", stable: [1, 10] };

const SYNTAX = /^((?:[^/]+\/)?docker\/dockerfile(?:-upstream)?):(\d+)\.(\d+)(?:\.\d+)?(-labs)?(?:@sha256:[0-9a-f]+)?$/;

/** The frontend version a `# syntax=` directive pins (`1.N`); undefined for `:1`, `:latest`, other frontends. */
export function pinnedSyntax(directive: Directive): Pinned | undefined {
  const m = SYNTAX.exec(directive.value.value.trim());
  if (!m || m[2] !== "1") return undefined;
  return { directive, image: m[1]!, version: [Number(m[2]), Number(m[3])], labs: m[4] !== undefined };
}

function atLeast(v: Version, min: Version): boolean {
  return v[0] > min[0] || (v[0] === min[0] && v[1] >= min[1]);
}

function needed(feature: Feature, pinned: Pinned): Version | undefined {
  if (atLeast(pinned.version, feature.stable)) return undefined;
  if (pinned.labs && feature.labs && atLeast(pinned.version, feature.labs)) return undefined;
  return pinned.labs && feature.labs ? feature.labs : feature.stable;
}

export default defineRule({
  code: "DF212",
  name: "syntax-version-too-old",
  kind: "dockerfile",
  category: "correctness",
  severity: "error",
  enabledByDefault: true,
  fix: "unsafe",
  docs: () => md`
    ## What it does
    When the \`# syntax=docker/dockerfile:1.N\` directive pins a minor version, flags features that version
    does not have: heredocs (1.4, labs 1.3), \`RUN --mount\` (1.2), \`--network\` (1.3), \`--security\` (1.20, labs
    1.2), secret mounts with \`env=\` (1.10), \`COPY/ADD --chmod\` (1.2), \`--link\` (1.4), \`--exclude\`
    (1.19, labs 1.7), \`COPY --parents\` (1.20, labs 1.7), \`ADD --checksum\` (1.6), \`--keep-git-dir\`
    (1.1), \`--unpack\` (1.17), the \`\${var#...}\`/\`%\`/\`/\` substitutions (1.7), the \`# check=\`
    directive (1.8) and \`# check=skip=\` comments on single instructions (1.21).

    ## Why is this bad?
    The pinned frontend builds the file, so a newer flag is an \`unknown flag\` error and a heredoc is read
    as a literal \`<<EOF\` word. The file works with your local Docker and fails in CI, or the other way round.

    ## Example
    \`\`\`dockerfile
    # syntax=docker/dockerfile:1.3
    FROM alpine:3.20
    COPY --link app /app
    \`\`\`

    ## Use instead
    \`\`\`dockerfile
    # syntax=docker/dockerfile:1.4
    FROM alpine:3.20
    COPY --link app /app
    \`\`\`

    ## Fix safety
    Unsafe: the fix raises the pinned version to the one the feature needs (dropping a pinned digest),
    which changes the frontend that builds the file.

    ## Notes
    Only pinned minor versions of \`docker/dockerfile\` (and \`-upstream\`) are checked; \`:1\` always means
    the newest 1.x, and other frontends are not known.
  `,
  create: (ctx) => {
    let pinned: Pinned | undefined;
    const report = (target: Target, feature: Feature) => {
      if (!pinned) return;
      const version = needed(feature, pinned);
      if (!version) return;
      const want = `${version[0]}.${version[1]}`;
      const have = `${pinned.version[0]}.${pinned.version[1]}${pinned.labs ? "-labs" : ""}`;
      const text = `${pinned.image}:${want}${pinned.labs ? "-labs" : ""}`;
      ctx.report(target, `${feature.what}: available from docker/dockerfile:${want}, but the syntax directive pins ${have}`, {
        fix: ctx.fix.replace(pinned.directive.value, text, `Pin ${text}`),
      });
    };
    const checkInstruction = (node: Instruction) => {
      // Most files pin no minor version: then nothing here can be too new.
      if (!pinned) return;
      const features = FLAG_FEATURES[node.keyword] ?? {};
      for (const flag of node.flags) {
        const feature = features[flag.name.value];
        if (feature) report(flag.name, feature);
      }
      for (const heredoc of node.heredocs) report(heredoc.marker, HEREDOC);
      for (const ref of node.variables) {
        if (ref.modifier && /^[#%/]/.test(ref.modifier)) report(ref, PATTERN_MODIFIERS);
      }
      if (node.kind === "Run") {
        for (const mount of node.mounts) {
          const env = mount.fields.find((f) => f.key.value.toLowerCase() === "env");
          if (mount.type === "secret" && env) report(env.key, SECRET_ENV);
        }
      }
    };
    return {
      File(ast) {
        const syntax = ast.directives.find((d) => d.name === "syntax");
        pinned = syntax && pinnedSyntax(syntax);
        if (!pinned) return;
        for (const d of ast.directives) if (d.name === "check") report(d.key, CHECK_DIRECTIVE);
        const directiveEnd = Math.max(0, ...ast.directives.map((d) => d.range.end));
        for (const c of ast.comments) {
          if (c.range.start > directiveEnd && !c.insideInstruction && /^\s*check\s*=\s*skip\s*=/i.test(c.text)) report(c, CHECK_SKIP_COMMENT);
        }
      },
      Instruction: checkInstruction,
    };
  },
});
