#!/usr/bin/env bash
# Prints the release notes of one version: the body of its '## [VERSION]' section in CHANGELOG.md (Keep a
# Changelog), up to the next '## ' heading or the link references at the bottom.
#
#   eng/release/changelog-notes.sh 1.2.3 [--changelog FILE] [--output FILE]
#
# Fails when the changelog has no section for the version, or an empty one: a release without notes is a
# release whose changelog was not updated.
set -eu
# shellcheck source=eng/release/common.sh
. "$(dirname "$0")/common.sh"

usage() { echo "usage: $0 VERSION [--changelog FILE] [--output FILE]" >&2; exit 2; }
[ $# -ge 1 ] || usage
version=$1; shift
changelog=$release_root/CHANGELOG.md
output=""
while [ $# -gt 0 ]; do
  case "$1" in
    --changelog) [ $# -ge 2 ] || usage; changelog=$2; shift 2 ;;
    --output) [ $# -ge 2 ] || usage; output=$2; shift 2 ;;
    *) echo "changelog-notes: unknown option '$1'" >&2; usage ;;
  esac
done
[ -f "$changelog" ] || { echo "changelog-notes: no changelog at $changelog" >&2; exit 1; }

# awk compares the heading's bracketed text as a string: the dots in 1.2.3 are not a pattern.
notes=$(awk -v version="$version" '
  /^## / { in_section = (index($0, "## [" version "]") == 1); found = found || in_section; next }
  /^\[[^]]*\]: / { in_section = 0 }
  in_section { print }
  END { exit found ? 0 : 3 }
' "$changelog") || {
  echo "changelog-notes: $changelog has no '## [$version]' section; add one (move the Unreleased notes under it) before tagging v$version" >&2
  exit 1
}
# Without the blank lines around the section.
notes=$(printf '%s\n' "$notes" | sed -e '/./,$!d' | sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}')
if [ -z "$notes" ]; then
  echo "changelog-notes: the '## [$version]' section of $changelog is empty" >&2
  exit 1
fi

if [ -n "$output" ]; then
  mkdir -p "$(dirname "$output")"
  printf '%s\n' "$notes" > "$output"
  echo "changelog-notes: the notes of $version are in $output"
else
  printf '%s\n' "$notes"
fi
