using SnippetCheck.Extraction;
using SnippetCheck.Extraction.Snippets;
using SnippetCheck.Model;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.References;

public sealed class DirectiveReaderTests
{
    /// <summary>Code lines as a block starting on Markdown line 10, column 1.</summary>
    private static DirectiveReading Read(params string[] lines) =>
        DirectiveReader.Read([.. lines.Select((text, i) => new CodeLine(text, 10 + i, 1))], "post.md");

    private static Diagnostic SingleError(DirectiveReading reading) => Assert.Single(reading.Directives.Errors);

    [Fact]
    public void Directive_lines_become_empty_lines_and_every_other_line_stays()
    {
        var reading = Read("#!/usr/bin/env dotnet", "#:package Newtonsoft.Json@13.0.3", "// why", "#r \"nuget: Humanizer, 2.14.1\"", "Console.WriteLine(1);");
        Assert.Equal(["", "", "// why", "", "Console.WriteLine(1);"], reading.Code.Select(l => l.Text));
        Assert.Equal([10, 11, 12, 13, 14], reading.Code.Select(l => l.Line));
        Assert.Equal(["Newtonsoft.Json@13.0.3", "Humanizer@2.14.1"], reading.Directives.Packages.Select(p => $"{p.Id}@{p.Version}"));
        Assert.Equal(new SourceLocation("post.md", 13, 1), reading.Directives.Packages[1].Location);
    }

    [Fact]
    public void A_block_without_directives_reads_as_none()
    {
        var reading = Read("var x = 1;", "Console.WriteLine(x);");
        Assert.Same(SnippetDirectives.None, reading.Directives);
        Assert.Equal("", reading.Directives.Key);
    }

    [Fact]
    public void The_package_set_key_is_sorted_and_ignores_the_case_of_ids()
    {
        var a = Read("#:package Zeta@1.0.0", "#:package alpha@2.0.0").Directives;
        var b = Read("#:package Alpha@2.0.0", "#:package zeta@1.0.0").Directives;
        Assert.Equal("alpha@2.0.0;zeta@1.0.0", a.PackageSet.Key);
        Assert.Equal(a.PackageSet, b.PackageSet);
        Assert.Equal(a.Key, b.Key);
        Assert.NotEqual(a.Key, Read("#:package Alpha@2.0.1", "#:package zeta@1.0.0").Directives.Key);
    }

