namespace SnippetCheck.Configuration;

/// <summary>A tag's value read: the value it gives a block, or what is wrong with it (the message names the tag).</summary>
internal readonly record struct TagReading(object? Value, string? Problem)
{
    public static TagReading Good(object value) => new(value, null);

    public static TagReading Bad(string problem) => new(null, problem);
}
