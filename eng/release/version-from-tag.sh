#!/usr/bin/env bash
# Prints the release version a tag names: v1.2.3 -> 1.2.3, v1.2.3-beta.1 -> 1.2.3-beta.1.
#
#   eng/release/version-from-tag.sh v1.2.3          (refs/tags/v1.2.3 works too)
#
# Fails on a tag that is not 'v' and a SemVer 2.0 version. Build metadata (v1.2.3+build) is refused: the build
# adds the commit as build metadata itself (snippetcheck --version prints 1.2.3+abcdef1), and NuGet ignores it.
# On GitHub Actions it also sets the step outputs 'version' and 'prerelease' (true or false).
set -eu
# shellcheck source=eng/release/common.sh
. "$(dirname "$0")/common.sh"

if [ $# -ne 1 ]; then
  echo "usage: $0 TAG (such as v1.2.3 or v1.2.3-beta.1)" >&2
  exit 2
fi
tag=${1#refs/tags/}

number='(0|[1-9][0-9]*)'
identifier='(0|[1-9][0-9]*|[0-9]*[a-zA-Z-][0-9a-zA-Z-]*)'
semver="^$number\\.$number\\.$number(-$identifier(\\.$identifier)*)?\$"
version=${tag#v}
if [ "${tag:0:1}" != v ] || ! [[ $version =~ $semver ]]; then
  echo "version-from-tag: the tag '$tag' is not 'v' followed by a SemVer version, such as v1.2.3 or v1.2.3-beta.1 (no leading zeros, no build metadata)" >&2
  exit 1
fi

prerelease=false
case "$version" in *-*) prerelease=true ;; esac
release_output version "$version"
release_output prerelease "$prerelease"
echo "$version"
