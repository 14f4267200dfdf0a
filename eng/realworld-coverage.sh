#!/usr/bin/env bash
# Issues 26 and 42's measure: how much of a real blog's C# 'adopt --write' gets verified, or checked, invisibly.
#
#   bash eng/realworld-coverage.sh [CORPUS]     # CORPUS defaults to ../shared/realworld
#   REALWORLD_KEEP=report.json bash eng/realworld-coverage.sh    # also keep verify's JSON report
#
# Copies the corpus into temporary git repositories, runs 'adopt --write' from a cold cache, then 'verify' with a
# JSON report, and prints the coverage, the time adopt took, and whether 'git diff' holds only added hidden lines
# (tag comments). Exits 1 when verify fails or a visible line changed. Uses the Release build of the CLI.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(cd "${1:-$root/../shared/realworld}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/SnippetCheck.Cli" -c Release -nologo -v:q >/dev/null
tool="$root/src/SnippetCheck.Cli/bin/Release/net10.0/snippetcheck.dll"

# Cold: no results and no restored or searched packages of earlier runs (NuGet's own download folder stays as it is).
export SNIPPETCHECK_PACKAGE_CACHE="$work/package-cache"
cp -r "$corpus" "$work/posts"
cd "$work/posts"
# Each OWNER__REPO folder becomes the clone it came from, with its GitHub origin: adopt reads a repository's name and
# projects for the package its posts are about, as it would in that repository.
for repository in */; do
  repository=${repository%/}
  (cd "$repository" && git init -q . && git remote add origin "https://github.com/${repository/__//}.git" &&
    git add -A && git -c user.name=coverage -c user.email=coverage@localhost commit -qm corpus)
done

start=$(date +%s.%N)
dotnet "$tool" adopt . --write --cache-dir "$work/cache" | tail -n 1
adopt_seconds=$(echo "$(date +%s.%N) - $start" | bc)

status=0
dotnet "$tool" verify . --cache-dir "$work/cache" --report "json=$work/report.json" > "$work/verify.log" || status=1
# A block adopt tagged that verify then fails is a verdict that depends on the path: show where.
grep -E ': error ' "$work/verify.log" | head -n 20 || true
tail -n 2 "$work/verify.log"

# Issue 27: render must not crash on any real block. The first render compiles again to keep its symbol notes; the
# second is the cached render, timed beside a cached verify.
seconds() { local start; start=$(date +%s.%N); "$@" > /dev/null 2>&1; echo "$(date +%s.%N) - $start" | bc; }
render_status=0
dotnet "$tool" render . --cache-dir "$work/cache" --out "$work/site" --site > "$work/render.log" 2>&1 || render_status=$?
if [ "$render_status" -gt 1 ] || grep -q 'internal error' "$work/render.log"; then
  echo "realworld-coverage: render failed (exit $render_status)" >&2
  grep -m 5 'internal error' "$work/render.log" >&2 || tail -n 5 "$work/render.log" >&2
  status=1
fi
render_cached=$(seconds dotnet "$tool" render . --cache-dir "$work/cache" --out "$work/site" --site)
verify_cached=$(seconds dotnet "$tool" verify . --cache-dir "$work/cache")
echo "render: $(grep -c '' < <(find "$work/site" -name 'L*.json')) blocks rendered; cached render ${render_cached}s against cached verify ${verify_cached}s"

# Every changed line must be an added one, and every added line a hidden tag comment or a line of the page's front
# matter (the page fixture's settings: blog engines and docs sites do not render front matter).
changed=0
visible=0
for repository in */; do
  changed=$((changed + $(git -C "$repository" diff --numstat | awk '{removed += $2} END {print removed + 0}')))
  visible=$((visible + $(git -C "$repository" diff -U0 --no-color | python3 "$root/eng/visible-additions.py" "$repository")))
done
if [ "$changed" -ne 0 ] || [ "$visible" -ne 0 ]; then
  echo "realworld-coverage: adopt changed visible text: $changed removed lines, $visible added lines that are not tag comments" >&2
  status=1
fi
if [ -n "${REALWORLD_KEEP:-}" ]; then cp "$work/report.json" "$REALWORLD_KEEP"; fi
python3 - "$work/report.json" "$adopt_seconds" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))["summary"]
blocks, verified, checked = summary['blocks'], summary['verified'], summary['checkedBlocks']
print(f"coverage: {verified} of {blocks} C# blocks verified ({summary['coverage']} %); adopt took {float(sys.argv[2]):.1f}s")
# Issue 42: the check level is counted apart, never among the verified blocks.
print(f"levels: {verified} verified, {checked} checked, {blocks - verified - checked} unprotected; "
      f"{verified + checked} of {blocks} at check or stronger ({summary['checkCoverage']} %)")
PY
exit $status
