import type { Range } from "@shipshape/text";
import type {
  ShellAssignment, ShellCommand, ShellComment, ShellPipeline, ShellRedirect, ShellScript, ShellSyntaxError, ShellWord, ToSource,
} from "./types.js";

/**
 * A copy of a parsed script whose source ranges are moved by `shift`, for the same script text at
 * another place (see `sourceShift`): much cheaper than building it again from the syntax tree.
 * Script ranges, strings and command contexts are shared with the original (all read-only); every
 * object holding a source range is new, and pipelines and their commands point at each other's copies.
 */
export function relocateScript(script: ShellScript, shift: number, toSource: ToSource): ShellScript {
  const move = (r: Range): Range => ({ start: r.start + shift, end: r.end + shift });
  const word = (w: ShellWord): ShellWord => ({
    value: w.value, raw: w.raw, range: move(w.range), scriptRange: w.scriptRange, isStatic: w.isStatic, hasExpansion: w.hasExpansion, quoted: w.quoted,
  });
  let pipelines: Map<ShellPipeline, ShellPipeline> | undefined;
  const pipelineCopy = (p: ShellPipeline): ShellPipeline => {
    let copy = (pipelines ??= new Map()).get(p);
    if (!copy) pipelines.set(p, (copy = { ...p, range: move(p.range), commands: [] }));
    return copy;
  };
  const assignment = (a: ShellAssignment): ShellAssignment => {
    const copy: ShellAssignment = { ...a, nameRange: move(a.nameRange), range: move(a.range) };
    if (a.value) copy.value = word(a.value);
    return copy;
  };
  const redirect = (r: ShellRedirect): ShellRedirect => {
    const copy: ShellRedirect = { ...r, range: move(r.range) };
    if (r.target) copy.target = word(r.target);
    if (r.heredoc) copy.heredoc = { ...r.heredoc, bodyRange: move(r.heredoc.bodyRange) };
    return copy;
  };
  const commands = script.commands.map((c): ShellCommand => {
    const copy: ShellCommand = {
      ...c,
      args: c.args.map(word),
      assignments: c.assignments.map(assignment),
      redirects: c.redirects.map(redirect),
      range: move(c.range),
    };
    if (c.name) copy.name = word(c.name);
    return copy;
  });
  // Most scripts have no pipeline, and then nothing points at a command.
  if (script.pipelines.length > 0) linkPipelines(script, commands, pipelineCopy);
  return {
    ...script,
    toSource,
    commands,
    pipelines: script.pipelines.length > 0 ? script.pipelines.map(pipelineCopy) : [],
    comments: script.comments.map((c): ShellComment => ({ ...c, range: move(c.range) })),
    errors: script.errors.map((e): ShellSyntaxError => ({ ...e, range: move(e.range) })),
  };
}

/** Points the copied commands at their copied pipelines and fills each copied pipeline with its copied members. */
function linkPipelines(script: ShellScript, commands: ShellCommand[], pipelineCopy: (p: ShellPipeline) => ShellPipeline): void {
  // Pipeline members are listed in build order, which need not be the sorted order of `commands`.
  const commandCopies = new Map<ShellCommand, ShellCommand>();
  script.commands.forEach((c, i) => commandCopies.set(c, commands[i]));
  for (const c of commands) {
    if (c.pipeline) c.pipeline = pipelineCopy(c.pipeline);
  }
  for (const p of script.pipelines) {
    const copy = pipelineCopy(p);
    for (const member of p.commands) copy.commands.push(commandCopies.get(member) ?? member);
  }
}
