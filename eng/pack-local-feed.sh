#!/bin/sh
# Packs SnippetCheck into a local NuGet feed and installs the tool from it: the working install path until the
# packages are on a public feed (README.md, "Install").
#
#   eng/pack-local-feed.sh                      pack this machine's RID and 'any', install the global tool
#   eng/pack-local-feed.sh --tool-path DIR      install into DIR instead of the global tools
#   eng/pack-local-feed.sh --all-rids           pack every RID the tool ships for (a release; about 10 minutes)
#   eng/pack-local-feed.sh --no-msbuild         skip the MSBuild package
#   eng/pack-local-feed.sh --no-install         only pack
#
# The feed is $SNIPPETCHECK_FEED (default ~/.snippetcheck/feed). Each run packs a new version, 0.1.0-local.<time>,
# so that NuGet's package cache never hands out an older build under the same number. It prints the feed and
# the version last, for 'dotnet add package SnippetCheck.MSBuild --version <it> --source <feed>' and the action.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
feed=${SNIPPETCHECK_FEED:-$HOME/.snippetcheck/feed}
tool_path=""
all_rids=false
msbuild=true
install=true
while [ $# -gt 0 ]; do
  case "$1" in
    --tool-path) tool_path=$2; shift 2 ;;
    --all-rids) all_rids=true; shift ;;
    --no-msbuild) msbuild=false; shift ;;
    --no-install) install=false; shift ;;
    *) echo "pack-local-feed: unknown option '$1' (see the top of $0)" >&2; exit 2 ;;
  esac
done

base=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)
version="$base-local.$(date -u +%Y%m%d%H%M%S)"
rid=$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1)
if $all_rids; then rids="linux-x64%3Blinux-arm64%3Bwin-x64%3Bosx-arm64%3Bany"; else rids="$rid%3Bany"; fi

mkdir -p "$feed"
# A failed pack must not leave half its packages in the feed (the 'any' tool package without the MSBuild one, say):
# remove what this run packed, which only this run's version names. A failed install keeps the complete set.
packed=false
remove_partial_packs() {
  status=$?
  if [ "$status" -ne 0 ] && ! $packed; then
    rm -f "$feed"/*."$version".nupkg "$feed"/*."$version".snupkg
    echo "pack-local-feed: failed; removed this run's packages ($version) from $feed" >&2
  fi
  exit "$status"
}
trap remove_partial_packs EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
echo "Packing SnippetCheck $version for $(echo "$rids" | sed 's/%3B/, /g') into $feed"
dotnet pack "$root/src/SnippetCheck.Cli" -c Release -p:Version="$version" -p:SnippetCheckToolRids="$rids" -o "$feed" -nologo -clp:ErrorsOnly
if $msbuild; then
  dotnet pack "$root/src/SnippetCheck.MSBuild" -c Release -p:Version="$version" -o "$feed" -nologo -clp:ErrorsOnly
fi

packed=true

if $install; then
  if [ -n "$tool_path" ]; then
    where="--tool-path $tool_path"
  else
    where="--global"
  fi
  # 'update' installs the tool when it is not installed yet, and replaces an earlier build when it is.
  # shellcheck disable=SC2086
  dotnet tool update $where SnippetCheck --version "$version" --add-source "$feed"
fi
echo "feed: $feed"
echo "version: $version"
