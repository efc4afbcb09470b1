# SYNTAX TEST "source.dockerfile.shipshape" "instructions, flags, variables, exec form"
# syntax=docker/dockerfile:1
# <- meta.directive.dockerfile.shipshape punctuation.definition.comment.dockerfile.shipshape
# ^^^^^^ keyword.other.directive.dockerfile.shipshape
#        ^^^^^^^^^^^^^^^^^^^ string.unquoted.directive-value.dockerfile.shipshape
ARG NODE_VERSION=20
# <--- keyword.control.instruction.dockerfile.shipshape
#   ^^^^^^^^^^^^ variable.other.definition.dockerfile.shipshape
#               ^ keyword.operator.assignment.dockerfile.shipshape
FROM --platform=$BUILDPLATFORM node:${NODE_VERSION:-20}-slim AS build
# <---- keyword.control.instruction.dockerfile.shipshape
#    ^^ punctuation.definition.flag.dockerfile.shipshape
#      ^^^^^^^^ entity.other.attribute-name.flag.dockerfile.shipshape
#                ^^^^^^^^^^^^^ string.unquoted.flag-value.dockerfile.shipshape variable.other.readwrite.dockerfile.shipshape
#                              ^^^^^ entity.name.type.base-image.dockerfile.shipshape
#                                     ^^^^^^^^^^^^ variable.other.readwrite.dockerfile.shipshape
#                                                 ^^ keyword.operator.expansion.dockerfile.shipshape
#                                                   ^^ string.unquoted.default-value.dockerfile.shipshape
#                                                            ^^ keyword.control.as.dockerfile.shipshape
#                                                               ^^^^^ entity.name.type.stage.dockerfile.shipshape
COPY --from=build /app/dist ./dist
#      ^^^^ entity.other.attribute-name.flag.dockerfile.shipshape
#           ^^^^^ string.unquoted.flag-value.dockerfile.shipshape
ENV PATH="/app/bin:$PATH"
#   ^^^^ variable.other.definition.dockerfile.shipshape
#        ^^^^^^^^^^ string.quoted.double.dockerfile.shipshape
#                   ^^^^ variable.other.readwrite.dockerfile.shipshape
RUN --mount=type=cache,target=/root/.npm \
#^^ keyword.control.instruction.dockerfile.shipshape
#     ^^^^^ entity.other.attribute-name.flag.dockerfile.shipshape
#                                        ^ constant.character.escape.line-continuation.dockerfile.shipshape
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ -meta.embedded.shell.dockerfile.shipshape
    npm ci && echo "$HOME" \
# <---- -meta.embedded.shell.dockerfile.shipshape
#   ^^^^^^^^^^^^^^^^^^^^^^ meta.embedded.shell.dockerfile.shipshape
#                  ^^^^^ string.quoted.double.shell
#                   ^^^^^ -variable.other.readwrite.dockerfile.shipshape
#                          ^ constant.character.escape.line-continuation.shell
    && rm -rf /tmp/*
#   ^^^^^^^^^^^^^^^^ meta.embedded.shell.dockerfile.shipshape
EXPOSE 3000
# <------ keyword.control.instruction.dockerfile.shipshape
#^^^^^^^^^^ -meta.embedded.shell.dockerfile.shipshape
CMD ["node", "dist/server.js"]
#   ^ meta.exec-form.dockerfile.shipshape punctuation.definition.array.begin.dockerfile.shipshape
#    ^^^^^^ string.quoted.double.json.dockerfile.shipshape
#          ^ punctuation.separator.array.dockerfile.shipshape
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^ -meta.embedded.shell.dockerfile.shipshape
HEALTHCHECK --interval=30s CMD curl -f http://localhost/ || exit 1
#           ^^^^^^^^^^^^^^ -meta.embedded.shell.dockerfile.shipshape
#                          ^^^ keyword.control.instruction.dockerfile.shipshape
#                              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ meta.embedded.shell.dockerfile.shipshape
# hadolint ignore=DL3008
# ^^^^^^^^ keyword.other.pragma.dockerfile.shipshape
#                 ^^^^^^ constant.other.rule-code.dockerfile.shipshape
