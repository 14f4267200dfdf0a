using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77, items 3, 4 and 7, as AutoMapper's, ErrorOr's and MassTransit-like docs show them: a bare receiver whose type the
/// doc set gives (a lambda's parameter, a page's earlier declaration) beside the docs' own types no page declares.
/// <list type="bullet">
/// <item><c>cfg.CreateMap&lt;Order, OrderDto&gt;()</c>: <c>cfg</c> is typed (another page's lambda), and <c>Order</c>,
/// <c>OrderDto</c> are stubbed; before, the receiver trial and the stub trial each needed the other, and neither ran after it.</item>
/// <item><c>result.Then(…)</c> where the page declares <c>result</c> with two types: the declaration nearest before the block
/// is the one a reader has in mind; before, a name of two types was never given.</item>
/// <item>A block that still fails once its receiver is typed says what is left to add, not the receiver it no longer lacks.</item>
/// </list>
/// </summary>
[TakesSeconds(60)]
public sealed class AdoptReceiverStubTests
{
    private const string Mapping = """
        namespace Acme.Mapping
        {
            public interface IMapConfig { IMapExpression<TSource, TDest> CreateMap<TSource, TDest>(); }
            public interface IMapExpression<TSource, TDest>
            {
                IMapExpression<TSource, TDest> ForMember<TMember>(System.Func<TDest, TMember> member, System.Func<TSource, TMember> from);
            }
            public sealed class MapperConfiguration { public MapperConfiguration(System.Action<IMapConfig> configure) { } }
        }
        """;

    [Fact]
    public async Task A_lambdas_receiver_with_the_docs_own_types_is_given_its_type_over_stubs_and_its_mutants_fail()
    {
        using var docs = AdoptInProcess.WithFeed().Pack("Acme.Mapping", "1.0.0", Mapping);
        docs.Write("setup.md", """
            # Setup

            ```shell
            dotnet add package Acme.Mapping
            ```

            ```csharp
            using Acme.Mapping;

            var configuration = new MapperConfiguration(cfg => cfg.CreateMap<string, string>());
            ```
            """);
        const string mapping = """
            # Mapping

            ```csharp
            cfg.CreateMap<Order, OrderDto>()
                .ForMember(dest => dest.Name, src => src.Name);
            ```
            """;
        docs.Write("mapping.md", mapping);

        var page = await docs.AdoptWrittenAsync("mapping.md");

        Assert.Matches(@"<!-- snippetcheck: compile given=cfg:IMapConfig .*packages=Acme\.Mapping -->\n```csharp\ncfg\.CreateMap", page);
        docs.Verifies();
        docs.MutantsFail("mapping.md", page, [("cfg.CreateMap<", "cfg.CreateMapq<", (string?)"CS1061"), (".ForMember(", ".ForMemberq(", "CS1061"),
            ("src => src.Name)", "src => src.Name, 1)", "CS1501")]);
    }

    private const string Results = """
        namespace Acme.Results
        {
            public readonly struct Result<T>
            {
                public bool IsError => false;
                public T Value => default!;
                public Result<TNext> Then<TNext>(System.Func<T, TNext> next) => default;
            }
            public static class Make
            {
                public static Result<int> Number() => default;
                public static Result<string> Text() => default;
            }
        }
        """;

    [Fact]
    public async Task A_name_the_page_declares_with_two_types_is_given_the_one_declared_nearest_before_the_block()
    {
        using var docs = AdoptInProcess.WithFeed().Pack("Acme.Results", "1.0.0", Results);
        // The second block ends open (a fragment): no session can join it, and the third block's 'result' is its Result<int>.
        docs.Write("README.md", """
            # Results

            ```shell
            dotnet add package Acme.Results
            ```

            ```csharp
            using Acme.Results;

            Result<string> result = Make.Text();
            Console.WriteLine(result.Value.Length);
            ```

            ## Numbers

            ```csharp
            Result<int> result = Make.Number();

            if (!result.IsError)
            {
                result.Value // the number
            }
            ```

            ### Then

            ```csharp
            Result<int> doubled = result.Then(val => val * 2);
            ```
            """);

        var page = await docs.AdoptWrittenAsync("README.md");

        Assert.Matches(@"<!-- snippetcheck: compile given=result:Result<int>.* -->\n```csharp\nResult<int> doubled", page);
        docs.Verifies();
        docs.MutantsFail("README.md", page, [("result.Then(", "result.Thenq(", (string?)"CS1061"), ("val => val * 2)", "val => val * 2, 1)", "CS1501")]);
    }

