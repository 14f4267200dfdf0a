using SnippetCheck.Adoption.Inference.Receivers;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Receivers;

/// <summary>
/// Issue 77, item 3: the type a bare local passed to a call on an inferred receiver is given
/// (<see cref="ReceiverIndex.ArgumentType"/>), over a logging library written here and compiled to a file, as a restored
/// package's assembly is. The parameter's type where every overload the call can mean, as written (its own methods and
/// its extensions), agrees on it; none where they disagree (<c>Warn(problem, text)</c>: an Exception or an EventId
/// first), where the parameter is <c>params</c> or by reference; a method's own unconstrained type parameter takes Object.
/// A whole run (the former <c>EndToEnd/Adoption/AdoptGivenArgumentsTests</c>, deleted) left its disagreeing block untagged
/// for other reasons too and passed with the agreement broken, so only this test shows it.
/// </summary>
public sealed class ArgumentTypeTests : IClassFixture<ArgumentTypeTests.Library>
{
    /// <summary>The library's index, built once for the class (the framework's assemblies take a second or so to index).</summary>
    public sealed class Library : IDisposable
    {
        private const string Source = """
            namespace Acme.Logs
            {
                public sealed class EventId { }
                public sealed class Journal
                {
                    public void Warn(System.Exception error, string message) { }
                    public void Warn(EventId id, string message) { }
                    public void Audit(string entry) { }
                    public void Trace(params object[] values) { }
                    public void Count(ref int total) { }
                    public void Keep<TItem>(string key, TItem value) { }
                }
                public static class JournalExtensions
                {
                    public static void Audit(this Journal journal, string entry, bool flush = false) { }
                    public static void Audit(this Journal journal, EventId id, string entry) { }
                }
            }
            """;

        private readonly TempFolder _folder = new();

        public Library() =>
            Index = ReceiverIndex.Of(CompiledLibrary.Loaded([.. CompiledLibrary.Framework(), CompiledLibrary.Emit(_folder, "Acme.Logs", Source)]));

        internal ReceiverIndex Index { get; }

        public void Dispose() => _folder.Dispose();
    }

    private readonly ReceiverIndex _index;
    private readonly ReceiverIndex.Fit _journal;

    public ArgumentTypeTests(Library library)
    {
        _index = library.Index;
        _journal = Assert.IsType<ReceiverIndex.Fit>(_index.TypeFor([new("Warn", null, 2), new("Audit", null, 1)], "journal"));
    }

    private ReceiverIndex.Fit? Argument(string method, int arguments, int position, int? arity = null) =>
        _index.ArgumentType(_journal, new(method, arity, arguments), position);

    [Fact]
    public void The_receiver_is_the_librarys_type_the_calls_fit()
    {
        Assert.Equal(("Journal", "Acme.Logs"), (_journal.Type, Assert.Single(_journal.Namespaces)));
    }

    /// <summary>A receiver a doc set declares (<c>var journal = new Journal();</c>) is that type when its calls resolve on it.</summary>
    [Fact]
    public void A_receiver_the_docs_declare_is_the_type_written_when_its_calls_resolve_on_it()
    {
        var declared = _index.Declared("Journal", [new("Audit", null, 1)]);
        Assert.Equal("Journal", declared?.Type);
        Assert.Equal("String", declared is null ? null : _index.ArgumentType(declared, new("Audit", null, 1), 0)?.Type);
        Assert.Equal("Journal", _index.Declared("Acme.Logs.Journal", [new("Audit", null, 1)])?.Type);
        // A call the type lacks, or one with an argument too many, and a type no reference declares: none.
        Assert.Null(_index.Declared("Journal", [new("Audit", null, 1), new("Auditq", null, 1)]));
        Assert.Null(_index.Declared("Journal", [new("Audit", null, 4)]));
        Assert.Null(_index.Declared("Diary", [new("Audit", null, 1)]));
    }

    [Fact]
    public void A_parameter_every_overload_agrees_on_is_the_arguments_type_with_its_namespace()
    {
        // Warn's two overloads both take the message second.
        var message = Argument("Warn", arguments: 2, position: 1);
        Assert.Equal("String", message?.Type);
        Assert.Equal(["System"], message?.Namespaces);
        // Audit(entry) is a method and an extension with an optional flag: both take a String first. The extension that takes
        // an EventId first needs two arguments, so a call of one cannot mean it.
        Assert.Equal("String", Argument("Audit", arguments: 1, position: 0)?.Type);
    }

    [Fact]
    public void A_parameter_the_overloads_disagree_on_is_given_no_type()
    {
        // An Exception or an EventId: the call binds either, so no type is guessed; the same call's agreed parameter is typed.
        Assert.Null(Argument("Warn", arguments: 2, position: 0));
        Assert.Equal("String", Argument("Warn", arguments: 2, position: 1)?.Type);
        // Audit(id, entry) against Audit(entry, flush): two arguments, a String or an EventId first, a bool or a String second.
        Assert.Null(Argument("Audit", arguments: 2, position: 0));
        Assert.Null(Argument("Audit", arguments: 2, position: 1));
    }

    [Fact]
    public void A_params_or_by_reference_parameter_is_given_no_type_and_a_methods_own_type_parameter_takes_object()
    {
        Assert.Null(Argument("Trace", arguments: 1, position: 0));
        Assert.Null(Argument("Count", arguments: 1, position: 0));
        Assert.Equal("String", Argument("Keep", arguments: 2, position: 0, arity: null)?.Type);
        Assert.Equal("Object", Argument("Keep", arguments: 2, position: 1, arity: null)?.Type);
        // A position one of the overloads lacks (the method has no second parameter, the extension has) is none.
        Assert.Null(Argument("Audit", arguments: 1, position: 1));
    }
}
