namespace SnippetCheck.Tests.Infrastructure;

/// <summary>A fresh folder under the system temp folder, removed on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "snippetcheck-tests", Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>Writes a file (creating folders) and returns its full path.</summary>
    public string Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    /// <summary>Copies a sample from Samples/ into this folder and returns its full path.</summary>
    public string CopySample(string sample, string? as_ = null)
    {
        var target = System.IO.Path.Combine(Path, as_ ?? sample);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        File.Copy(Samples.PathOf(sample), target, overwrite: true);
        return target;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A test's leftovers in temp are harmless.
        }
    }
}

public static class Samples
{
    public static string Directory => System.IO.Path.Combine(AppContext.BaseDirectory, "Samples");

    public static string PathOf(string name) => System.IO.Path.Combine(Directory, name);
}
