using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// A package whose generic type shares its namespace's name, as ErrorOr's <c>ErrorOr.ErrorOr&lt;T&gt;</c> does: without the
/// namespace imported, <c>ErrorOr&lt;User&gt;</c> binds to the namespace (CS0307), which adopt did not read as a missing
/// using; 51 of ErrorOr's 53 README blocks stayed unverified, most with that error.
/// </summary>
[TakesSeconds(30)]
public sealed class AdoptNamespaceNamedTypeTests
{
    [Fact]
    public async Task A_generic_type_named_as_its_namespace_gets_the_namespace_as_a_hidden_using_and_a_misspelt_member_fails()
    {
        using var docs = AdoptInProcess.WithFeed().Pack("Outcome", "1.0.0", """
            namespace Outcome
            {
                public readonly struct Outcome<T>
                {
                    public Outcome(T value) => Value = value;
                    public T Value { get; }
                    public static implicit operator Outcome<T>(T value) => new(value);
                }
            }
            """);
        docs.Write("readme.md", """
            # Outcome

            ```shell
            dotnet add package Outcome
            ```

            ```csharp
            static Outcome<int> Half(int n) => n / 2;

            Console.WriteLine(Half(8).Value);
            ```
            """);

        var page = await docs.AdoptWrittenAsync("readme.md");

        Assert.Contains("<!-- snippetcheck: run usings=Outcome packages=Outcome -->", page);
        docs.Verifies();
        docs.MutantsFail("readme.md", page, new[] { ("Half(8).Value", "Half(8).Valu") });
    }
}
