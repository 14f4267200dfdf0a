using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 54, Required 3, receivers no page creates, where the calls fit several types alike: Quartz declares
/// <c>AddQuartz</c> on IServiceCollection, IHostApplicationBuilder and IHealthChecksBuilder, each with an optional
/// configure action, so <c>services.AddQuartz(q =&gt; …)</c> fits all three. The receiver's name names one of them
/// (<c>services</c>: the service collection), and that one is given; a name that names none is given nothing.
/// </summary>
[TakesSeconds(44)]
public sealed class AdoptReceiverNameTests
{
    private const string Acme = """
        using System;
        namespace Acme
        {
            public sealed class AcmeOptions { public int Level { get; set; } }
            public interface IWorkerCollection { }
            public interface IHostSetup { }
            public static class WorkerCollectionExtensions
            {
                public static IWorkerCollection AddAcme(this IWorkerCollection workers, Action<AcmeOptions>? configure = null) => workers;
            }
            public static class HostSetupExtensions
            {
                public static IHostSetup AddAcme(this IHostSetup host, Action<AcmeOptions>? configure = null) => host;
            }
            public sealed record RouteSpec(string Path);
            public static class RouteSpecExtensions
            {
                public static RouteSpec WithPrefix(this RouteSpec route, string prefix) => route with { Path = prefix + route.Path };
            }
        }
        """;

    private const string Page = """
        # Setup

        ```
        dotnet add package Acme
        ```

        ```csharp
        workers.AddAcme(o => o.Level = 2);
        ```

        ```csharp
        thing.AddAcme(o => o.Level = 3);
        ```
        """;

    [Fact]
    public async Task Of_the_types_a_receivers_calls_fit_alike_the_one_its_name_names_is_given_and_a_misspelt_call_fails()
    {
        using var docSet = AdoptInProcess.WithFeed();
        var docs = docSet.Docs;
        docSet.Pack("Acme", "1.0.0", Acme);
        docSet.Write("setup.md", Page);

        var adopt = AdoptInProcess.Table(await docSet.AdoptWriteAsync());

        var written = File.ReadAllText(Path.Combine(docs, "setup.md"));
        Assert.Matches(@"<!-- snippetcheck: compile given=workers:IWorkerCollection[^>]* -->\n```csharp\nworkers\.AddAcme", written);
        Assert.DoesNotContain("given=thing", written, StringComparison.Ordinal);
        docSet.Verifies();

        File.WriteAllText(Path.Combine(docs, "setup.md"), written.Replace("workers.AddAcme(", "workers.AddAcmeq(", StringComparison.Ordinal));
        var mutant = docSet.Verify();
        Assert.False(mutant.Report.Succeeded);
        Assert.Contains("CS1061", mutant.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// YARP's transforms page writes each transform as <c>routeConfig = routeConfig.WithTransformPathPrefix(prefix: "/prefix");</c>:
    /// the receiver is reassigned from its own call, which declares nothing, so it is given the type its calls fit.
    /// </summary>
    [Fact]
    public async Task A_receiver_reassigned_from_its_own_call_is_given_the_type_its_calls_fit()
    {
        using var docSet = AdoptInProcess.WithFeed();
        var docs = docSet.Docs;
        docSet.Pack("Acme", "1.0.0", Acme);
        docSet.Write("routes.md", "# Routes\n\n```\ndotnet add package Acme\n```\n\n```csharp\nspec = spec.WithPrefix(prefix: \"/api\");\n```\n");

        var adopt = AdoptInProcess.Table(await docSet.AdoptWriteAsync());

        var written = File.ReadAllText(Path.Combine(docs, "routes.md"));
        Assert.Matches(@"<!-- snippetcheck: compile given=spec:RouteSpec[^>]* -->\n```csharp\nspec = spec\.WithPrefix", written);
        File.WriteAllText(Path.Combine(docs, "routes.md"), written.Replace("WithPrefix(prefix:", "WithPrefix(prefx:", StringComparison.Ordinal));
        var mutant = docSet.Verify();
        Assert.False(mutant.Report.Succeeded);
        Assert.Contains("CS1739", mutant.Output, StringComparison.Ordinal);
    }
}
