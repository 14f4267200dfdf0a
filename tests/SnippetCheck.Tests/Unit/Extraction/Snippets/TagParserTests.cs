using SnippetCheck.Configuration;
using SnippetCheck.Model;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Tests.Unit.Extraction.Snippets;

public sealed class TagParserTests
{
    private static readonly SourceLocation Here = new("post.md", 3, 1);

    private static (SnippetTags Tags, List<Diagnostic> Diagnostics) Parse(string text, bool strict = false) =>
        TagParser.Parse([new TagSource(text, Here)], strict);

    [Fact]
    public void Kinds_and_modifiers_are_parsed_into_typed_values()
    {
        var (tags, diagnostics) = Parse("run name=spsc timeout=500ms exit=3 langversion=12 nullable=disable warnaserror unsafe members args=\"a b\" session=s1");
        Assert.Empty(diagnostics);
        Assert.Equal(SnippetKind.Run, tags.Kind);
        Assert.Equal(("spsc", "s1", 3), (tags.Name, tags.Session, tags.ExitCode));
        Assert.Equal(TimeSpan.FromMilliseconds(500), tags.Timeout);
        Assert.Equal((Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12, Microsoft.CodeAnalysis.NullableContextOptions.Disable), (tags.LangVersion, tags.Nullable));
        Assert.Equal(["a", "b"], tags.Args!);
        Assert.True(tags.WarnAsError && tags.Unsafe && tags.Members);
    }

