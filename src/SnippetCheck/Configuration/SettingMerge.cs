namespace SnippetCheck.Configuration;

/// <summary>
/// How a setting's layers meet, as code (<see cref="Setting.Merge"/>). Between layers (the SDK's default, config, front
/// matter, the command line) the nearest set value wins (<see cref="Layers{T}(T, T?)"/>); a block's tag meets the value
/// under it by the row's rule (<see cref="WithTag{T}(T, T?)"/> and its overloads), which a program's compile settings
/// read for each block. Each reader checks the rule is its kind, so a row whose rule changes cannot be read the old way.
/// </summary>
internal sealed class SettingMerge
{
    private enum TagRuleKind { None, Replaces, TurnsOn, Adds, Narrows }

    private readonly TagRuleKind _tag;
    private readonly StringComparer _comparer;

    private SettingMerge(string text, TagRuleKind tag, StringComparer? comparer = null)
    {
        Text = text;
        _tag = tag;
        _comparer = comparer ?? StringComparer.Ordinal;
    }

    /// <summary>The rule in words, as docs/configuration.md's settings table gives it.</summary>
    public string Text { get; }

    /// <summary>No tag: the nearest layer that sets it wins.</summary>
    public static SettingMerge Nearest { get; } = new("the nearest layer that sets it wins", TagRuleKind.None);

    /// <summary>No tag, and <paramref name="also"/> joins outside the layers (the library under test, the page's preludes).</summary>
    public static SettingMerge NearestThen(string also) => new(also, TagRuleKind.None);

    /// <summary>A block's tag wins; within a program, the first block that tags it.</summary>
    public static SettingMerge TagReplaces(string text) => new(text, TagRuleKind.Replaces);

    /// <summary>A flag: any block's tag turns it on, as a layer does.</summary>
    public static SettingMerge TagTurnsOn(string text) => new(text, TagRuleKind.TurnsOn);

    /// <summary>A list: a block's tag adds what the value under it lacks, by <paramref name="comparer"/>.</summary>
    public static SettingMerge TagAdds(string text, StringComparer? comparer = null) => new(text, TagRuleKind.Adds, comparer);

    /// <summary>The matrix: a block's tag keeps only the frameworks it names (<c>Model.FrameworkSet.Within</c>).</summary>
    public static SettingMerge TagNarrows(string text) => new(text, TagRuleKind.Narrows);

    /// <summary>The nearer layer's value when it sets one.</summary>
    public T Layers<T>(T under, T? over) where T : struct => over ?? under;

    /// <summary>The nearer layer's value when it sets one (null is "not set here").</summary>
    public T Layers<T>(T under, T? over) => over is null ? under : over;

    /// <summary>A block's tag over <paramref name="under"/> for a rule that replaces.</summary>
    public T WithTag<T>(T under, T? tag) where T : struct => Is(TagRuleKind.Replaces) ? tag ?? under : under;

    /// <summary>A block's flag over <paramref name="under"/> for a rule that turns it on.</summary>
    public bool WithTag(bool under, bool tag) => Is(TagRuleKind.TurnsOn) && (under || tag);

    /// <summary>A block's list over <paramref name="under"/> for a rule that adds: its order, then what the tag brings new.</summary>
    public IReadOnlyList<string> WithTag(IReadOnlyList<string> under, IReadOnlyList<string>? tag) =>
        Is(TagRuleKind.Adds) && tag is { Count: > 0 } ? [.. under, .. tag.Where(t => !under.Contains(t, _comparer)).Distinct(_comparer)] : under;

    private bool Is(TagRuleKind kind) => _tag == kind
        ? true
        : throw new InvalidOperationException($"the merge '{Text}' is no {kind} rule");

    /// <summary>What <see cref="Text"/> says.</summary>
    public override string ToString() => Text;
}
