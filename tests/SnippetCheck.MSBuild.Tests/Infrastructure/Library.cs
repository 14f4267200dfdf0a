namespace SnippetCheck.MSBuild.Tests.Infrastructure;

/// <summary>A small library and the docs that call it, for the library layouts; line numbers matter and are noted.</summary>
public static class Library
{
    /// <summary>The library's one class; C# 7.3, so that it also builds for netstandard2.0.</summary>
    public const string Greeter = """
        namespace Greetings
        {
            /// <summary>Greets people.</summary>
            public static class Greeter
            {
                /// <summary>A friendly greeting.</summary>
                public static string Greet(string name) { return "Hello, " + name + "!"; }
            }
        }

        """;

    /// <summary><see cref="Greeter"/> after its method was renamed: the docs' <c>Greeter.Greet</c> no longer exists.</summary>
    public static readonly string Renamed = Greeter.Replace("Greet(string name)", "Hail(string name)", StringComparison.Ordinal);

    /// <summary>A guide that calls <c>Greeter.Greet</c> at line 6, column 27 (where <c>Greet</c> starts).</summary>
    public const string Guide = """
        # Greeting

        ```csharp run
        using Greetings;

        Console.WriteLine(Greeter.Greet("Ada"));
        ```

        ```output
        Hello, Ada!
        ```

        """;

    /// <summary>
    /// The same class with a doc-comment example whose output block is wrong (<c>Hi, Ada.</c>); the output
    /// <c>&lt;code&gt;</c> is line 11, its body line 12.
    /// </summary>
    public const string RottenDocComment = """
        namespace Greetings
        {
            /// <summary>Greets people.</summary>
            public static class Greeter
            {
                /// <summary>A friendly greeting.</summary>
                /// <example>
                /// <code snippetcheck="run">
                /// Console.WriteLine(Greeter.Greet("Ada"));
                /// </code>
                /// <code snippetcheck="output">
                /// Hi, Ada.
                /// </code>
                /// </example>
                public static string Greet(string name) { return "Hello, " + name + "!"; }
            }
        }

        """;

    public static readonly string FixedDocComment = RottenDocComment.Replace("/// Hi, Ada.", "/// Hello, Ada!", StringComparison.Ordinal);

    /// <summary>A <c>snippetcheck.json</c> whose <c>references</c> name a project, the form docs/packages.md recommends.</summary>
    public static string ConfigReferencing(string project) => $$"""{ "references": ["{{project}}"] }""";

    /// <summary>A plain library project, without SnippetCheck.</summary>
    public const string PlainProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
          </PropertyGroup>
        </Project>
        """;
}
