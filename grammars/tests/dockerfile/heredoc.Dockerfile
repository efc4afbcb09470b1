# SYNTAX TEST "source.dockerfile.shipshape" "heredocs: a RUN body is shell, a COPY body is text"
FROM alpine:3.20
RUN <<EOF
#   ^^ keyword.operator.heredoc.dockerfile.shipshape
#     ^^^ constant.other.heredoc-delimiter.dockerfile.shipshape
set -e
# <--- meta.embedded.shell.dockerfile.shipshape
apk add --no-cache curl
# <--- meta.embedded.shell.dockerfile.shipshape
#       ^^ -entity.other.attribute-name.flag.dockerfile.shipshape
EOF
# <--- constant.other.heredoc-delimiter.dockerfile.shipshape
# <--- -meta.embedded.shell.dockerfile.shipshape
COPY <<CONF /etc/service.conf
# <---- keyword.control.instruction.dockerfile.shipshape
#           ^^^^^^^^^^^^^^^^^ -string.unquoted.heredoc.dockerfile.shipshape
listen = ":8080"
# <------ string.unquoted.heredoc.dockerfile.shipshape
# <------ -meta.embedded.shell.dockerfile.shipshape
CONF
# <---- constant.other.heredoc-delimiter.dockerfile.shipshape
USER 65532:65532
# <---- keyword.control.instruction.dockerfile.shipshape