    private const string Bus = """
        namespace Acme.Bus
        {
            public interface IConsumer { void Consume(string message); }
            public interface IBusConfigurator
            {
                void AddConsumer<T>() where T : class, IConsumer;
                void SetEndpointName(string name);
            }
            public static class Bus { public static void Configure(System.Action<IBusConfigurator> configure) { } }
        }
        """;

    [Fact]
    public async Task A_block_that_still_fails_once_its_receiver_is_typed_names_what_is_left_to_add_not_the_receiver()
    {
        using var docs = AdoptInProcess.WithFeed().Pack("Acme.Bus", "1.0.0", Bus);
        docs.Write("setup.md", """
            # Setup

            ```shell
            dotnet add package Acme.Bus
            ```

            ```csharp
            using Acme.Bus;

            Bus.Configure(x => x.SetEndpointName("orders"));
            ```
            """);
        // 'x' binds (the lambda of the setup page); what a reader must add is the consumer class, which no page declares. The
        // page's consumers come from a package no source has, so its unknown names may be that package's: no check level.
        docs.Write("consumers.md", """
            # Consumers

            ```shell
            dotnet add package Acme.Bus.Consumers
            ```

            Then register them:

            ```csharp
            x.AddConsumer<SubmitOrderConsumer>();
            x.SetEndpointName(SubmitOrderConsumer.Name);
            ```
            """);

        var adopted = await docs.AdoptAsync();

        var block = docs.Json(adopted).Blocks[9];
        Assert.True(block.TryGetProperty("cause", out _), block.ToString());
        Assert.Equal("package-not-found", block.GetProperty("cause").GetString());
        // Its cause names what is left (the consumer class, which the unserved package may declare), not the receiver.
        Assert.Equal("'SubmitOrderConsumer', once 'x' is given as IBusConfigurator", block.GetProperty("detail").GetString());
    }

    private const string Machines = """
        namespace Acme.Machines
        {
            public sealed class StateMachine<TState, TTrigger>
            {
                public StateMachine(TState initial) { }
                public StateConfiguration Configure(TState state) => new();
                public sealed class StateConfiguration
                {
                    public StateConfiguration Permit(TTrigger trigger, TState destination) => this;
                    public StateConfiguration OnEntry(System.Action entry) => this;
                }
            }
        }
        """;

    /// <summary>
    /// Stateless' README: the docs' own enums (<c>State</c>, <c>Trigger</c>) are never declared, only read
    /// (<c>State.OffHook</c>); the first block also calls the post's own helper, so it stays failing, and the next block's
    /// <c>phoneCall</c> is given its type. The enums are stubbed with the values the block reads: the library's calls bind,
    /// and arguments swapped between them fail.
    /// </summary>
    [Fact]
    public async Task The_docs_own_enums_read_by_value_are_stubbed_as_enums_and_a_swapped_argument_fails()
    {
        using var docs = AdoptInProcess.WithFeed().Pack("Acme.Machines", "1.0.0", Machines);
        docs.Write("README.md", """
            # Machines

            ```shell
            dotnet add package Acme.Machines
            ```

            ```csharp
            using Acme.Machines;

            var phoneCall = new StateMachine<State, Trigger>(State.OffHook);

            phoneCall.Configure(State.Connected)
                .OnEntry(() => StartCallTimer());
            ```

            ## Hierarchical states

            ```csharp
            phoneCall.Configure(State.OnHold)
                .Permit(Trigger.TakenOffHold, State.Connected);
            ```
            """);

        var page = await docs.AdoptWrittenAsync("README.md");

        Assert.Matches(@"<!-- snippetcheck: compile given=phoneCall:StateMachine<State,Trigger> .* -->\n```csharp\nphoneCall\.Configure\(State\.OnHold\)", page);
        Assert.Contains("public enum State { OnHold, Connected }", docs.Read("snippetcheck.json"), StringComparison.Ordinal);
        docs.Verifies();
        docs.MutantsFail("README.md", page, [("phoneCall.Configure(State.OnHold)", "phoneCall.Configureq(State.OnHold)", (string?)"CS1061"),
            (".Permit(", ".Permitq(", "CS1061"), ("Permit(Trigger.TakenOffHold, State.Connected)", "Permit(State.Connected, Trigger.TakenOffHold)", "CS1503")]);
    }

