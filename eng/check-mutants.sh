#!/usr/bin/env bash
# Issue 42's "no false check" on real posts: adopts a copy of the corpus, then mutates every block tagged 'check'
# (a framework member renamed, one argument dropped from or added to a framework call, a framework type misspelt; issue 75's:
# a bare member of a known base class misspelt, ref/out dropped, an attribute's named argument misspelt) and verifies
# each mutant, which must fail (tests/SnippetCheck.Tests/EndToEnd/CheckMutantsOnACorpus.cs).
# Issue 54: every block verified inside an inferred class (base=) gets its bare base-class call and the first member
# called on it renamed, each of which must fail too (tests/SnippetCheck.Tests/EndToEnd/BaseClassMutantsOnACorpus.cs).
# Issue 54, compile-fail: every block tagged compile-fail gets the first framework member it calls on a line other than
# the failing one renamed, which must fail (tests/SnippetCheck.Tests/EndToEnd/CompileFailMutantsOnACorpus.cs); issue 77:
# so does every block tagged statements-first, and every check block over a query stub or an attribute is a check block.
#
#   bash eng/check-mutants.sh [CORPUS]     # CORPUS defaults to ../shared/realworld
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=$(cd "${1:-$root/../shared/realworld}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build "$root/src/SnippetCheck.Cli" -c Release -nologo -v:q >/dev/null
cp -r "$corpus" "$work/posts"
export SNIPPETCHECK_PACKAGE_CACHE="$work/package-cache"
(cd "$work/posts" && dotnet "$root/src/SnippetCheck.Cli/bin/Release/net10.0/snippetcheck.dll" adopt . --write --cache-dir "$work/cache" | tail -n 1)
status=0
SNIPPETCHECK_MUTANT_CORPUS="$work/posts" dotnet test "$root/tests/SnippetCheck.Tests" --filter "FullyQualifiedName~CheckMutantsOnACorpus|FullyQualifiedName~BaseClassMutantsOnACorpus|FullyQualifiedName~CompileFailMutantsOnACorpus" \
  --logger "console;verbosity=minimal" > "$work/test.log" 2>&1 || status=1
cat "$work/posts.mutants.txt" "$work/posts.base-mutants.txt" "$work/posts.compile-fail-mutants.txt" 2>/dev/null || tail -n 30 "$work/test.log"
exit $status
