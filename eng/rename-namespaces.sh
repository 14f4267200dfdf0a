#!/usr/bin/env bash
# The core's folders as the pipeline (issue 57, item 4): 19 folders became 12; issue 78 moved the page edits to
# Editing/ and the run's machinery to Engine/ (TYPES, MOVED_FILES). This script is the mapping, old → new, and applies
# it; run it again after merging a branch that still adds files under the old folders or namespaces.
#
#   eng/rename-namespaces.sh [TREE...]     (from the repository root; default TREE: src tests eng bench)
#
# 1. Files left in an old core folder (src/SnippetCheck/Packages/X.cs, say) move to the new one (git mv), and so do the
#    files of the types that moved on their own (MOVED_FILES).
# 2. In every .cs under each TREE and in src/SnippetCheck/PublicAPI.*.txt: old namespaces become new ones wherever they
#    are written (namespace and using lines, qualified names, crefs), and a moved type's qualified name follows it.
# 3. Every .cs of the core gets its folder's namespace (namespace = folder: ArchitectureTests checks it).
# 4. A file that names a moved type gets a using of the type's new namespace; duplicate usings, and usings of the file's
#    own namespace or of one enclosing it, are dropped (two old namespaces may have become one).
# Idempotent: a second run changes nothing. A using that only a moved type needed stays behind and fails the build
# (IDE0005); `dotnet format style --diagnostics IDE0005 --severity warn` removes it, or delete the line the error names.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"

# Old namespace (after SnippetCheck.) → new one; the core folder follows it (dots become slashes).
NAMESPACES=(
  "Discovery=Extraction.Discovery"
  "Markdown=Extraction.Markdown"
  "DocComments=Extraction.DocComments"
  "Snippets=Extraction.Snippets"
  "Store=Caching.Store"
  "Merging=Engine.Merging"
  "Packages=References"
  "Frameworks=References"
  "Judging=Results"
)

# Types that moved on their own: "Old=New:Type,Type" (the file is named after the first type).
TYPES=(
  "Compilation=Programs:ProgramAssembler,FixtureWrapper,MemberWrapper,BaseClassWrapper,GivenLocals,MappedWriter"
  "Configuration=Extraction.Markdown:FrontMatterReader,FrontMatterSettings,TomlFrontMatterReader"
  "Driver=Caching:ProgramCache"
  # Issue 78: the page edits and --accept to Editing/, the run's machinery to Engine/, what serves only the Verifier to Driver/.
  "Adoption.Writing=Editing:TextEdit,DocumentRewriter,BlockRewrite"
  "Adoption.Proposals=Editing:PageLines"
  "Adoption=Editing:OutputAcceptor,AcceptOutcome,AcceptEntry"
  "Driver=Engine:RunSettings,PhaseTrace"
  "Driver=Engine.Scheduling:VerificationRun,RunPlan,RunPlanner,ScheduledVerification"
  "Engine=Driver:FrameworkMatrix,VerifiedPackages"
)
MOVED_FILES=(
  "Compilation/ProgramAssembler.cs=Programs" "Compilation/FixtureWrapper.cs=Programs" "Compilation/MemberWrapper.cs=Programs"
  "Compilation/BaseClassWrapper.cs=Programs" "Compilation/GivenLocals.cs=Programs" "Compilation/MappedWriter.cs=Programs"
  "Configuration/FrontMatterReader.cs=Extraction/Markdown" "Configuration/TomlFrontMatterReader.cs=Extraction/Markdown"
  "Driver/ProgramCache.cs=Caching"
  "Adoption/Writing/TextEdit.cs=Editing" "Adoption/Writing/DocumentRewriter.cs=Editing" "Adoption/Writing/BlockRewrite.cs=Editing"
  "Adoption/Proposals/PageLines.cs=Editing" "Adoption/OutputAcceptor.cs=Editing" "Adoption/AcceptOutcome.cs=Editing"
  "Driver/RunSettings.cs=Engine" "Driver/PhaseTrace.cs=Engine" "Driver/VerificationRun.cs=Engine/Scheduling"
  "Driver/RunPlan.cs=Engine/Scheduling" "Driver/RunPlanner.cs=Engine/Scheduling" "Driver/ScheduledVerification.cs=Engine/Scheduling"
  "Engine/FrameworkMatrix.cs=Driver" "Engine/VerifiedPackages.cs=Driver"
)

