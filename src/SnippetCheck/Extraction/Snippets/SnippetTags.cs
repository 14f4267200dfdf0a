using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Configuration;
using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>
/// The tags of one C# block, parsed once from its info string and its <c>snippetcheck:</c> comment.
/// Null means "not given": defaults are applied later, from configuration.
/// </summary>
internal sealed record SnippetTags
{
    /// <summary>No tags at all: an untagged block.</summary>
    public static readonly SnippetTags None = new();

    /// <summary>The kind tag (<c>run</c>, <c>compile</c>, ...); null when none was given.</summary>
    public SnippetKind? Kind { get; init; }

    /// <summary>The error IDs <c>compile-fail=CS0029,CS0103</c> lists, each of which must be among the compile errors.</summary>
    public IReadOnlyList<string> ExpectedErrorIds { get; init; } = [];

    /// <summary>The exception type <c>throws=</c> names; null for any exception, or without the tag.</summary>
    public string? ExpectedException { get; init; }

    /// <summary><c>name=</c>: what <c>--filter</c> and reports call the snippet.</summary>
    public string? Name { get; init; }

    /// <summary><c>session=</c>: the snippets of a file with the same session compile and run as one program.</summary>
    public string? Session { get; init; }

    /// <summary><c>exit=N</c>: the exit code the program must end with (0 when not given).</summary>
    public int? ExitCode { get; init; }

    /// <summary>
    /// What the block's setting tags give, by setting: the rows of <see cref="Settings"/> with a tag, each value as its
    /// <see cref="TagRule"/> reads it (true for a flag). The typed properties below are views of it; a new setting's use
    /// reads it with <see cref="Of{T}"/>.
    /// </summary>
    internal ImmutableDictionary<Setting, object> SettingTags { get; init; } = ImmutableDictionary<Setting, object>.Empty;

    /// <summary>The value the block's tag gives <paramref name="setting"/> (a nullable type for a value type), or default without the tag.</summary>
    internal T? Of<T>(Setting setting) => SettingTags.TryGetValue(setting, out var value) ? (T)value : default;

    private ImmutableDictionary<Setting, object> With(Setting setting, object? value) =>
        value is null or false or System.Collections.ICollection { Count: 0 } ? SettingTags.Remove(setting) : SettingTags.SetItem(setting, value);

    /// <summary><c>timeout=</c>: how long the snippet may run, instead of the configured default.</summary>
    public TimeSpan? Timeout { get => Of<TimeSpan?>(Settings.Timeout); init => SettingTags = With(Settings.Timeout, value); }

    /// <summary><c>langversion=</c>: the C# version it compiles with.</summary>
    public LanguageVersion? LangVersion { get => Of<LanguageVersion?>(Settings.LangVersion); init => SettingTags =
        With(Settings.LangVersion, value); }

    /// <summary><c>nullable=</c>: the nullable context it compiles in.</summary>
    public NullableContextOptions? Nullable { get => Of<NullableContextOptions?>(Settings.Nullable); init => SettingTags =
        With(Settings.Nullable, value); }

    /// <summary><c>warnaserror</c>: compiler warnings fail it as errors.</summary>
    public bool WarnAsError { get => Of<bool?>(Settings.WarnAsError) == true; init => SettingTags = With(Settings.WarnAsError, value); }

    /// <summary><c>unsafe</c>: it compiles with unsafe code allowed.</summary>
    public bool Unsafe { get; init; }

    /// <summary>
    /// The block holds members (methods, properties, fields, nested types), as a post shows them out of their class:
    /// they compile inside a class the tool adds (<see cref="Programs.MemberWrapper"/>), which readers never see.
    /// </summary>
    public bool Members { get; init; }

    /// <summary>
    /// <c>check listing</c>: the block lists an API's signatures (<c>public const long BytesInGibibyte = 1073741824;</c>),
    /// each looked up in the packages it references, never compiled (<see cref="Compilation.ListingCheck"/>).
    /// </summary>
    public bool Listing { get; init; }

    /// <summary>
    /// <c>statements-first</c>: the block shows its types first and the statements that use them after, as a reader means
    /// them to run; its type declarations compile after its statements (<see cref="Programs.StatementsFirst"/>), as
    /// <c>dotnet run</c> compiles the file with those lines moved below, where C# alone says CS8803.
    /// </summary>
    public bool StatementsFirst { get; init; }

    /// <summary>
    /// <c>base=TYPE</c>: the block's statements are the body of a constructor of a class the tool adds, deriving from
    /// TYPE (<c>base=AbstractValidator&lt;Customer&gt;</c>), as docs write a base class's members bare
    /// (<see cref="Programs.BaseClassWrapper"/>); null without the tag.
    /// </summary>
    public string? Base { get; init; }

    /// <summary>
    /// <c>given=NAME:TYPE,...</c>: locals the block uses and never declares, as docs call a receiver an earlier page set up
    /// (<c>app.UseFastEndpoints()</c>, <c>app</c> being the page's <c>WebApplication</c>): declared of TYPE on hidden lines
    /// before the block's statements (<see cref="Programs.GivenLocals"/>), with no value, so the block is compiled, never
    /// run. Empty without the tag.
    /// </summary>
    public IReadOnlyList<string> Given { get; init; } = [];

