using System.Globalization;
using SnippetCheck.Configuration;
using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>
/// Parses tag words into <see cref="SnippetTags"/>. Words that are not ours are kept as foreign attributes;
/// a near miss of ours (<c>rnu</c>, <c>timout=2s</c>) is an annotation error that names what was meant.
/// </summary>
internal static partial class TagParser
{
    private static readonly IReadOnlyList<string> KindWords = KindRules.Words;

    // The words of ours that are neither a kind (KindRules) nor a setting's (Settings' tag rules), where reports
    // and the cache key name them too.
    internal const string Unsafe = "unsafe", Members = "members", Results = "results", Listing = "listing";
    internal const string Base = "base", Given = "given", StatementsFirst = "statements-first";
    internal const string Output = "output", Stdin = "stdin", Ellipsis = "ellipsis", Unordered = "unordered", Prelude = "prelude";

    /// <summary>The tags that are one word (<c>members</c>) and no setting, each with what it sets.</summary>
    private static readonly (string Word, Func<SnippetTags, SnippetTags> Set)[] FlagTags =
    [
        (Unsafe, tags => tags with { Unsafe = true }),
        (Members, tags => tags with { Members = true }),
        (Results, tags => tags with { Results = true }),
        (Listing, tags => tags with { Listing = true }),
        (StatementsFirst, tags => tags with { StatementsFirst = true }),
    ];

