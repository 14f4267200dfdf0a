using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 54: a receiver another block sets up as a lambda's parameter. Quartz's docs show <c>services.AddQuartz(q =&gt; …)</c>
/// once and then <c>q.UseInMemoryStore();</c> alone; AutoMapper's <c>new MapperConfiguration(cfg =&gt; …)</c> and then
/// <c>cfg.CreateMap&lt;A, B&gt;();</c>. <c>adopt</c> binds the block with the lambda, reads the parameter's type from the
/// compiler, and gives the bare local of the other page that type on a hidden line; its calls then bind, so a misspelt one,
/// or one with an argument too many, fails. Here with the framework alone: <c>Flush</c> and <c>Dispose</c> fit many types
/// alike (streams, writers), so the calls alone give <c>stream</c> no type; the lambda does.
/// </summary>
public sealed class AdoptLambdaReceiversTests
{
    private const string Setup = """
        # Streams

        ```csharp
        var streams = new List<MemoryStream> { new() };
        streams.ForEach(stream => stream.WriteByte(1));
        ```
        """;

    private const string Close = """
        # Closing

        Inside the loop above:

        ```csharp
        stream.Flush();
        stream.Dispose();
        ```
        """;

    [Fact]
    public async Task A_bare_local_another_block_sets_up_as_a_lambdas_parameter_is_given_its_type_and_mutants_of_its_calls_fail()
    {
        using var docs = new AdoptInProcess();
        docs.Write("docs/setup.md", Setup);
        docs.Write("docs/close.md", Close);

        await docs.AdoptWriteAsync("docs");
        var close = docs.Read("docs/close.md");
        Assert.Contains("<!-- snippetcheck: compile given=stream:MemoryStream -->\n```csharp\nstream.Flush();", close);

        docs.Verifies(cache: true, "docs");
        docs.MutantsFail("docs/close.md", close, new[] { ("stream.Flush()", "stream.Flushq()"), ("stream.Flush()", "stream.Flush(1)"),
            ("stream.Dispose()", "stream.Disposeq()") }, "docs");
    }
}
