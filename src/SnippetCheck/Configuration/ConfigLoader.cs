using System.Text.Json;

namespace SnippetCheck.Configuration;

/// <summary>Finds and reads <c>snippetcheck.json</c> (JSON with comments and trailing commas allowed).</summary>
internal static class ConfigLoader
{
    /// <summary>How the tool writes a JSON string into a config (adopt's <c>hiddenCode</c>): as readable as JSON allows.</summary>
    public static readonly JsonSerializerOptions Strings = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The config file's name, looked for in a folder and the folders above it.</summary>
    public const string FileName = "snippetcheck.json";

    /// <summary>The config file in <paramref name="directory"/> or the nearest folder above it, if any.</summary>
    public static string? Find(string directory)
    {
        for (var current = new DirectoryInfo(Path.GetFullPath(directory)); current is not null; current = current.Parent)
        {
            var candidate = Path.Combine(current.FullName, FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>Reads a config file. Throws <see cref="ConfigException"/> for anything wrong in it.</summary>
    /// <param name="untrusted"><c>--untrusted</c>: a value that widens the sandbox is refused (<see cref="Untrusted"/>).</param>
    internal static SnippetCheckConfig Load(string path, bool untrusted = false)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(path, 0, $"cannot read the config file: {e.Message}");
        }
        return Parse(path, text, untrusted);
    }

    /// <summary>
    /// Reads <paramref name="text"/> as the config file at <paramref name="path"/> would be read (what a tool that edits the
    /// config checks its edit with). Throws <see cref="ConfigException"/> for anything wrong in it.
    /// </summary>
    public static SnippetCheckConfig ReadText(string path, string text) => Parse(path, text);

    internal static SnippetCheckConfig Parse(string path, string text, bool untrusted = false)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ConfigException(path, (int)(e.LineNumber ?? 0) + 1, $"not valid JSON: {e.Message}");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new ConfigException(path, 1, "the config must be a JSON object");
            var lines = new Dictionary<string, int>();
            var values = new Dictionary<string, RawValue>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "$schema") continue;
                values[property.Name] = new RawValue(ToRaw(path, property), LineOf(text, property.Name));
            }
            return ConfigReader.Read(path, values, isFrontMatter: false, untrusted) with { SourcePath = Path.GetFullPath(path) };
        }
    }

    private static object ToRaw(string path, JsonProperty property) => property.Value.ValueKind switch
    {
        JsonValueKind.String => property.Value.GetString()!,
        JsonValueKind.Number => property.Value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array when property.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
            (IReadOnlyList<string>)[.. property.Value.EnumerateArray().Select(e => e.GetString()!)],
        // "scrubbers": a list of objects, each read as its fields' texts (a non-string field keeps its JSON, to be refused).
        JsonValueKind.Array when property.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object) =>
            (IReadOnlyList<IReadOnlyDictionary<string, string>>)[.. property.Value.EnumerateArray().Select(e =>
                (IReadOnlyDictionary<string, string>)e.EnumerateObject().ToDictionary(p => p.Name,
                    p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal))],
        _ => property.Value.GetRawText(),
    };

    /// <summary>The line of <paramref name="key"/> in the config file at <paramref name="path"/> (1 when it cannot tell), for a report.</summary>
    internal static int LineOfKey(string path, string key)
    {
        try
        {
            return LineOf(File.ReadAllText(path), key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 1;
        }
    }

    private static int LineOf(string text, string key)
    {
        var index = text.IndexOf($"\"{key}\"", StringComparison.Ordinal);
        return index < 0 ? 1 : text.AsSpan(0, index).Count('\n') + 1;
    }

    /// <summary>The starter config <c>snippetcheck init</c> writes.</summary>
    public const string StarterConfig = """
        {
          // SnippetCheck configuration. Every key is optional; these are the defaults.
          // Docs: https://github.com/snippetcheck/snippetcheck#configuration

          // Which Markdown files to verify, relative to this file. bin, obj, node_modules
          // and dot-folders are always excluded.
          "include": ["**/*.md", "**/*.markdown", "**/*.mdx"],
          "exclude": [],

          // "tagged": verify only tagged C# blocks. "all": also compile every untagged one.
          "mode": "tagged",

          // How long one snippet may run ("500ms", "10s", "2m").
          "timeout": "10s",

          // The .NET versions every snippet compiles against and runs on, each in turn
          // (default: the tool's own). A block narrows it with the tag frameworks=net9.0+.
          // "frameworks": ["net8.0", "net10.0"],

          // The C# version and nullable context snippets compile with (what net10.0 projects get).
          "langVersion": "14",
          "nullable": "enable",

          // "Debug", as dotnet run builds (DEBUG defined), or "Release" (no DEBUG, optimized code).
          "configuration": "Debug",

          // The compiler's warning level (net10.0 projects get 10).
          "warningLevel": 10,

          // Global usings, as a console project gets them.
          "usings": ["System", "System.Collections.Generic", "System.IO", "System.Linq",
                     "System.Net.Http", "System.Threading", "System.Threading.Tasks"],

          // Extra assemblies (.dll) or projects (.csproj) every snippet can use.
          "references": [],

          // Environment variables snippets may see, besides PATH, HOME, TMPDIR, LANG and DOTNET_*.
          "environment": [],

          // Snippets run at once (default: the number of processors).
          // "parallelism": 4,

          // The most memory one snippet's process may use for its heap ("512MB", "1GB", "2GiB");
          // a snippet that allocates more fails with an OutOfMemoryException.
          "memoryLimit": "1GB",

          // Keep passing results in .snippetcheck/cache and skip them when nothing changed.
          "cache": true,

          // Treat words in info strings that are not SnippetCheck tags as errors instead of warnings.
          "strictTags": false,

          // Info-string words your blog engine uses ({linenos=table}, title="Program.cs"): never warned about.
          "engineWords": []
        }

        """;
}