    /// <summary>
    /// The tags that take a value (<c>exit=1</c>) and are no setting, each with what a good value sets and what a bad one
    /// is told. The tags of settings (<c>timeout=2s</c>, <c>network</c>) are the rows of <see cref="Settings"/> with a
    /// <see cref="TagRule"/>: <see cref="SettingTags"/>.
    /// </summary>
    private static readonly (string Key, Func<SnippetTags, string, TagValue> Read)[] ValueTags =
    [
        ("name", (tags, value) => SettingValues.IsId(value) ? tags with { Name = value } : TagValue.Bad(NotAnId("name", value))),
        ("session", (tags, value) => SettingValues.IsId(value) ? tags with { Session = value } : TagValue.Bad(NotAnId("session", value))),
        ("exit", (tags, value) => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exit)
            ? tags with { ExitCode = exit } : TagValue.Bad($"'exit={value}' is not a whole number")),
        ("args", (tags, value) => tags with { Args = SettingValues.SplitArgs(value) }),
        ("sdk", (tags, value) => value == "web" ? tags with { WebSdk = true }
            : TagValue.Bad($"'sdk={value}': the one SDK a tag names is the Web SDK, sdk=web (a hidden '#:sdk {DirectiveReader.WebSdk}')")),
        (SnippetKind.CompileFail.ToTag(), (tags, value) => SettingValues.TryParseDiagnosticIds(value, out var ids)
            ? tags with { ExpectedErrorIds = ids }
            : TagValue.Bad($"'{SnippetKind.CompileFail.ToTag()}={value}' must list compiler error IDs such as CS0029,CS0103")),
        (Base, (tags, value) => IsBaseType(SplitBase(value).Type)
            ? tags with { Base = value }
            : TagValue.Bad(
                $"'base={value}' is not a class name such as AbstractValidator<Customer> or PersonValidator:AbstractValidator<Person>")),
        (Given, (tags, value) => ParseGiven(value) switch
        {
            ({ } given, null) => tags with { Given = given },
            (_, var problem) => TagValue.Bad($"'given={value}': {problem}"),
        }),
        (SnippetKind.Throws.ToTag(), (tags, value) => SettingValues.IsTypeName(value)
            ? tags with { ExpectedException = value } : TagValue.Bad($"'{SnippetKind.Throws.ToTag()}={value}' is not an exception type name")),
    ];

    /// <summary>The settings a block's tag sets, by tag word (<see cref="Setting.Tag"/>).</summary>
    private static readonly Dictionary<string, Setting> SettingTags =
        Settings.All.Where(s => s.Tag is not null).ToDictionary(s => s.Tag!.Word, StringComparer.Ordinal);

    /// <summary>A tag's value read: the tags it gives, or what is wrong with it.</summary>
    private readonly record struct TagValue(SnippetTags? Tags, string? Problem)
    {
        public static implicit operator TagValue(SnippetTags tags) => new(tags, null);

        public static TagValue Bad(string problem) => new(null, problem);
    }

    private static readonly string[] FlagWords = [.. SettingTags.Where(t => t.Value.Tag!.IsFlag).Select(t => t.Key), .. FlagTags.Select(f => f.Word)];
    private static readonly string[] ValueKeys =
        [.. ValueTags.Select(t => t.Key), .. SettingTags.Where(t => !t.Value.Tag!.IsFlag).Select(t => t.Key)];

    private static string NotAnId(string key, string value) => $"'{key}={value}' is not a valid ID (letters, digits, '-' and '_')";

    // Words of ours that make no sense on a C# block but are worth a hint when misspelt there.
    private static readonly string[] OtherWords = [Output, Stdin, Ellipsis, Unordered, Prelude];

    /// <param name="engineWords">
    /// Words declared as the blog engine's (config <c>engineWords</c>): kept as foreign attributes without a warning.
    /// </param>
    public static (SnippetTags Tags, List<Diagnostic> Diagnostics) Parse(
        IEnumerable<TagSource> sources, bool strictTags, IReadOnlyCollection<string>? engineWords = null)
    {
        var parse = new TagWords(strictTags, engineWords);
        foreach (var source in sources)
        {
            parse.AddSource(source.Text);
            foreach (var word in Tokenize(source.Text)) parse.Read(word, source.Location);
        }
        return parse.Finish();
    }

    /// <summary>One block's tag words as they are read: each word goes to the first rule that takes it, in order.</summary>
    private sealed class TagWords(bool strictTags, IReadOnlyCollection<string>? engineWords)
    {
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly Dictionary<string, (string Value, SourceLocation Where)> _values = new(StringComparer.OrdinalIgnoreCase);
        private readonly List<(SnippetKind Kind, string Word, SourceLocation Where)> _kinds = [];
        private readonly List<string> _foreign = [];
        private readonly List<string> _original = [];
        private SnippetTags _tags = new();

        public void AddSource(string text)
        {
            if (!string.IsNullOrWhiteSpace(text)) _original.Add(text.Trim());
        }

        public void Read(string word, SourceLocation where)
        {
            var (key, value) = SplitWord(word);
            var lowerKey = key.ToLowerInvariant();
            if (value is null && KindWords.Contains(lowerKey)) _kinds.Add((ParseKind(lowerKey), word, where));
            else if (value is null && FlagWords.Contains(lowerKey)) _tags = SetFlag(_tags, lowerKey);
            else if (value is not null && ValueKeys.Contains(lowerKey)) AddValue(lowerKey, value, word, where);
            else if (NearMiss(key, value is not null) is { } meant)
            {
                _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.UnknownTag, $"unknown tag '{word}'{EditDistance.DidYouMean(meant)}", where)
                    with { Suggestion = new(word, meant) });
            }
            else if (KindWords.Contains(lowerKey) || FlagWords.Contains(lowerKey) || ValueKeys.Contains(lowerKey))
            {
                // Ours, but in the wrong shape: 'exit' without a value, 'unsafe=yes'.
                _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadTagValue,
                    value is null ? $"'{key}' needs a value ({key}=...)" : $"'{key}' takes no value", where));
            }
            else AddForeign(word, where);
        }

        private static SnippetTags SetFlag(SnippetTags tags, string flag) => SettingTags.TryGetValue(flag, out var setting)
            ? tags with { SettingTags = tags.SettingTags.SetItem(setting, true) }
            : FlagTags.First(f => f.Word == flag).Set(tags);

        /// <summary>A <c>key=value</c> word, read when all are in; the same key twice with two values is a conflict.</summary>
        private void AddValue(string key, string value, string word, SourceLocation where)
        {
            if (_values.TryGetValue(key, out var existing) && existing.Value != value)
            {
                _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.ConflictingTag,
                    $"'{key}' is given twice with different values ('{existing.Value}' and '{value}')", where));
                return;
            }
            _values[key] = (value, where);
            if (KindRules.FromTag(key) is { } kind) _kinds.Add((kind, word, where)); // compile-fail=…, throws=…
        }

        /// <summary>A word that is not ours: kept for the blog engine, with a warning unless config declares it the engine's.</summary>
        private void AddForeign(string word, SourceLocation where)
        {
            _foreign.Add(word);
            if (IsEngineWord(word, engineWords)) return;
            _diagnostics.Add(new Diagnostic(DiagnosticCodes.ForeignAttribute,
                strictTags ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                $"'{word}' is not a SnippetCheck tag; left alone as a foreign attribute " +
                $"(add '{EngineKey(word)}' to \"engineWords\" in snippetcheck.json if your blog engine uses it)", where));
        }

        /// <summary>The tags: at most one kind, then every value read.</summary>
        public (SnippetTags Tags, List<Diagnostic> Diagnostics) Finish()
        {
            if (_kinds.Select(k => k.Kind).Distinct().Count() > 1)
            {
                _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TwoKinds,
                    $"a snippet has at most one kind, but it says {string.Join(" and ", _kinds.Select(k => $"'{k.Word}'").Distinct())}",
                    _kinds[1].Where));
            }
            var tags = _kinds.Count > 0 ? _tags with { Kind = _kinds[0].Kind } : _tags;
            foreach (var (key, (value, where)) in _values) tags = ApplyValue(tags, key, value, where, _diagnostics);
            return (tags with { ForeignAttributes = _foreign, Original = string.Join(' ', _original) }, _diagnostics);
        }
    }

    /// <summary>
    /// True when every attribute in the word is a declared engine word: <c>title="x"</c> for <c>title</c>,
    /// <c>{linenos=table,hl_lines=[8,"15-17"]}</c> for <c>linenos</c> and <c>hl_lines</c> (Hugo's braces and commas).
    /// </summary>
    internal static bool IsEngineWord(string word, IReadOnlyCollection<string>? engineWords)
    {
        if (engineWords is not { Count: > 0 }) return false;
        var inner = word.StartsWith('{') && word.EndsWith('}') ? word[1..^1] : word;
        var keys = new List<string>();
        var (depth, quoted, start) = (0, false, 0);
        for (var i = 0; i <= inner.Length; i++)
        {
            if (i == inner.Length || (inner[i] == ',' && depth == 0 && !quoted))
            {
                keys.Add(inner[start..i].Split('=')[0].Trim().Trim('"'));
                start = i + 1;
            }
            else if (inner[i] == '"') quoted = !quoted;
            else if (!quoted && inner[i] is '[' or '{') depth++;
            else if (!quoted && inner[i] is ']' or '}') depth--;
        }
        return keys.All(k => k.Length > 0 && engineWords.Contains(k, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The word's first attribute name, as <c>engineWords</c> lists it (<c>linenos</c> for <c>{linenos=table}</c>).</summary>
    private static string EngineKey(string word) => word.TrimStart('{').Split('=', ',')[0].Trim('"', '}');

    private static SnippetKind ParseKind(string word) => KindRules.FromTag(word) ?? throw new ArgumentOutOfRangeException(nameof(word));

    private static SnippetTags ApplyValue(SnippetTags tags, string key, string value, SourceLocation where, List<Diagnostic> diagnostics)
    {
        var read = SettingTags.TryGetValue(key, out var setting)
            ? ApplySetting(tags, setting, value, where)
            : ValueTags.First(t => t.Key == key).Read(tags, value);
        if (read.Tags is { } applied) return applied;
        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.BadTagValue, read.Problem!, where));
        return tags;
    }

    private static TagValue ApplySetting(SnippetTags tags, Setting setting, string value, SourceLocation where)
    {
        var reading = setting.Tag!.Read(value, where);
        return reading.Problem is null
            ? tags with { SettingTags = tags.SettingTags.SetItem(setting, reading.Value!) }
            : TagValue.Bad(reading.Problem);
    }

    /// <summary>
    /// The tag or key that <paramref name="word"/> most likely meant (<see cref="EditDistance.NearMiss"/>); a word of
    /// ours in another case is read as ours before a near miss is sought, so it is no candidate.
    /// </summary>
    public static string? NearMiss(string word, bool hasValue)
    {
        var candidates = hasValue ? ValueKeys : KindWords.Concat(FlagWords).Concat(OtherWords);
        return EditDistance.NearMiss(word, candidates.Where(c => !c.Equals(word, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>
    /// A <c>base=</c> value read: <c>NAME:TYPE</c> names the class the tool adds, as the page's later blocks construct it
    /// (<c>PersonValidator:AbstractValidator&lt;Person&gt;</c>, which later blocks call by name); a bare <c>TYPE</c> leaves it nameless to the page.
    /// </summary>
    internal static (string? Name, string Type) SplitBase(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon + 1 < value.Length && value[colon + 1] != ':'
            && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(value[..colon])
            ? (value[..colon], value[(colon + 1)..]) : (null, value);
    }

    /// <summary>True when <paramref name="text"/> reads as one type name, generic arguments and all, with no space in it (<c>base=</c>).</summary>
    internal static bool IsBaseType(string text) =>
        text.Length > 0 && !text.Any(char.IsWhiteSpace) &&
        Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseTypeName(text)
            is Microsoft.CodeAnalysis.CSharp.Syntax.NameSyntax { IsMissing: false } name &&
        name.FullSpan.Length == text.Length && !name.ContainsDiagnostics;
}
