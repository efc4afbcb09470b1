# SYNTAX TEST "source.dockerfile.shipshape" "a backtick continues lines after the escape directive"
# escape=`
# ^^^^^^ keyword.other.directive.dockerfile.shipshape
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN Write-Host one; `
#                   ^ constant.character.escape.line-continuation.dockerfile.shipshape
    Write-Host two
#   ^^^^^^^^^^^^^^ meta.embedded.shell.dockerfile.shipshape
COPY C:\src\ C:\app\
#            ^^^^^^^ -constant.character.escape.line-continuation.dockerfile.shipshape
WORKDIR C:\app
# <------- keyword.control.instruction.dockerfile.shipshape
