using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Adoption.Inference.Receivers;
using SnippetCheck.Compilation;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Receivers;

/// <summary>
/// A receiver declared nowhere, read through what its call returns (issue 76, FluentAssertions' pages): an assertion
/// library's <c>Should()</c> extends every type (object's among them), so <c>subject.Should()</c> alone says nothing; the
/// assertions called on its result do: <c>HaveBufferSize</c> is a buffered stream's, <c>StartWith</c> a string's.
/// </summary>
public sealed class ChainedReceiverTests
{
    private const string Library = """
        namespace Acme.Assertions
        {
            public class ObjectAssertions { public void Be(object expected) { } public void NotBeNull() { } }
            public class StringAssertions { public void Be(string expected) { } public void StartWith(string start) { } }
            public class NumericAssertions { public void Be(int expected) { } }
            public class StreamAssertions { public void HaveLength(long length) { } }
            public class BufferedStreamAssertions : StreamAssertions { public void HaveBufferSize(int size) { } }
            public static class AssertionExtensions
            {
                public static ObjectAssertions Should(this object subject) => new();
                public static StringAssertions Should(this string subject) => new();
                public static NumericAssertions Should(this int subject) => new();
                public static StreamAssertions Should(this System.IO.Stream subject) => new();
                public static BufferedStreamAssertions Should(this System.IO.BufferedStream subject) => new();
            }
        }
        """;

    [Fact]
    public void A_receiver_declared_nowhere_is_of_the_one_type_whose_shoulds_result_has_the_assertions_called()
    {
        using var folder = new TempFolder();
        var index = ReceiverIndex.Of(CompiledLibrary.Loaded([.. Framework(), Compile(folder, Library)]));
        var root = CSharpSyntaxTree.ParseText("""
            var stream = new BufferedStream(new MemoryStream(), 1024);
            subject.Should().HaveBufferSize(1024);
            theString.Should().Be("This is a String");
            theString.Should().StartWith("This");
            other.Should().Be(1);
            """).GetCompilationUnitRoot();

        var calls = InferredReceivers.CallsOn(root, ["subject", "theString", "other"]);

        Assert.Equal("BufferedStream", index.TypeFor(calls["subject"], "subject")?.Type);
        Assert.Equal("String", index.TypeFor(calls["theString"], "theString")?.Type);
        // 'Be(1)' is an object's, a string's and an int's assertion alike: the base of all, as without the chain.
        Assert.Equal("Object", index.TypeFor(calls["other"], "other")?.Type);
    }

    private static IEnumerable<string> Framework() =>
        ReferenceAssemblies.Default.OfType<PortableExecutableReference>().Select(r => r.FilePath).OfType<string>();

    private static string Compile(TempFolder folder, string source)
    {
        var path = Path.Combine(folder.Path, "Acme.Assertions.dll");
        var emitted = CSharpCompilation.Create("Acme.Assertions", [CSharpSyntaxTree.ParseText(source)], ReferenceAssemblies.Default,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)).Emit(path);
        Assert.True(emitted.Success, string.Join('\n', emitted.Diagnostics));
        return path;
    }
}