    [Theory]
    [InlineData("#:package Newtonsoft.Json", "needs a version: '#:package Newtonsoft.Json@VERSION'")]
    [InlineData("#:package Newtonsoft.Json 13.0.3", "write '#:package Newtonsoft.Json@13.0.3'")]
    [InlineData("#:package Bad/Id@1.0.0", "'Bad/Id' is not a NuGet package ID")]
    [InlineData("#r \"nuget: Newtonsoft.Json\"", "needs an ID and a version")]
    [InlineData("#r \"lib/My.dll\"", "list it under \"references\" in snippetcheck.json")]
    [InlineData("#load \"helpers.csx\"", "'#load' (C# script) is not supported")]
    [InlineData("#:include helpers.cs", "'#:include' is not supported")]
    [InlineData("#:sdk Aspire.AppHost.Sdk@13.0.2", "is not supported; snippets build with Microsoft.NET.Sdk or Microsoft.NET.Sdk.Web")]
    [InlineData("#:sdk Microsoft.NET.Sdk.Web@10.0.0", "leave the version out")]
    [InlineData("#:property LangVersion=banana", "not a C# language version")]
    [InlineData("#:property TargetFramework=net7.0", "not a supported target framework (supported: net8.0, net9.0, net10.0)")]
    [InlineData("#:property NoWarn=CS0168", "'#:property NoWarn' is not supported in snippets")]
    [InlineData("#:property LangVersion", "takes 'Name=Value'")]
    [InlineData("#:packages X@1", "unknown directive '#:packages'; did you mean '#:package'?")]
    [InlineData("#:frobnicate", "unknown directive '#:frobnicate' (snippets understand")]
    public void A_malformed_or_unsupported_directive_is_an_error_at_its_own_line(string directive, string message)
    {
        var error = SingleError(Read("// first", directive, "Console.WriteLine(1);"));
        Assert.Equal((DiagnosticCodes.BadDirective, 11, 1), (error.Id, error.Location.Line, error.Location.Column));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Two_versions_of_one_package_in_a_block_conflict()
    {
        var error = SingleError(Read("#:package A@1.0.0", "#:package a@2.0.0"));
        Assert.Equal((DiagnosticCodes.ConflictingDirective, 11), (error.Id, error.Location.Line));
        Assert.Contains("line 10", error.Message);
    }

    [Fact]
    public void Properties_are_validated_and_kept_in_their_canonical_spelling()
    {
        var reading = Read("#:property langversion=13", "#:property Nullable=Disable", "#:property AllowUnsafeBlocks=True", "#:property PublishAot=false");
        Assert.Empty(reading.Directives.Errors);
        Assert.Equal(["LangVersion=13", "Nullable=disable", "AllowUnsafeBlocks=true"], reading.Directives.Properties.Select(p => $"{p.Name}={p.Value}"));
    }

    [Fact]
    public void The_sdk_directive_knows_the_default_and_the_web_sdk()
    {
        Assert.Same(SnippetDirectives.None, Read("#:sdk Microsoft.NET.Sdk").Directives);
        Assert.Equal(new SourceLocation("post.md", 10, 3), Read("  #:sdk Microsoft.NET.Sdk.Web").Directives.WebSdk);
    }

    [Fact]
    public void A_directive_after_code_is_an_error_at_its_column()
    {
        var error = SingleError(Read("Console.WriteLine(1);", "    #:package A@1.0.0"));
        Assert.Equal((11, 5), (error.Location.Line, error.Location.Column));
        Assert.Contains("must come before any code", error.Message);
    }

    [Fact]
    public void A_directive_like_line_inside_a_raw_string_or_comment_after_code_is_code()
    {
        var reading = Read("var s = \"\"\"", "#:package A@1.0.0", "\"\"\";", "/*", "#r \"nuget: B, 1.0.0\"", "*/");
        Assert.Same(SnippetDirectives.None, reading.Directives);
        Assert.Equal("#:package A@1.0.0", reading.Code[1].Text);
    }

    [Fact]
    public void Directives_may_follow_comments_blank_lines_and_preprocessor_lines()
    {
        var reading = Read("/* header", "   still header */", "", "#nullable enable", "#:package A@1.0.0", "#:project ../Lib/Lib.csproj");
        Assert.Empty(reading.Directives.Errors);
        Assert.Equal("A", Assert.Single(reading.Directives.Packages).Id);
        Assert.Equal("../Lib/Lib.csproj", Assert.Single(reading.Directives.Projects).Path);
    }

    [Fact]
    public void The_snippet_reader_blanks_directives_in_snippets_and_preludes()
    {
        var document = Pipeline.Read("<!-- snippetcheck: prelude\n#:package A@1.0.0\nstatic int One() => 1;\n-->\n\n```csharp run\n#:package B@2.0.0\nConsole.WriteLine(One());\n```\n");
        var snippet = Assert.Single(document.Snippets);
        Assert.Equal(["", "Console.WriteLine(One());"], snippet.Code.Select(l => l.Text));
        Assert.Equal("#:package B@2.0.0", snippet.Block.Lines[0].Text);
        Assert.Equal("b@2.0.0", snippet.Directives.PackageSet.Key);
        var prelude = Assert.Single(document.Preludes);
        Assert.Equal("a@1.0.0", prelude.Directives.PackageSet.Key);
        Assert.Equal("", prelude.Lines[0].Text);
    }

    [Fact]
    public void Directive_errors_do_not_make_an_untagged_block_tagged()
    {
        var snippet = Assert.Single(Pipeline.Read("```csharp\n#:sdk Aspire.AppHost.Sdk@13.0.2\nvar x = 1;\n```\n").Snippets);
        Assert.False(snippet.IsTagged);
        Assert.Single(snippet.Directives.Errors);
    }
}
