using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Configuration;
using SnippetCheck.Caching.Store;

namespace SnippetCheck.Compilation;

/// <summary>
/// <see cref="CompileSettings"/> but the references, by value: a field each, so no two settings read alike (the lists are
/// item by item, each item's length first, as <see cref="SettingValues.KeyText"/> writes them).
/// </summary>
internal readonly record struct CompileKey(string Framework, LanguageVersion LanguageVersion, NullableContextOptions Nullable,
    BuildConfiguration Configuration, int WarningLevel, bool AllowUnsafe, bool WarningsAsErrors, string Usings, string NoWarn)
{
    /// <summary>Adds each field to a result cache key, labelled.</summary>
    public StoreKey AddTo(StoreKey key) => key
        .Add("compile framework", Framework)
        .Add("compile langversion", LanguageVersion.ToDisplayString())
        .Add("compile nullable", Nullable.ToString())
        .Add("compile configuration", Configuration.ToString())
        .Add("compile warninglevel", WarningLevel)
        .Add("compile unsafe", AllowUnsafe)
        .Add("compile warnaserror", WarningsAsErrors)
        .Add("compile usings", Usings)
        .Add("compile nowarn", NoWarn);
}
