using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SnippetCheck.Snippets;

/// <summary>
/// The tags of one C# block, parsed once from its info string and its <c>snippetcheck:</c> comment.
/// Null means "not given": defaults are applied later, from configuration.
/// </summary>
public sealed record SnippetTags
{
    public static readonly SnippetTags None = new();

    public SnippetKind? Kind { get; init; }
    public IReadOnlyList<string> ExpectedErrorIds { get; init; } = [];
    public string? ExpectedException { get; init; }
    public string? Name { get; init; }
    public string? Session { get; init; }
    public int? ExitCode { get; init; }
    public TimeSpan? Timeout { get; init; }
    public LanguageVersion? LangVersion { get; init; }
    public NullableContextOptions? Nullable { get; init; }
    public bool WarnAsError { get; init; }
    public bool Unsafe { get; init; }

    /// <summary>
    /// The block holds members (methods, properties, fields, nested types), as a post shows them out of their class:
    /// they compile inside a class the tool adds (<see cref="Compilation.MemberWrapper"/>), which readers never see.
    /// </summary>
    public bool Members { get; init; }

    /// <summary>The snippet may open TCP connections: it runs in a runner without the sandbox's network rule.</summary>
    public bool Network { get; init; }
    /// <summary>The program's command-line arguments, split as a shell would (<c>args="a 'b c'"</c>).</summary>
    public string[]? Args { get; init; }

    /// <summary>Scrubbers named with <c>scrub=duration,hex</c> (or <c>scrub=none</c>); null when not given.</summary>
    public IReadOnlyList<string>? Scrub { get; init; }

    /// <summary>Words that belong to a blog engine, not to us (<c>title="Program.cs"</c>).</summary>
    public IReadOnlyList<string> ForeignAttributes { get; init; } = [];

    /// <summary>The tag text as written, info string and comment joined.</summary>
    public string Original { get; init; } = "";

    /// <summary>True when any kind or modifier of ours was given; foreign attributes never count.</summary>
    public bool HasAny =>
        Kind is not null || Name is not null || Session is not null || ExitCode is not null || Timeout is not null ||
        LangVersion is not null || Nullable is not null || WarnAsError || Unsafe || Network || Members || Args is not null || Scrub is not null;
}
