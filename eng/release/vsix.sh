#!/usr/bin/env bash
# Packages the VS Code extension (src/SnippetCheck.VSCode) at the release's version, as DIR/snippetcheck-VERSION.vsix.
#
#   eng/release/vsix.sh --version 1.2.3 [--output DIR]
#
# DIR defaults to artifacts/vsix. It sets the version in the extension's package.json and package-lock.json (a
# release checkout is thrown away afterwards; locally, 'git checkout src/SnippetCheck.VSCode' undoes it).
set -eu
# shellcheck source=eng/release/common.sh
. "$(dirname "$0")/common.sh"

usage() { echo "usage: $0 --version VERSION [--output DIR]" >&2; exit 2; }
version=""
output=$release_root/artifacts/vsix
while [ $# -gt 0 ]; do
  case "$1" in
    --version) [ $# -ge 2 ] || usage; version=$2; shift 2 ;;
    --output) [ $# -ge 2 ] || usage; output=$2; shift 2 ;;
    *) echo "vsix: unknown option '$1'" >&2; usage ;;
  esac
done
[ -n "$version" ] || usage
mkdir -p "$output"
output=$(cd "$output" && pwd)

cd "$release_root/src/SnippetCheck.VSCode"
npm ci --no-audit --no-fund
npm version "$version" --no-git-tag-version --allow-same-version
npm run compile
# 'prepackage' copies the repository's LICENSE and icon beside package.json, where vsce looks for them.
npm run package
mv snippetcheck.vsix "$output/snippetcheck-$version.vsix"
echo "vsix: $output/snippetcheck-$version.vsix"
