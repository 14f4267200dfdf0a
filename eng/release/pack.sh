#!/usr/bin/env bash
# Packs every NuGet package of a release at one version: the tool's pointer package 'SnippetCheck', its
# RID-specific packages 'SnippetCheck.<rid>' (self-contained, ReadyToRun composite) and 'SnippetCheck.any'
# (framework-dependent), and 'SnippetCheck.MSBuild'.
#
#   eng/release/pack.sh --version 1.2.3 [--rids "linux-x64;any"] [--output DIR] [--no-msbuild]
#
# --rids defaults to every RID the tool ships for (about 10 minutes); a test packs this machine's and 'any'.
# DIR defaults to artifacts/packages. The version overrides Directory.Build.props' <Version>, the default of
# local builds; the SDK adds the commit to the assemblies' informational version (snippetcheck --version).
# eng/pack-local-feed.sh packs with this script too. A failed pack removes the packages of its version it made.
set -eu
# shellcheck source=eng/release/common.sh
. "$(dirname "$0")/common.sh"

usage() { echo "usage: $0 --version VERSION [--rids \"RID;RID\"] [--output DIR] [--no-msbuild]" >&2; exit 2; }
version=""
rids="linux-x64;linux-arm64;win-x64;osx-arm64;any"
output=$release_root/artifacts/packages
msbuild=true
while [ $# -gt 0 ]; do
  case "$1" in
    --version) [ $# -ge 2 ] || usage; version=$2; shift 2 ;;
    --rids) [ $# -ge 2 ] || usage; rids=$2; shift 2 ;;
    --output) [ $# -ge 2 ] || usage; output=$2; shift 2 ;;
    --no-msbuild) msbuild=false; shift ;;
    *) echo "pack: unknown option '$1'" >&2; usage ;;
  esac
done
[ -n "$version" ] || usage
case ";$rids;" in *";any;"*) ;; *) echo "pack: --rids must include 'any', the fallback for every other platform" >&2; exit 2 ;; esac

mkdir -p "$output"
output=$(cd "$output" && pwd)
# A failed pack must not leave half its packages in the output (the 'any' tool package without the MSBuild one, say):
# remove what this run packed, which only this run's version names.
packed=false
remove_partial_packs() {
  status=$?
  if [ "$status" -ne 0 ] && ! $packed; then
    rm -f "$output"/*."$version".nupkg "$output"/*."$version".snupkg
    echo "pack: failed; removed this run's packages ($version) from $output" >&2
  fi
  exit "$status"
}
trap remove_partial_packs EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

echo "pack: SnippetCheck $version for ${rids//;/, } into $output"
# The same options for each package. MSBuild reads ';' in a -p value as a list separator of its own; %3B is the escaped
# form. RunAnalyzers=false: the analyzers and code style (Directory.Build.props) check the source, never the packages,
# and a release's build-and-test.sh has just run them on this commit in Release (CI's build runs them on every commit);
# here they ran again on every project the pack compiles, in ToolInstallTests too. Source generators still run.
pack_options=(-c Release -p:Version="$version" -p:SnippetCheckToolRids="${rids//;/%3B}" -p:RunAnalyzers=false -o "$output" -nologo)
dotnet pack "$release_root/src/SnippetCheck.Cli" "${pack_options[@]}"
expected="SnippetCheck.$version.nupkg"
if $msbuild; then
  # Its restore walks into the CLI, which restores the tool's RIDs: the same list, or it downloads every runtime pack.
  dotnet pack "$release_root/src/SnippetCheck.MSBuild" "${pack_options[@]}"
  expected="$expected SnippetCheck.MSBuild.$version.nupkg"
fi
# The Markdig extension for site generators (docs/render.md): a plain library, packed with every release.
dotnet pack "$release_root/src/SnippetCheck.Markdig" "${pack_options[@]}"
expected="$expected SnippetCheck.Markdig.$version.nupkg"

IFS=';'
for rid in $rids; do expected="$expected SnippetCheck.$rid.$version.nupkg"; done
unset IFS
for package in $expected; do
  [ -f "$output/$package" ] || { echo "pack: dotnet pack made no $package" >&2; exit 1; }
  echo "pack: $output/$package"
done
packed=true
