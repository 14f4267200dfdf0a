using SnippetCheck.Adoption.Inference.Receivers;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Receivers;

/// <summary>
/// A receiver another block sets up as a lambda's parameter (<see cref="LambdaReceivers"/>): AutoMapper's
/// <c>new MapperConfiguration(cfg =&gt; …)</c> makes <c>cfg</c> an <c>IMapConfig</c> for a block that calls <c>cfg.CreateMap</c>
/// alone. Bound in memory against a library compiled here; nothing runs.
/// </summary>
public sealed class LambdaReceiversTests
{
    private const string Library = """
        namespace Acme.Mapping
        {
            public interface IMapConfig { void CreateMap<TSource, TDest>(); }
            public sealed class MapperConfiguration { public MapperConfiguration(System.Action<IMapConfig> configure) { } }
            public interface IServices { }
            public static class Registration { public static IServices AddBus(this IServices services, System.Action<IBus> bus) => services; }
            public interface IBus { void Consumer<T>(); }
            public static class Generic { public static void Each<T>(System.Action<T> each) { } }
        }
        """;

    [Fact]
    public void A_lambdas_parameter_is_a_candidate_of_the_type_the_compiler_gives_it_with_the_packages_namespaces_imported()
    {
        using var folder = new TempFolder();
        var package = CompiledLibrary.Emit(folder, "Acme.Mapping", Library);
        var blocks = Pipeline.Read("# Setup\n\n```csharp\nvar config = new MapperConfiguration(cfg => cfg.CreateMap<int, string>());\n```\n\n"
            + "```csharp\nGeneric.Each<int>(n => Console.WriteLine(n));\nGeneric.Each<string>((string s) => Console.WriteLine(s));\n```\n").Snippets;

        var found = LambdaReceivers.Of(blocks, CompiledLibrary.Loaded([.. CompiledLibrary.Framework(), package]), [package], ["System"]);

        Assert.Equal(["Acme.Mapping.IMapConfig"], found["cfg"]);
        // A built-in type (int) is no receiver to give, and a parameter written with its type is no untyped lambda's.
        Assert.False(found.ContainsKey("n"));
        Assert.False(found.ContainsKey("s"));
    }

    [Fact]
    public void A_blocks_own_unknown_receiver_is_given_the_type_its_calls_fit_so_its_lambdas_bind()
    {
        using var folder = new TempFolder();
        var package = CompiledLibrary.Emit(folder, "Acme.Mapping", Library);
        var blocks = Pipeline.Read("# Bus\n\n```csharp\nservices.AddBus(x => x.Consumer<string>());\n```\n").Snippets;

        var found = LambdaReceivers.Of(blocks, CompiledLibrary.Loaded([.. CompiledLibrary.Framework(), package]), [package], []);

        Assert.Equal(["Acme.Mapping.IBus"], found["x"]);
    }
}
