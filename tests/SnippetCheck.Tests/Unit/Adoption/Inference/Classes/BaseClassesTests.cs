using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Adoption.Inference.Classes;
using SnippetCheck.Adoption.Inference.Packages;
using SnippetCheck.Compilation;
using SnippetCheck.Model;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Classes;

/// <summary>
/// The one class of a block's packages its bare statements are written inside (<see cref="BaseClasses.BaseClassFor"/>),
/// over an actor library written here and compiled to a file, as a restored package's assembly is: names read as a
/// receiver (<c>Context</c>, a protected static property; <c>Sender</c>, get-only) count as the base's members; a class
/// that leaves an abstract member to implement (the block cannot) is none; of several, the one the page's classes derive from.
/// </summary>
public sealed class BaseClassesTests : IDisposable
{
    private const string Library = """
        namespace Acme.Actors
        {
            public interface IActorRef { void Tell(object message, IActorRef sender); }
            public interface IActorContext { IActorRef Self { get; } void Stop(IActorRef child); }
            public abstract class ActorBase
            {
                protected static IActorContext Context => null!;
                protected IActorRef Sender => null!;
                protected IActorRef Self => null!;
                protected abstract bool Receive(object message);
                public virtual void PreStart() { }
            }
            public abstract class UntypedActor : ActorBase
            {
                protected sealed override bool Receive(object message) { OnReceive(message); return true; }
                protected abstract void OnReceive(object message);
            }
            public abstract class ReceiveActor : UntypedActor
            {
                protected sealed override void OnReceive(object message) { }
                protected void Receive<T>(System.Action<T> handler) { }
            }
            public class EventLogger : ActorBase { protected override bool Receive(object message) => true; }
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("sc-base-classes-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The library as a package found for the page: its assembly written to a file, as a restore gives it.</summary>
    private PackageInference.Found Acme(bool withLogger)
    {
        var source = withLogger ? Library : Library.Replace(
            "public class EventLogger : ActorBase { protected override bool Receive(object message) => true; }", "", StringComparison.Ordinal);
        var name = withLogger ? "Acme.Actors" : "Acme.Actors.Core";
        var path = Path.Combine(_folder, name + ".dll");
        var emitted = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)], ReferenceAssemblies.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).Emit(path);
        Assert.True(emitted.Success, string.Join('\n', emitted.Diagnostics));
        // A version no other test uses: the classes are indexed once per package and version.
        return new(new PackageRequest(name, $"0.0.{Guid.NewGuid().GetHashCode() & 0xFFFF}", new SourceLocation("docs/post.md", 1, 1)),
            new HashSet<string>(), [path]) { References = CompiledLibrary.Loaded([path]) };
    }

    [Fact]
    public void Names_read_off_an_actor_base_find_the_one_class_that_leaves_nothing_abstract()
    {
        IReadOnlyList<string> bare = ["Context", "Sender", "Self", "Receive"];

        var found = BaseClasses.BaseClassFor(bare, [Acme(withLogger: false)], ReferenceAssemblies.Default, reads: ["Context", "Sender", "Self"]);

        Assert.Equal("Acme.Actors.ReceiveActor", found?.Type.ToDisplayString());
    }

    [Fact]
    public void Of_two_classes_that_fit_the_one_the_pages_classes_derive_from_is_taken_and_none_without_it()
    {
        var acme = Acme(withLogger: true);
        IReadOnlyList<string> reads = ["Context"];

        Assert.Null(BaseClasses.BaseClassFor(reads, [acme], ReferenceAssemblies.Default, reads: reads));
        Assert.Equal("Acme.Actors.ReceiveActor", BaseClasses.BaseClassFor(
            reads, [acme], ReferenceAssemblies.Default, reads: reads, pageBases: new HashSet<string> { "ReceiveActor" })?.Type.ToDisplayString());
        // A page's class may derive from what no block can be written in: it leaves OnReceive abstract.
        Assert.Null(BaseClasses.BaseClassFor(
            reads, [acme], ReferenceAssemblies.Default, reads: reads, pageBases: new HashSet<string> { "UntypedActor" }));
    }

    [Fact]
    public void A_pages_base_classes_are_the_bases_its_blocks_declare_classes_over()
    {
        var page = AdoptionHarness.Page("# Actors\n\n```csharp\npublic class MyActor : ReceiveActor { }\n```\n\n"
            + "```csharp\nclass Validator : AbstractValidator<Person>, IDisposable { }\nContext.Stop(Self);\n```\n");

        Assert.Equal(["AbstractValidator", "ReceiveActor"], BaseClasses.PageBases(page).Order(StringComparer.Ordinal));
    }
}