    /// <summary>
    /// The block writes results as READMEs do, <c>"HTML".Humanize() => "HTML"</c>: each such line is checked, the
    /// expression's value against the value after <c>=&gt;</c> (<see cref="Compilation.ResultLines"/>).
    /// </summary>
    public bool Results { get; init; }

    /// <summary>
    /// Namespaces the block uses without a <c>using</c> of its own (<c>usings=System.Text,System.Diagnostics</c>): hidden
    /// global usings of its program, as <c>adopt</c> infers them. Empty when not given.
    /// </summary>
    public IReadOnlyList<string> Usings { get => Of<IReadOnlyList<string>>(Settings.Usings) ?? []; init => SettingTags =
        With(Settings.Usings, value); }

    /// <summary>
    /// Pinned NuGet packages the block compiles and runs with, as a hidden <c>#:package</c> would add them
    /// (<c>packages=Spectre.Console@0.57.2</c>): the package a post is about, as <c>adopt</c> infers it. Empty when not given.
    /// </summary>
    internal IReadOnlyList<PackageRequest> Packages { get => Of<IReadOnlyList<PackageRequest>>(Settings.Packages) ?? []; init => SettingTags =
        With(Settings.Packages, value); }

    /// <summary>
    /// <c>frameworks=net9.0+</c> or <c>frameworks=net8.0,net10.0</c>: the frameworks of the run's matrix the block applies
    /// to; on the others it is not applicable (a post about a .NET 10 API says so once). Null: every framework of the run.
    /// </summary>
    internal FrameworkSet? Frameworks { get => Of<FrameworkSet>(Settings.Frameworks); init => SettingTags = With(Settings.Frameworks, value); }

    /// <summary>
    /// <c>sdk=web</c>: the block compiles and runs as a project of the Web SDK would, as a hidden
    /// <c>#:sdk Microsoft.NET.Sdk.Web</c> line makes it (ASP.NET Core's assemblies and the SDK's implicit usings):
    /// what <c>adopt</c> proposes for a block of ASP.NET Core docs.
    /// </summary>
    public bool WebSdk { get; init; }

    /// <summary>The snippet may open TCP connections: it runs in a runner without the sandbox's network rule.</summary>
    public bool Network { get => Of<bool?>(Settings.Network) == true; init => SettingTags = With(Settings.Network, value); }
    /// <summary>The program's command-line arguments, split as a shell would (<c>args="a 'b c'"</c>).</summary>
    public string[]? Args { get; init; }

    /// <summary>Scrubbers named with <c>scrub=duration,hex</c> (or <c>scrub=none</c>); null when not given.</summary>
    public IReadOnlyList<string>? Scrub { get => Of<IReadOnlyList<string>>(Settings.Scrub); init => SettingTags = With(Settings.Scrub, value); }

    /// <summary>Words that belong to a blog engine, not to us (<c>title="Program.cs"</c>).</summary>
    public IReadOnlyList<string> ForeignAttributes { get; init; } = [];

    /// <summary>The tag text as written, info string and comment joined.</summary>
    public string Original { get; init; } = "";

    /// <summary>True when any kind or modifier of ours was given; foreign attributes never count.</summary>
    public bool HasAny =>
        Kind is not null || Name is not null || Session is not null || ExitCode is not null || SettingTags.Count > 0 ||
        Unsafe || Members || Listing || Results || WebSdk || StatementsFirst || Args is not null || Base is not null || Given.Count > 0;

    /// <summary>
    /// Value equality: two blocks tagged alike are equal. A record compares its lists and dictionary by reference,
    /// which would make every parse of the same tags differ.
    /// </summary>
    public bool Equals(SnippetTags? other) =>
        other is not null &&
        (ReferenceEquals(this, other) ||
         Kind == other.Kind && ExpectedException == other.ExpectedException && Name == other.Name && Session == other.Session &&
         ExitCode == other.ExitCode && Unsafe == other.Unsafe && Members == other.Members && Listing == other.Listing && Results == other.Results
         && WebSdk == other.WebSdk && StatementsFirst == other.StatementsFirst && Base == other.Base && Given.SequenceEqual(other.Given) &&
         Original == other.Original &&
         ExpectedErrorIds.SequenceEqual(other.ExpectedErrorIds) && ForeignAttributes.SequenceEqual(other.ForeignAttributes) &&
         (Args ?? []).SequenceEqual(other.Args ?? []) && Args is null == other.Args is null &&
         SettingTags.Count == other.SettingTags.Count &&
         SettingTags.All(tag => other.SettingTags.TryGetValue(tag.Key, out var value) && SameValue(tag.Value, value)));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Name, Session, ExitCode, Original, SettingTags.Count);

    // A setting's value is a scalar, a FrameworkSet (value equality of its own) or a list of either.
    private static bool SameValue(object mine, object theirs) =>
        mine is System.Collections.IEnumerable list and not string && theirs is System.Collections.IEnumerable otherList and not string
            ? list.Cast<object>().SequenceEqual(otherList.Cast<object>())
            : Equals(mine, theirs);
}
