using SnippetCheck.Model;

namespace SnippetCheck.Configuration;

/// <summary>
/// A setting's value in force: the merged layers' value, else its row's default (<see cref="Setting{T}.DefaultFor"/>), so
/// no reader keeps a default of its own.
/// </summary>
internal static class SettingDefaults
{
    /// <summary>The value <paramref name="config"/> sets, else the default on <paramref name="framework"/> (the tool's by default).</summary>
    public static T In<T>(this Setting<T?> setting, SnippetCheckConfig config, TargetFramework? framework = null) where T : struct =>
        setting.Get(config) ?? setting.DefaultOn(framework);

    /// <inheritdoc cref="In{T}(Setting{T?}, SnippetCheckConfig, TargetFramework?)"/>
    public static T In<T>(this Setting<T?> setting, SnippetCheckConfig config, TargetFramework? framework = null) where T : class =>
        setting.Get(config) ?? setting.DefaultOn(framework);

    /// <summary>The row's default on <paramref name="framework"/> (the tool's by default).</summary>
    public static T DefaultOn<T>(this Setting<T?> setting, TargetFramework? framework = null) where T : struct =>
        setting.DefaultFor?.Invoke(framework ?? TargetFramework.Tool) ?? throw NoDefault(setting);

    /// <inheritdoc cref="DefaultOn{T}(Setting{T?}, TargetFramework?)"/>
    public static T DefaultOn<T>(this Setting<T?> setting, TargetFramework? framework = null) where T : class =>
        setting.DefaultFor?.Invoke(framework ?? TargetFramework.Tool) ?? throw NoDefault(setting);

    private static InvalidOperationException NoDefault(Setting setting) => new($"'{setting.Key}' has no default: not set means none");
}
