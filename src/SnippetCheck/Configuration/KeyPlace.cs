namespace SnippetCheck.Configuration;

/// <summary>
/// Where a setting enters a program's cache key (<c>Caching/CacheKey.cs</c>). A setting that can change a verdict is
/// keyed: its value, merged for the file, is in every program's key (<see cref="Settings.AddKeyed"/>), besides what the
/// tags and compile settings add. Only a setting that cannot change any program's verdict is left out, with the reason.
/// </summary>
internal readonly record struct KeyPlace(bool Keyed, string Where)
{
    /// <summary>It can change a verdict: in every program's key (and <paramref name="where"/> says what else carries it).</summary>
    public static KeyPlace In(string where) => new(true, where);

    /// <summary>
    /// It changes verdicts only through a value worked out for each program, keyed there (<paramref name="where"/>): the
    /// file's value itself is not the program's (a matrix is not the framework of one pass).
    /// </summary>
    public static KeyPlace Through(string where) => new(false, where);

    /// <summary>It changes no program's verdict: <paramref name="why"/>.</summary>
    public static KeyPlace None(string why) => new(false, "none: " + why);

    /// <summary>What <see cref="Where"/> says.</summary>
    public override string ToString() => Where;
}
