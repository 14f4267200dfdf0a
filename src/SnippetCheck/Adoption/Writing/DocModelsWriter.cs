using System.Text.Json;
using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Configuration;
using SnippetCheck.Editing;

namespace SnippetCheck.Adoption.Writing;

/// <summary>
/// Writes the doc set's models a proposal uses (<see cref="DocModels.Code"/>) into the config's <c>hiddenCode</c>, as
/// <see cref="DocSetPins"/> writes its pins: through <see cref="ConfigWriter"/>, so a config already there keeps every other byte.
/// </summary>
internal static class DocModelsWriter
{
    /// <summary>
    /// Writes the models the namespaces <paramref name="usings"/> name (the proposals' hidden usings) into the config in
    /// <paramref name="directory"/>; nothing when no proposal uses a model.
    /// </summary>
    /// <exception cref="IOException">The config could not be read or written.</exception>
    public static void Write(DocModels models, string directory, IEnumerable<string> usings)
    {
        if (models.Code(usings) is not { Count: > 0 } code) return;
        var path = Path.Combine(directory, DocModels.FileName);
        var problem = ConfigWriter.AddToList(path, DocModels.FileName, Settings.HiddenCode.Key,
            [.. code.Select(line => JsonSerializer.Serialize(line, ConfigLoader.Strings))], onePerLine: true,
            text => ReadsBack(path, text, code), "with the models");
        if (problem is not null) throw new IOException(problem);
    }

    /// <summary>The config's text reads back with <paramref name="code"/> at the end of its <c>hiddenCode</c>.</summary>
    private static bool ReadsBack(string path, string text, IReadOnlyList<string> code)
    {
        try
        {
            return ConfigLoader.ReadText(path, text).HiddenCode?.TakeLast(code.Count).SequenceEqual(code, StringComparer.Ordinal) == true;
        }
        catch (ConfigException)
        {
            return false;
        }
    }
}
