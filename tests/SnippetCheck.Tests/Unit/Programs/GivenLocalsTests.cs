using SnippetCheck.Compilation;
using SnippetCheck.Extraction;
using SnippetCheck.Programs;

namespace SnippetCheck.Tests.Unit.Programs;

/// <summary>
/// A block's <c>given=NAME:TYPE</c> locals (<see cref="GivenLocals"/>): each declared of its type on a hidden line after
/// the block's usings and before its first statement, the author's lines kept as they are; a type with type arguments
/// is read whole.
/// </summary>
public sealed class GivenLocalsTests
{
    private static readonly Microsoft.CodeAnalysis.CSharp.CSharpParseOptions Options = new CompileSettings().ParseOptions;

    private static IReadOnlyList<CodeLine> Lines(params string[] texts) => [.. texts.Select((t, i) => new CodeLine(t, 10 + i, 1))];

    [Fact]
    public void Each_given_local_is_declared_on_a_hidden_line_after_the_usings()
    {
        var lines = Lines("using Microsoft.AspNetCore.Builder;", "app.UseRouting();", "call.Fire(Trigger.Dial);");

        var declared = GivenLocals.Declare(lines, ["app:WebApplication", "call:StateMachine<State,Trigger>"], Options);

        Assert.Equal(["using Microsoft.AspNetCore.Builder;", "WebApplication app = default!;", "StateMachine<State,Trigger> call = default!;",
            "app.UseRouting();", "call.Fire(Trigger.Dial);"], declared.Select(l => l.Text));
        Assert.Equal([false, true, true, false, false], declared.Select(l => l.Generated));
        Assert.Equal(lines, declared.Where(l => !l.Generated));
        // The hidden lines carry the line of the statement they open, so an error on them is reported there.
        Assert.All(declared.Where(l => l.Generated), l => Assert.Equal(11, l.Line));
    }

    [Fact]
    public void A_block_without_usings_opens_with_the_declarations()
    {
        var declared = GivenLocals.Declare(Lines("logger.LogInformation(message);"), ["logger:ILogger", "message:String"], Options);

        Assert.Equal(["ILogger logger = default!;", "String message = default!;", "logger.LogInformation(message);"], declared.Select(l => l.Text));
    }

    [Fact]
    public void In_a_members_block_each_given_local_is_a_hidden_static_field_the_class_opens_with()
    {
        // AsyncGuidance's 'public async Task<Stream> Get() { using var client = _httpClientFactory.CreateClient(); … }':
        // the field its class holds is declared nowhere, and given so it binds CreateClient.
        var lines = Lines("using System.Net.Http;", "public HttpClient Get() => _factory.CreateClient();");

        var (wrapped, _) = MemberWrapper.Wrap(lines, 0, Options, GivenLocals.Fields(["_factory:IHttpClientFactory"]));

        Assert.Equal(["using System.Net.Http;", "partial class Program {", "static IHttpClientFactory _factory = default!;",
            "public HttpClient Get() => _factory.CreateClient();", "}"], wrapped.Select(l => l.Text));
        Assert.Equal([false, true, true, false, true], wrapped.Select(l => l.Generated));
        Assert.Equal(11, wrapped[2].Line);
    }

    [Theory]
    [InlineData("app:WebApplication", "WebApplication")]
    [InlineData("phoneCall:StateMachine<State,Trigger>", "StateMachine<State,Trigger>")]
    [InlineData("map:Dictionary<string,System.Action<int>>", "Dictionary<string,System.Action<int>>")]
    [InlineData("widget:global::Acme.Widget", "global::Acme.Widget")]
    public void A_given_entrys_type_is_everything_after_its_first_colon(string entry, string type) =>
        Assert.Equal(type, GivenLocals.TypeOf(entry));
}