    /// <summary>
    /// Stateless' README again, as it is: no block imports the library, and the library ships a class named like the docs'
    /// enum (<c>Stateless.Graph.State</c>), which the using round imports for the given local's <c>State</c>; the block then
    /// fails on <c>'State' does not contain a definition for 'OnHold'</c>. A type the block reads only as an enum's values, that
    /// only a hidden using brings in, is still the docs' own: that using is left out and the enum stubbed.
    /// </summary>
    [Fact]
    public async Task A_docs_enum_named_like_a_class_of_a_namespace_only_a_hidden_using_brings_is_still_stubbed()
    {
        using var docs = AdoptInProcess.WithFeed().Pack("Acme.Machines", "1.0.0", Machines + "\nnamespace Acme.Machines.Graph { public class State { } }");
        docs.Write("README.md", """
            # Machines

            ```shell
            dotnet add package Acme.Machines
            ```

            ```csharp
            var phoneCall = new StateMachine<State, Trigger>(State.OffHook);

            phoneCall.Configure(State.Connected)
                .OnEntry(() => StartCallTimer());
            ```

            ## Hierarchical states

            ```csharp
            phoneCall.Configure(State.OnHold)
                .Permit(Trigger.TakenOffHold, State.Connected);
            ```
            """);

        var page = await docs.AdoptWrittenAsync("README.md");

        Assert.Matches(
            @"<!-- snippetcheck: compile given=phoneCall:StateMachine<State,Trigger> .* -->\n```csharp\nphoneCall\.Configure\(State\.OnHold\)", page);
        Assert.DoesNotMatch(@"usings=[^ ]*Acme\.Machines\.Graph", page);
        docs.Verifies();
        docs.MutantsFail("README.md", page, [(".Permit(", ".Permitq(", (string?)"CS1061"),
            ("Permit(Trigger.TakenOffHold, State.Connected)", "Permit(State.Connected, Trigger.TakenOffHold)", "CS1503")]);
    }

    private const string ConsumerBus = """
        namespace Acme.Bus
        {
            public interface IConsumer { }
            public sealed class Registrar
            {
                public Registrar AddConsumer<T>() where T : class, IConsumer => this;
                public Registrar Endpoint(string queue) => this;
            }
        }
        """;

    /// <summary>
    /// The docs' own consumer class passed to a library method whose generic constraint demands an
    /// interface (MassTransit's <c>AddConsumer&lt;T&gt;() where T : class, IConsumer</c>) is stubbed as a class that implements
    /// it, with no member of its own: the library's calls bind, and a misspelt one fails.
    /// </summary>
    [Fact]
    public async Task The_docs_own_type_passed_where_a_constraint_demands_an_interface_is_stubbed_implementing_it()
    {
        using var docs = AdoptInProcess.WithFeed().Pack("Acme.Bus", "1.0.0", ConsumerBus);
        docs.Write("README.md", """
            # Bus

            ```shell
            dotnet add package Acme.Bus
            ```

            ```csharp
            using Acme.Bus;

            new Registrar()
                .AddConsumer<SubmitOrderConsumer>()
                .Endpoint("orders");
            ```
            """);

        var page = await docs.AdoptWrittenAsync("README.md");

        Assert.Matches(@"<!-- snippetcheck: compile usings=DocModels\.Stubs\.READMEL\d+ packages=Acme\.Bus\S* -->", page);
        Assert.Contains("public class SubmitOrderConsumer : Acme.Bus.IConsumer", docs.Read("snippetcheck.json"), StringComparison.Ordinal);
        docs.Verifies();
        docs.MutantsFail("README.md", page,
            [(".AddConsumer<", ".AddConsumerq<", (string?)"CS1061"), (".Endpoint(\"orders\")", ".Endpoint()", "CS7036")]);
    }
}
