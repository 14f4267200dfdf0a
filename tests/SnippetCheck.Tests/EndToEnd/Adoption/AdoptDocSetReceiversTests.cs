using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 54, receivers a library's docs set up on one page and call on others, as Quartz.NET's do: the quick start at the
/// docs' root declares <c>IScheduler scheduler = …;</c> and <c>IListener listener = …;</c>, and a tutorial page in a
/// sub-folder writes <c>scheduler.ListenerManager.AddListener(listener, "audit");</c> alone. The docs are one doc set (their
/// root holds a page), the locals are declared of the types the docs give them, and the calls then bind: a misspelt one,
/// reached through the property, fails. A corpus of one repository per folder, with no page at its root, shares nothing.
/// </summary>
[TakesSeconds(31)]
public sealed class AdoptDocSetReceiversTests
{
    private const string Acme = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        namespace Acme
        {
            public interface IListener { string Name { get; } }
            public interface IListenerManager { void AddListener(IListener listener, string group); }
            public interface IScheduler { IListenerManager ListenerManager { get; } Task Start(); }
            public static class Schedulers { public static IScheduler Create() => new Scheduler(); }
            public static class Listeners { public static IListener Console(string name) => new Named(name); }
            internal sealed record Named(string Name) : IListener;
            internal sealed class Scheduler : IScheduler, IListenerManager
            {
                private readonly List<IListener> _listeners = new();
                public IListenerManager ListenerManager => this;
                public void AddListener(IListener listener, string group) => _listeners.Add(listener);
                public Task Start() => Task.CompletedTask;
            }
        }
        """;

    private const string QuickStart = """
        # Quick start

        ```
        dotnet add package Acme
        ```

        ```csharp
        using Acme;

        IScheduler scheduler = Schedulers.Create();
        IListener listener = Listeners.Console("audit");
        await scheduler.Start();
        ```
        """;

    private const string Listening = """
        # Listeners

        ```csharp
        scheduler.ListenerManager.AddListener(listener, "audit");
        ```
        """;

    [Fact]
    public async Task A_local_the_docs_root_declares_is_given_to_a_sub_folders_block_and_a_misspelt_call_through_its_property_fails()
    {
        using var docSet = AdoptInProcess.WithFeed();
        var docs = docSet.Docs;
        docSet.Pack("Acme", "1.0.0", Acme);
        docSet.Write("quick-start.md", QuickStart);
        docSet.Write("tutorial/listeners.md", Listening);

        var adopt = AdoptInProcess.Table(await docSet.AdoptWriteAsync());

        var written = File.ReadAllText(Path.Combine(docs, "tutorial", "listeners.md"));
        Assert.Matches(@"<!-- snippetcheck: compile given=scheduler:IScheduler,listener:IListener[^>]* -->\n```csharp\nscheduler\.", written);
        var verify = docSet.Verifies();

        docSet.MutantsFail("tutorial/listeners.md", written, new[] { ("AddListener(", "AddListenerq("), ("ListenerManager.", "ListenerManagerq."), ("\"audit\")", "\"audit\", 2)") });
    }

    [Fact]
    public async Task Repositories_side_by_side_with_no_page_at_the_root_share_no_locals()
    {
        using var docSet = AdoptInProcess.WithFeed();
        var docs = docSet.Docs;
        docSet.Pack("Acme", "1.0.0", Acme);
        docSet.Write("Owner__One/quick-start.md", QuickStart);
        docSet.Write("Owner__Two/listeners.md", Listening);

        var adopt = AdoptInProcess.Table(await docSet.AdoptWriteAsync());

        Assert.DoesNotContain("given=", File.ReadAllText(Path.Combine(docs, "Owner__Two", "listeners.md")), StringComparison.Ordinal);
    }
}