CORE=src/SnippetCheck
TREES=("$@")
[ ${#TREES[@]} -eq 0 ] && TREES=(src tests eng bench)

# 1. Files into their new folders.
for pair in "${NAMESPACES[@]}"; do
  old=${pair%%=*} new=${pair#*=}
  [ -d "$CORE/$old" ] || continue
  while IFS= read -r file; do
    target="$CORE/${new//.//}/${file#"$CORE/$old/"}"
    mkdir -p "$(dirname "$target")"
    git mv "$file" "$target"
  done < <(find "$CORE/$old" -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*')
done
for pair in "${MOVED_FILES[@]}"; do
  file="$CORE/${pair%%=*}"
  [ -f "$file" ] && git mv "$file" "$CORE/${pair#*=}/"
done

# A name qualified by the old namespace's last part (Snippets.SnippetKind, a cref's Markdown.CodeLine) becomes one
# qualified by the new namespace's tail, for the types now declared in the new folder.
PARTIAL=()
for pair in "${NAMESPACES[@]}"; do
  old=${pair%%=*} new=${pair#*=}
  [ "$old" = "$new" ] && continue
  types=$(find "$CORE/${new//.//}" -maxdepth 1 -name '*.cs' -print0 | xargs -0 -r grep -ohP \
    '^(?:public |internal )(?:sealed |static |abstract |readonly |partial )*(?:class|record|struct|interface|enum)(?: struct| class)? \K\w+' \
    | sort -u | paste -sd, -)
  [ -n "$types" ] && PARTIAL+=("$old=$new:$types")
done

# 2-4. The text, in one Perl pass per file.
export RENAME_NAMESPACES="${NAMESPACES[*]}" RENAME_TYPES="${TYPES[*]}" RENAME_CORE="$CORE" RENAME_PARTIAL="${PARTIAL[*]}"
# The Perl program is single-quoted on purpose: its $ and @ are Perl's, read from the environment above.
# shellcheck disable=SC2016
find "${TREES[@]}" -name '*.cs' -not -path '*/bin/*' -not -path '*/obj/*' -print0 2>/dev/null \
  | xargs -0 -r perl -0777 -i -pe '
    BEGIN {
      @ns = map { [split /=/] } split / /, $ENV{RENAME_NAMESPACES};
      for (split / /, $ENV{RENAME_TYPES}) {
        my ($map, $types) = split /:/; my ($old, $new) = split /=/, $map;
        push @moves, [$old, $new, [split /,/, $types]];
      }
    }
    for my $n (@ns) { my ($o, $w) = @$n; s/\bSnippetCheck\.\Q$o\E\b/SnippetCheck.$w/g; }
    for my $p (split / /, $ENV{RENAME_PARTIAL}) {
      my ($map, $types) = split /:/, $p; my ($o, $w) = split /=/, $map; my $alt = join "|", split /,/, $types;
      s/(?<![\w.])\Q$o\E\.($alt)\b/$w.$1/g;
    }
    for my $m (@moves) {
      my ($o, $w, $types) = @$m; my $alt = join "|", @$types;
      s/(?<![\w.])((?:global::)?(?:SnippetCheck\.)?)\Q$o\E\.($alt)\b/$1$w.$2/g;
      s/\bSnippetCheck\.\Q$o\E\.($alt)\b/SnippetCheck.$w.$1/g;
    }
    my $file = $ARGV;
    if ($file =~ m{(?:^|/)\Q$ENV{RENAME_CORE}\E/(.+)/[^/]+\.cs$}) {
      (my $folder = $1) =~ s{/}{.}g;
      s/^namespace SnippetCheck\.[\w.]+;/namespace SnippetCheck.$folder;/m;
    }
    my ($own) = /^namespace ([\w.]+)\s*[;{]/m;
    # Code and crefs only: a type named in prose needs no using.
    my $code = join "\n", map { m{^\s*//} ? join(" ", m/cref="([^"]+)"/g) : $_ } split /\n/;
    for my $m (@moves) {
      my ($o, $w, $types) = @$m; my $alt = join "|", @$types;
      my $target = "SnippetCheck.$w";
      next if defined $own && ($own eq $target || index($own, "$target.") == 0);
      next unless $code =~ /(?<![\w.])($alt)\b/;
      next unless /^using SnippetCheck\.\Q$o\E;/m || (defined $own && $own eq "SnippetCheck.$o");
      next if /^using \Q$target\E;/m;
      if (/^using SnippetCheck\./m) { s/^(using SnippetCheck\.)/using $target;\n$1/m; }
      elsif (/^using /m) { s/^((?:using [^\n]*\n)+)/$1using $target;\n/m; }
      else { s/^(namespace )/using $target;\n\n$1/m; }
    }
    my %seen;
    s{^using (SnippetCheck\.[\w.]+);[^\n]*\n}{
      my $u = $1;
      ($seen{$u}++ || (defined $own && ($own eq $u || index($own, "$u.") == 0))) ? "" : "using $u;\n"
    }gem;
  '

for api in "$CORE"/PublicAPI.*.txt; do
  perl -i -pe '
    BEGIN {
      @ns = map { [split /=/] } split / /, $ENV{RENAME_NAMESPACES};
      for (split / /, $ENV{RENAME_TYPES}) {
        my ($map, $types) = split /:/; my ($old, $new) = split /=/, $map;
        push @moves, [$old, $new, join "|", split /,/, $types];
      }
    }
    for my $n (@ns) { my ($o, $w) = @$n; s/\bSnippetCheck\.\Q$o\E\b/SnippetCheck.$w/g; }
    for my $m (@moves) { my ($o, $w, $alt) = @$m; s/\bSnippetCheck\.\Q$o\E\.($alt)\b/SnippetCheck.$w.$1/g; }
  ' "$api"
done
