using SnippetCheck.Adoption.Inference.Receivers;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Receivers;

/// <summary>
/// Issue 54, a receiver's type from a generic extension: Spectre.Console declares
/// <c>static T SetAlignment&lt;T&gt;(this T obj, Justify j) where T : class, IAlignable</c>, and one of its many alignables,
/// <c>PanelHeader</c>, also has a <c>SetAlignment</c> of its own. The extension was ignored, so <c>column.SetAlignment(…)</c>
/// typed the column a PanelHeader; every type the constraint admits fits alike, so it is the constraint's interface.
/// </summary>
public sealed class GenericExtensionReceiverTests
{
    private const string Library = """
        namespace Acme.Layout
        {
            public interface IAlignable { int Alignment { get; set; } }
            public sealed class Header : IAlignable { public int Alignment { get; set; } public Header SetAlignment(int a) => this; }
            public sealed class Column : IAlignable { public int Alignment { get; set; } }
            public sealed class Cell : IAlignable { public int Alignment { get; set; } }
            public struct Point { public int X; }
            public static class AlignableExtensions
            {
                public static T SetAlignment<T>(this T obj, int alignment) where T : class, IAlignable => obj;
                public static T Offset<T>(this T obj, int by) where T : struct => obj;
            }
        }
        """;

    [Fact]
    public void A_call_of_a_generic_extension_types_its_receiver_by_the_extensions_constraint()
    {
        using var folder = new TempFolder();
        var index = ReceiverIndex.Of(CompiledLibrary.Loaded([.. CompiledLibrary.Framework(), CompiledLibrary.Emit(folder, "Acme.Layout", Library)]));

        var fit = index.TypeFor([new("SetAlignment", null, 1)]);

        Assert.Equal("IAlignable", fit?.Type);
        Assert.Equal(["Acme.Layout"], fit?.Namespaces);
        // A struct-only extension admits no class: Header's own method and the struct's extension never meet on one type.
        Assert.Null(index.TypeFor([new("SetAlignment", null, 1), new("Offset", null, 1)]));
    }
}
