using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Compilation;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Classes;

/// <summary>
/// The type arguments an inferred generic base of a <c>members</c> block is tried with (<see cref="BaseTypeArguments"/>):
/// what the block's overrides write, else a model of its own page named like the parameter, else <c>object</c>; at most
/// three ways, likeliest first. The base is a compiled symbol of a library written here; the block is parsed, not bound.
/// </summary>
public sealed class BaseTypeArgumentsTests
{
    private const string Library = """
        namespace Acme.Endpoints
        {
            public class Response<T> { }
            public abstract class Endpoint<TRequest, TResponse>
            {
                public virtual System.Threading.Tasks.Task HandleAsync(TRequest req, System.Threading.CancellationToken ct) => null!;
                public virtual Response<TResponse> Wrap() => null!;
            }
            public abstract class Special<TRequest, TResponse> : Endpoint<TRequest, TResponse> { }
        }
        """;

    private static readonly CSharpCompilation Compiled = CSharpCompilation.Create("acme", [CSharpSyntaxTree.ParseText(Library)],
        ReferenceAssemblies.Default, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static INamedTypeSymbol Type(string name) => Compiled.GetTypeByMetadataName(name)!;

    private static IReadOnlyList<MemberDeclarationSyntax> Members(string code) =>
        [.. ((ClassDeclarationSyntax)CSharpSyntaxTree.ParseText($"class Members {{\n{code}\n}}").GetCompilationUnitRoot().Members[0]).Members];

    private static DocModels.Model Model(string name, string page = "docs/start.md") => new("DocModels.Start", name, new HashSet<string>(), page);

    [Fact]
    public void An_argument_the_overrides_write_is_taken_as_written_even_inside_a_generic_return_type()
    {
        var members = Members("public override async Task HandleAsync(MyRequest req, CancellationToken ct) { }\n"
            + "public override Response<List<MyResponse>> Wrap() => null;");

        var way = Assert.Single(BaseTypeArguments.For(Type("Acme.Endpoints.Endpoint`2"), members, [], [], []));

        Assert.Equal("Endpoint<MyRequest,List<MyResponse>>", way.Base);
        Assert.Empty(way.Usings);
    }

    [Fact]
    public void An_argument_no_override_names_is_a_page_model_named_like_the_parameter_then_object_and_its_namespace_is_used()
    {
        var members = Members("public override async Task HandleAsync(MyRequest req, CancellationToken ct) { }");
        IReadOnlyList<DocModels.Model> page = [Model("MyResponse"), Model("MyRequest"), Model("Other")];

        var ways = BaseTypeArguments.For(Type("Acme.Endpoints.Endpoint`2"), members, ["MyRequest"], page, []);

        Assert.Equal(["Endpoint<MyRequest,MyResponse>", "Endpoint<MyRequest,object>"], ways.Select(w => w.Base));
        Assert.Equal(["DocModels.Start"], ways[0].Usings);
    }

    [Fact]
    public void Without_overrides_at_most_three_ways_are_tried_the_page_models_first()
    {
        IReadOnlyList<DocModels.Model> page = [Model("MyRequest"), Model("YourRequest"), Model("MyResponse")];

        var ways = BaseTypeArguments.For(Type("Acme.Endpoints.Endpoint`2"), [], [], page, []);

        Assert.Equal(["Endpoint<MyRequest,MyResponse>", "Endpoint<MyRequest,object>", "Endpoint<YourRequest,MyResponse>"],
            ways.Select(w => w.Base));
    }

    [Fact]
    public void A_class_derives_from_another_by_name_through_its_bases()
    {
        Assert.True(BaseClasses.DerivesFrom(Type("Acme.Endpoints.Special`2"), Type("Acme.Endpoints.Endpoint`2")));
        Assert.False(BaseClasses.DerivesFrom(Type("Acme.Endpoints.Endpoint`2"), Type("Acme.Endpoints.Special`2")));
    }
}