    /// <summary>Issue 77, item 5: <c>base=NAME:TYPE</c> names the class the tool adds, as a page's later blocks construct it.</summary>
    [Fact]
    public void A_base_names_the_class_it_adds_as_NAME_colon_TYPE_and_a_bad_name_is_an_annotation_error()
    {
        var (tags, diagnostics) = Parse("compile base=PersonValidator:AbstractValidator<Person>");
        Assert.Empty(diagnostics);
        Assert.Equal(("PersonValidator", "AbstractValidator<Person>"), TagParser.SplitBase(tags.Base!));
        Assert.Equal((null, "global::Acme.Validator<Person>"), TagParser.SplitBase("global::Acme.Validator<Person>"));
        Assert.Empty(Parse("compile base=global::Acme.Validator<Person>").Diagnostics);
        foreach (var bad in new[] { "base=1Person:AbstractValidator<Person>", "base=PersonValidator:", "base=PersonValidator:Abstract<" })
        {
            var (_, problems) = Parse("compile " + bad);
            Assert.Contains(problems, d => d.Message.Contains("is not a class name", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Given_locals_are_read_with_their_types_and_a_bad_entry_is_an_annotation_error()
    {
        var (tags, diagnostics) = Parse("compile given=app:WebApplication,map:Dictionary<string,int> sdk=web");
        Assert.Empty(diagnostics);
        Assert.Equal(["app:WebApplication", "map:Dictionary<string,int>"], tags.Given);
        Assert.NotEqual(tags, tags with { Given = ["app:WebApplication"] });

        foreach (var bad in new[] { "given=app", "given=:WebApplication", "given=1app:WebApplication" })
        {
            var (_, problems) = Parse("compile " + bad);
            Assert.Contains(problems, d => d.Message.StartsWith($"'{bad}': ", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Issue 77 (cov-g's trial of RestSharp): a given local is declared as C# declares one, so any identifier
    /// (<c>Url</c>, <c>@class</c>) and any type (a keyword type, an array, a nullable, a tuple) is taken as written.
    /// </summary>
    [Fact]
    public void Given_locals_take_any_identifier_and_any_type_csharp_declares_a_local_with()
    {
        var (tags, diagnostics) = Parse("compile given=Url:string,order:object,xs:int[],grid:int[,],n:int?,pair:(int,string),@class:Type");
        Assert.Empty(diagnostics);
        Assert.Equal(["Url:string", "order:object", "xs:int[]", "grid:int[,]", "n:int?", "pair:(int,string)", "@class:Type"], tags.Given);
    }

    /// <summary>Each bad <c>given=</c> entry is told what is wrong with it, at the tag's file, line and column.</summary>
    [Theory]
    [InlineData("given=app", "'app' has no type: write each local as NAME:TYPE, such as given=app:WebApplication")]
    [InlineData("given=:WebApplication", "':WebApplication' has no name: write each local as NAME:TYPE, such as given=app:WebApplication")]
    [InlineData("given=1app:WebApplication", "'1app' is not a C# identifier")]
    [InlineData("given=class:Type", "'class' is a C# keyword: write it as @class")]
    [InlineData("given=app:Web-Application", "'Web-Application' is not a C# type")]
    [InlineData("given=x:var", "'var' is no type a local can be declared of without a value: write its type")]
    public void A_bad_given_entry_is_an_annotation_error_that_names_its_problem(string word, string problem)
    {
        var (_, diagnostics) = Parse("compile " + word);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.BadTagValue, Here), (error.Id, error.Location));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_written_alike_are_equal_and_any_difference_in_a_value_makes_them_differ()
    {
        const string Text = "run usings=System.Text packages=Humanizer@2.14.1 frameworks=net9.0+ scrub=hex args=\"a b\" compile-fail=CS0029";
        var (first, second) = (Parse(Text).Tags, Parse(Text).Tags);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());

        Assert.NotEqual(first, first with { Usings = ["System.Linq"] });
        Assert.NotEqual(first, first with { Frameworks = Parse("frameworks=net9.0,net10.0").Tags.Frameworks });
        Assert.NotEqual(first, first with { Scrub = ["duration"] });
        Assert.NotEqual(first, first with { Args = ["a"] });
        Assert.NotEqual(first, first with { ExpectedErrorIds = ["CS0103"] });
        Assert.NotEqual(first, first with { Packages = Parse("packages=Humanizer@2.14.2").Tags.Packages });
        Assert.NotEqual(first, first with { Network = true });
        Assert.NotEqual(first, first with { WebSdk = true });
        Assert.True(Parse("compile sdk=web").Tags.WebSdk);
    }

    [Fact]
    public void Usings_list_namespaces_and_anything_else_is_a_bad_value()
    {
        Assert.Equal(["System.Text", "System.Diagnostics"], Parse("usings=System.Text,System.Diagnostics").Tags.Usings);
        var error = Assert.Single(Parse("usings=System.Text;x").Diagnostics);
        Assert.Equal(DiagnosticCodes.BadTagValue, error.Id);
        Assert.Equal(DiagnosticCodes.BadTagValue, Assert.Single(Parse("usings=static:").Diagnostics).Id);
    }

    [Fact]
    public void A_static_using_is_written_static_colon_and_reads_back_as_the_settings_form()
    {
        var usings = Parse("usings=System.Text,static:System.Console").Tags.Usings;

        Assert.Equal(["System.Text", "static System.Console"], usings);
        Assert.Equal("System.Text,static:System.Console", SettingValues.UsingsValue(usings));
    }

    [Fact]
    public void Packages_are_pinned_ids_at_the_tags_place_or_ids_the_config_pins_and_a_floating_version_is_a_bad_value()
    {
        var packages = Parse("compile packages=Spectre.Console@0.57.2,Bogus@35.6.5-beta.1").Tags.Packages;
        Assert.Equal(["Spectre.Console@0.57.2", "Bogus@35.6.5-beta.1"], packages.Select(p => $"{p.Id}@{p.Version}"));
        Assert.All(packages, p => Assert.Equal(Here, p.Location));
        Assert.True(Parse("packages=Bogus@35.6.5").Tags.HasAny);
        // An ID alone takes its version from the config's packageVersions, where the document is read (PackageVersions).
        Assert.True(Assert.Single(Parse("packages=Bogus").Tags.Packages).Unpinned);
        foreach (var bad in new[] { "packages=Bogus@", "packages=Bogus@*", "packages=Bogus@35.*", "packages=@1.0.0" })
        {
            Assert.Equal(DiagnosticCodes.BadTagValue, Assert.Single(Parse(bad).Diagnostics).Id);
        }
    }

    [Fact]
    public void Compile_fail_and_throws_carry_their_values()
    {
        Assert.Equal(["CS0029", "CS0103"], Parse("compile-fail=CS0029,CS0103").Tags.ExpectedErrorIds);
        Assert.Equal(SnippetKind.CompileFail, Parse("compile-fail").Tags.Kind);
        Assert.Equal("System.InvalidOperationException", Parse("throws=System.InvalidOperationException").Tags.ExpectedException);
    }

    [Theory]
    [InlineData("rnu", "run")]
    [InlineData("compile-fial", "compile-fail")]
    [InlineData("ignroe", "ignore")]
    [InlineData("timout=2s", "timeout")]
    [InlineData("sesion=a", "session")]
    [InlineData("warnaserorr", "warnaserror")]
    [InlineData("member", "members")]
    public void Near_misses_are_annotation_errors_that_name_the_tag_meant(string written, string meant)
    {
        var error = Assert.Single(Parse(written).Diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownTag, error.Id);
        Assert.True(error.IsError);
        Assert.Contains($"did you mean '{meant}'?", error.Message);
        Assert.Equal(Here, error.Location);
    }

    [Theory]
    [InlineData("timeout=soon")]
    [InlineData("exit=three")]
    [InlineData("langversion=99")]
    [InlineData("nullable=maybe")]
    [InlineData("name=a.b")]
    [InlineData("compile-fail=oops")]
    [InlineData("sdk=Microsoft.NET.Sdk.Worker")]
    public void Bad_values_for_our_keys_are_annotation_errors(string written)
    {
        var error = Assert.Single(Parse(written).Diagnostics, d => d.IsError);
        Assert.Equal(DiagnosticCodes.BadTagValue, error.Id);
    }

    [Fact]
    public void Two_kinds_are_an_error()
    {
        Assert.Contains(Parse("run compile").Diagnostics, d => d.Id == DiagnosticCodes.TwoKinds);
    }

    [Fact]
    public void The_same_key_with_two_values_across_info_string_and_comment_is_an_error()
    {
        var (_, diagnostics) = TagParser.Parse([new TagSource("timeout=1s", Here), new TagSource("timeout=2s", Here with { Line = 1 })], false);
        Assert.Contains(diagnostics, d => d.Id == DiagnosticCodes.ConflictingTag);
        var (tags, same) = TagParser.Parse([new TagSource("name=a", Here), new TagSource("run name=a", Here)], false);
        Assert.Empty(same);
        Assert.Equal(SnippetKind.Run, tags.Kind);
    }

    [Theory]
    [InlineData("title=\"Program.cs\"")]
    [InlineData("showLineNumbers")]
    [InlineData("{linenos=table}")]
    [InlineData("highlight=3-5")]
    [InlineData("norun")]
    public void Blog_engine_words_are_foreign_attributes_shown_as_warnings(string word)
    {
        var (tags, diagnostics) = Parse(word);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ForeignAttribute, DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.False(tags.HasAny);
        Assert.Equal([word], tags.ForeignAttributes);
    }

    [Fact]
    public void Strict_tags_turn_foreign_attributes_into_errors()
    {
        Assert.True(Assert.Single(Parse("showLineNumbers", strict: true).Diagnostics).IsError);
    }
}
