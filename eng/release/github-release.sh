#!/usr/bin/env bash
# Creates the GitHub release of a tag, with its CHANGELOG.md notes and the release's files attached; a version
# with a prerelease part (1.2.3-beta.1) is marked as a prerelease.
#
#   eng/release/github-release.sh [--dry-run] --tag v1.2.3 --notes FILE [FILE_OR_DIR ...]
#
# Uses the gh CLI, with GH_TOKEN (and GH_REPO outside a checkout) from the environment.
set -eu
# shellcheck source=eng/release/common.sh
. "$(dirname "$0")/common.sh"

usage() { echo "usage: $0 [--dry-run] --tag TAG --notes FILE [FILE_OR_DIR ...]" >&2; exit 2; }
tag="" notes="" assets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) SNIPPETCHECK_RELEASE_DRY_RUN=1; shift ;;
    --tag) [ $# -ge 2 ] || usage; tag=$2; shift 2 ;;
    --notes) [ $# -ge 2 ] || usage; notes=$2; shift 2 ;;
    -*) echo "github-release: unknown option '$1'" >&2; usage ;;
    *)
      if [ -d "$1" ]; then
        for file in "$1"/*; do [ -f "$file" ] && assets+=("$file"); done
      elif [ -f "$1" ]; then
        assets+=("$1")
      else
        echo "github-release: no file or folder $1" >&2; exit 1
      fi
      shift ;;
  esac
done
if [ -z "$tag" ] || [ -z "$notes" ]; then usage; fi
[ -s "$notes" ] || { echo "github-release: the notes file $notes is missing or empty (eng/release/changelog-notes.sh)" >&2; exit 1; }
version=$("$(dirname "$0")/version-from-tag.sh" "$tag")

command=(gh release create "$tag" --verify-tag --title "SnippetCheck $version" --notes-file "$notes")
case "$version" in *-*) command+=(--prerelease) ;; esac
command+=("${assets[@]}")

if release_dry_run; then
  echo "dry run: would run: ${command[*]}"
  echo "dry run: the notes:"
  cat "$notes"
else
  "${command[@]}"
fi
