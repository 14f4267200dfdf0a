namespace SnippetCheck.Configuration;

/// <summary>Something done with a setting of its own type (<see cref="Setting.Accept"/>).</summary>
public interface ISettingVisitor<out TResult>
{
    /// <summary>Does it with <paramref name="setting"/>, typed.</summary>
    TResult Visit<T>(Setting<T> setting);
}
