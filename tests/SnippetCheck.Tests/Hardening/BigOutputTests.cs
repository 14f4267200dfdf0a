using System.Text;
using SnippetCheck.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Hardening;

/// <summary>
/// Output up to the 1 MiB cap (counted in characters) is an ordinary output, on every path a snippet can take: alone,
/// merged, in a session, one after another on a reused runner. The sizes sit around the channel's frame and buffer
/// bounds (a frame's buffer is shrunk after a big message), in one- and three-byte UTF-8 characters (issue 75, item 5:
/// a 768 KiB output once crashed the runner in <c>RunnerChannel.Send</c>). Over the cap is <c>output-limit</c>.
/// </summary>
public sealed class BigOutputTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    /// <summary>Sizes in KiB of characters, and whether the run stays within the cap.</summary>
    private static readonly (string Name, int Characters, bool WithinCap)[] Sizes =
    [
        ("half", 512 * 1024, true), ("three-quarters", 768 * 1024, true), ("nine-tenths", 922 * 1024, true),
        ("at-cap", 1024 * 1024, true), ("over-cap", 1126 * 1024, false),
    ];

    /// <summary>
    /// A snippet printing <paramref name="characters"/> of <paramref name="character"/>. On the session path each one is the
    /// second block of a session of its own (the cap is a run's, and a session is one run), after a block it uses.
    /// </summary>
    private static string Printing(string name, int characters, char character, bool session)
    {
        var tags = session ? $"session={name}" : "";
        var opening = session ? $"```csharp run {tags}\nvar repeat = {characters};\n```\n\n" : "";
        var count = session ? "repeat" : characters.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $$"""
            {{opening}}<!-- snippetcheck: name={{name}} -->
            ```csharp run {{tags}}
            Console.Out.Write(new string('\u{{(int)character:x4}}', {{count}}));
            ```

            """;
    }

    /// <summary>Every size in ASCII and in '€' (three UTF-8 bytes), then a small snippet that must still pass on the same runner.</summary>
    private static string Post(bool session)
    {
        var post = new StringBuilder("# Big outputs\n\n");
        foreach (var (name, characters, _) in Sizes)
        {
            post.Append(Printing($"{name}-ascii", characters, 'x', session)).Append('\n');
            post.Append(Printing($"{name}-euro", characters, '€', session)).Append('\n');
        }
        post.Append("<!-- snippetcheck: name=after -->\n```csharp run\nConsole.WriteLine(\"still here\");\n```\n\n```output\nstill here\n```\n");
        return post.ToString();
    }

    [SandboxTheory(SandboxFeature.Filesystem)]
    [InlineData("merged", false, new string[0])]
    [InlineData("alone", false, new[] { "--no-merge" })]
    [InlineData("reused-runner", false, new[] { "--no-merge", "--parallel", "1" })]
    [InlineData("session", true, new string[0])]
    public void Output_up_to_the_cap_passes_and_over_it_is_output_limit_on_every_path(string path, bool session, string[] args)
    {
        _folder.Write("big.md", Post(session));
        var result = CliRunner.Run(_folder.Path, ["verify", "big.md", "--no-cache", "--report", "json=report.json", .. args]);
        output.WriteLine($"{path}: exit {result.ExitCode}\n{result.Output}");
        var report = JsonReport.Load(Path.Combine(_folder.Path, "report.json"));
        foreach (var (name, _, withinCap) in Sizes)
        {
            foreach (var suffix in (string[])["ascii", "euro"])
            {
                var snippet = report.Snippet($"{name}-{suffix}");
                Assert.True(withinCap ? snippet.Str("status") == "passed"
                    : (snippet.Str("status"), snippet.Str("reason")) == ("failed", "output-limit"), $"{path} {name}-{suffix}: {snippet}");
            }
        }
        Assert.Equal("passed", report.Snippet("after").Str("status"));
    }

    public void Dispose() => _folder.Dispose();
}
