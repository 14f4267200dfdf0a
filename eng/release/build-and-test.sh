#!/usr/bin/env bash
# Builds the solution in Release and runs every test: a release is cut only from a commit whose tests pass.
# The tests run at Directory.Build.props' version (they compare --version with it); pack.sh stamps the release's.
#
#   eng/release/build-and-test.sh
set -eu
# shellcheck source=eng/release/common.sh
. "$(dirname "$0")/common.sh"
[ $# -eq 0 ] || { echo "usage: $0 (no arguments)" >&2; exit 2; }

cd "$release_root"
dotnet build SnippetCheck.sln -c Release -nologo
dotnet test SnippetCheck.sln -c Release --no-build -nologo
