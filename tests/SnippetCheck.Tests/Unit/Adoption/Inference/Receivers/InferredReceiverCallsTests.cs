using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Adoption.Inference.Receivers;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Receivers;

/// <summary>
/// Which calls on an undeclared local say what type it is. Every type has <see cref="object"/>'s members, so
/// <c>lambda.ToString()</c> is no evidence: on realworld it once made an extension <c>ToString</c> of BenchmarkDotNet's
/// <c>Statistics</c> the "one type" of an expression tree's <c>lambda</c>.
/// </summary>
public sealed class InferredReceiverCallsTests
{
    private static IReadOnlyDictionary<string, IReadOnlyList<ReceiverIndex.Call>> CallsOn(string code, params string[] names) =>
        InferredReceivers.CallsOn((CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(kind: Microsoft.CodeAnalysis.SourceCodeKind.Regular)).GetRoot(), names);

    /// <summary>
    /// Issue 77 (AsyncGuidance's <c>using (var client = _httpClientFactory.CreateClient())</c> in a method shown out of its
    /// class): a <c>members</c> block's methods call its class's fields as statements call locals, so those calls are
    /// evidence too (the field is then given, <see cref="SnippetCheck.Programs.GivenLocals.Fields"/>). A block that declares
    /// a type is still none: its names may be its base class's.
    /// </summary>
    [Fact]
    public void A_members_blocks_calls_on_a_field_it_never_declares_give_evidence()
    {
        var parsed = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(
            "public async Task<Stream> Get()\n{\n    using var client = _factory.CreateClient();\n    return await client.GetStreamAsync(\"/\");\n}\n" +
            "private int _count;\npublic void Add() => _count++;\n").GetRoot();

        Assert.Equal([new ReceiverIndex.Call("CreateClient", null, 0)], InferredReceivers.CallsOn(parsed, ["_factory"], members: true)["_factory"]);
        Assert.Empty(InferredReceivers.CallsOn(parsed, ["_factory"]));
        var typed = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText("class Jobs : Base\n{\n    void Run() => _factory.CreateClient();\n}\n").GetRoot();
        Assert.Empty(InferredReceivers.CallsOn(typed, ["_factory"], members: true));
    }

    [Fact]
    public void A_local_whose_only_calls_are_objects_members_gives_no_evidence()
    {
        Assert.Empty(CallsOn("Console.WriteLine(lambda.ToString());\nvar same = lambda.Equals(other);\n", "lambda"));
    }

    [Fact]
    public void A_local_only_read_never_called_gives_no_evidence()
    {
        // A property alone fits some framework type by chance: `Total` made an order a System.Diagnostics type.
        Assert.Empty(CallsOn("Console.WriteLine(order.Total);\n", "order"));
    }

    /// <summary>
    /// Issue 77, item 3 (Coravel's <c>var provider = app.ApplicationServices; provider.ConfigureQueue()…</c>): a property
    /// whose value the block then calls a method on is evidence, since that call must bind on the property's type too.
    /// </summary>
    [Fact]
    public void A_property_whose_value_the_block_calls_a_method_on_gives_evidence()
    {
        Assert.Equal([new ReceiverIndex.Call("ApplicationServices", null, null)],
            CallsOn("var provider = app.ApplicationServices;\nprovider\n    .ConfigureQueue()\n    .OnError(e => { });\n", "app")["app"]);
        Assert.Equal([new ReceiverIndex.Call("ApplicationServices", null, null)],
            CallsOn("app.ApplicationServices.UseScheduler(s => { });\n", "app")["app"]);
        // Read and printed, or only object's members called on it: no evidence, as before.
        Assert.Empty(CallsOn("var total = order.Total;\nConsole.WriteLine(total);\n", "order"));
        Assert.Empty(CallsOn("var total = order.Total;\nConsole.WriteLine(total.ToString());\n", "order"));
    }

    [Fact]
    public void Objects_members_are_left_out_beside_the_calls_that_tell_the_type()
    {
        var calls = CallsOn("var f = lambda.Compile();\nConsole.WriteLine(lambda.ToString());\n", "lambda");

        Assert.Equal([new ReceiverIndex.Call("Compile", null, 0)], calls["lambda"]);
    }
}
