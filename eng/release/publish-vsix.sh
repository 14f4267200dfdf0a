#!/usr/bin/env bash
# Publishes the VS Code extension (vsix.sh's output) to the VS Code Marketplace when VSCE_PAT is set, and to
# Open VSX when OVSX_PAT is set; a missing token skips that store with a notice, never fails the release.
#
#   eng/release/publish-vsix.sh [--dry-run] DIR_OR_VSIX
#
# Neither store takes a SemVer prerelease version (1.2.3-beta.1): such a release's .vsix is on its GitHub
# release only. The tokens come from the environment; vsce and ovsx read them there, never as arguments.
set -eu
# shellcheck source=eng/release/common.sh
. "$(dirname "$0")/common.sh"

usage() { echo "usage: $0 [--dry-run] DIR_OR_VSIX" >&2; exit 2; }
target=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) SNIPPETCHECK_RELEASE_DRY_RUN=1; shift ;;
    -*) echo "publish-vsix: unknown option '$1'" >&2; usage ;;
    *) [ -z "$target" ] || usage; target=$1; shift ;;
  esac
done
[ -n "$target" ] || usage
if [ -d "$target" ]; then
  vsixes=("$target"/*.vsix)
  if [ ${#vsixes[@]} -ne 1 ] || [ ! -f "${vsixes[0]}" ]; then
    echo "publish-vsix: $target should hold exactly one .vsix (eng/release/vsix.sh)" >&2
    exit 1
  fi
  target=${vsixes[0]}
fi
[ -f "$target" ] || { echo "publish-vsix: no file $target" >&2; exit 1; }
vsix=$(cd "$(dirname "$target")" && pwd)/$(basename "$target")

# vsix.sh names it snippetcheck-VERSION.vsix.
version=$(basename "$vsix" .vsix)
version=${version#snippetcheck-}
case "$version" in
  *-*)
    release_notice "$version is a prerelease version, which neither the VS Code Marketplace nor Open VSX takes: its .vsix is on the GitHub release only"
    exit 0 ;;
esac

publish() { # store, token variable, command...
  local store=$1 token=$2
  shift 2
  if [ -z "${!token:-}" ]; then
    release_notice "not published to $store: the $token secret is not set"
  elif release_dry_run; then
    echo "dry run: would publish $(basename "$vsix") to $store: $*"
  else
    echo "publish-vsix: publishing $(basename "$vsix") to $store"
    "$@"
  fi
}

extension=$release_root/src/SnippetCheck.VSCode
if [ -n "${VSCE_PAT:-}${OVSX_PAT:-}" ] && ! release_dry_run; then
  # vsce and ovsx at the lock file's versions.
  (cd "$extension" && npm ci --no-audit --no-fund)
fi
publish "the VS Code Marketplace" VSCE_PAT "$extension/node_modules/.bin/vsce" publish --packagePath "$vsix"
publish "Open VSX" OVSX_PAT "$extension/node_modules/.bin/ovsx" publish "$vsix"
