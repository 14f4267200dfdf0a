#!/bin/sh
# Packs SnippetCheck into a local NuGet feed and installs the tool from it: the working install path until the
# packages are on a public feed (README.md, "Install"). It restores only the RIDs it packs, so the runtime packs of
# other platforms are never downloaded.
#
#   eng/pack-local-feed.sh                      pack this machine's RID and 'any', install the global tool
#   eng/pack-local-feed.sh --tool-path DIR      install into DIR instead of the global tools
#   (either way, the last lines say how to put the tools folder on PATH when it is not there)
#   eng/pack-local-feed.sh --all-rids           pack every RID the tool ships for (a release; about 10 minutes)
#   eng/pack-local-feed.sh --no-msbuild         skip the MSBuild package
#   eng/pack-local-feed.sh --no-install         only pack
#   eng/pack-local-feed.sh --version VERSION    pack this version instead of a new 0.1.0-local.<time>
#
# The feed is $SNIPPETCHECK_FEED (default ~/.snippetcheck/feed). Each run packs a new version, 0.1.0-local.<time>,
# so that NuGet's package cache never hands out an older build under the same number. The packing itself is the
# release's (eng/release/pack.sh), which removes its packages again when it fails. This prints the feed and the
# version last, for 'dotnet add package SnippetCheck.MSBuild --version <it> --source <feed>' and the action.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
feed=${SNIPPETCHECK_FEED:-$HOME/.snippetcheck/feed}
tool_path=""
all_rids=false
msbuild=""
install=true
version=""
while [ $# -gt 0 ]; do
  case "$1" in
    --tool-path) tool_path=$2; shift 2 ;;
    --all-rids) all_rids=true; shift ;;
    --no-msbuild) msbuild=--no-msbuild; shift ;;
    --no-install) install=false; shift ;;
    --version) version=$2; shift 2 ;;
    *) echo "pack-local-feed: unknown option '$1' (see the top of $0)" >&2; exit 2 ;;
  esac
done

if [ -z "$version" ]; then
  base=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/Directory.Build.props" | head -n 1)
  version="$base-local.$(date -u +%Y%m%d%H%M%S)"
fi
if $all_rids; then
  rids="linux-x64;linux-arm64;win-x64;osx-arm64;any"
else
  rids="$(dotnet --info | sed -n 's/^ *RID: *//p' | head -n 1);any"
fi

mkdir -p "$feed"
# shellcheck disable=SC2086 # $msbuild is one flag or nothing
bash "$root/eng/release/pack.sh" --version "$version" --rids "$rids" --output "$feed" $msbuild

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
if $install; then
  # dotnet prints its PATH hint once, deep in the log above: the next command, 'snippetcheck', must not fail unseen.
  tools=${tool_path:-${DOTNET_CLI_HOME:-$HOME}/.dotnet/tools}
  tools=$(cd "$tools" && pwd)
  case ":$PATH:" in
    *":$tools:"*) ;;
    *) echo "snippetcheck is in $tools, which is not on PATH; add it:"
       echo "  export PATH=\"\$PATH:$tools\"" ;;
  esac
fi
