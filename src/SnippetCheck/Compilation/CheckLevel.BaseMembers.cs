using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Model;

namespace SnippetCheck.Compilation;

// A name written bare in a class whose base type a reference declares (a controller's 'Ok(…)'): its receiver, 'this',
// is known, so a misspelling of the base's member is an error, not the post's unknown name.
internal static partial class CheckLevel
{
    /// <summary>The most edits between a bare name and a member of a known base it is taken to misspell.</summary>
    private const int BaseMemberEdits = 2;

    /// <summary>
    /// The member of a known base type (one a reference declares, <c>object</c> aside) of the class <paramref name="name"/>
    /// is written in, or of a class around it, that the name misspells; null when it misspells none. Near is at most
    /// <see cref="BaseMemberEdits"/> edits, both names of three letters or more, or the name is the member's with up to
    /// that many letters added (<c>Okay</c>, <c>OkZq</c> for <c>Ok</c>): the candidates are that base's few hundred
    /// members, not the references' every type, so two edits do not turn the post's own names into them.
    /// </summary>
    private static string? BaseMemberNearMiss(SemanticModel model, SimpleNameSyntax name, CSharpCompilation compilation)
    {
        var text = name.Identifier.ValueText;
        var enclosing = model.GetEnclosingSymbol(name.SpanStart);
        var type = enclosing as INamedTypeSymbol ?? enclosing?.ContainingType;
        string? nearest = null;
        var nearestDistance = int.MaxValue;
        for (; type is not null; type = type.ContainingType)
        {
            for (var based = type.BaseType; based is { SpecialType: not SpecialType.System_Object }; based = based.BaseType)
            {
                if (!OfAReference(compilation, based)) continue;
                foreach (var member in based.GetMembers())
                {
                    if (!member.CanBeReferencedByName || member.DeclaredAccessibility is Accessibility.Private or Accessibility.Internal) continue;
                    var distance = EditDistance.Between(text.ToLowerInvariant(), member.Name.ToLowerInvariant());
                    if (member.Name == text || distance > BaseMemberEdits || distance >= nearestDistance) continue;
                    var (shorter, longer) = text.Length <= member.Name.Length ? (text, member.Name) : (member.Name, text);
                    if (shorter.Length < 2
                        || shorter.Length < EditDistance.ShortestWord && !longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase)) continue;
                    (nearest, nearestDistance) = (member.Name, distance);
                }
            }
        }
        return nearest;
    }
}
