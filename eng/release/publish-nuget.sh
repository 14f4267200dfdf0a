#!/usr/bin/env bash
# Pushes a release's packages (pack.sh's output) to NuGet: the RID-specific tool packages first and the pointer
# package 'SnippetCheck' after them, so that no one installs a pointer whose packages are not there yet.
#
#   eng/release/publish-nuget.sh [--dry-run] [--source URL] DIR
#
# The key: NUGET_OIDC_API_KEY, the short-lived key of trusted publishing (the NuGet/login action), else
# NUGET_API_KEY, a long-lived key kept as a repository secret. Both come from the environment, never arguments.
set -eu
# shellcheck source=eng/release/common.sh
. "$(dirname "$0")/common.sh"

usage() { echo "usage: $0 [--dry-run] [--source URL] DIR" >&2; exit 2; }
source_url=https://api.nuget.org/v3/index.json
folder=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) SNIPPETCHECK_RELEASE_DRY_RUN=1; shift ;;
    --source) [ $# -ge 2 ] || usage; source_url=$2; shift 2 ;;
    -*) echo "publish-nuget: unknown option '$1'" >&2; usage ;;
    *) [ -z "$folder" ] || usage; folder=$1; shift ;;
  esac
done
[ -n "$folder" ] || usage

pointer=() rid_specific=() others=()
# Byte order, whatever the machine's locale: the push order is part of what a dry run promises.
LC_COLLATE=C
for package in "$folder"/*.nupkg; do
  [ -f "$package" ] || continue
  case "$(basename "$package")" in
    SnippetCheck.MSBuild.* | SnippetCheck.Markdig.*) others+=("$package") ;;
    SnippetCheck.[0-9]*) pointer+=("$package") ;;
    SnippetCheck.*) rid_specific+=("$package") ;;
    *) others+=("$package") ;;
  esac
done
packages=("${rid_specific[@]}" "${pointer[@]}" "${others[@]}")
if [ ${#pointer[@]} -ne 1 ] || [ ${#rid_specific[@]} -eq 0 ]; then
  echo "publish-nuget: $folder should hold one pointer package SnippetCheck.<version>.nupkg and its RID-specific packages (eng/release/pack.sh)" >&2
  exit 1
fi

if [ -n "${NUGET_OIDC_API_KEY:-}" ]; then
  key=$NUGET_OIDC_API_KEY; key_name="the short-lived key of trusted publishing"
elif [ -n "${NUGET_API_KEY:-}" ]; then
  key=$NUGET_API_KEY; key_name="the NUGET_API_KEY secret"
elif release_dry_run; then
  key=""; key_name="no key (dry run)"
else
  echo "publish-nuget: no key: set up trusted publishing on nuget.org (and the NUGET_USER variable), or the NUGET_API_KEY secret (README.md, \"Releasing\")" >&2
  exit 1
fi

for package in "${packages[@]}"; do
  if release_dry_run; then
    echo "dry run: would push $(basename "$package") ($(du -k "$package" | cut -f1) KB) to $source_url with $key_name"
  else
    echo "publish-nuget: pushing $(basename "$package") to $source_url with $key_name"
    # --skip-duplicate: a re-run of a release whose push stopped halfway pushes the rest.
    dotnet nuget push "$package" --source "$source_url" --api-key "$key" --skip-duplicate
  fi
done
