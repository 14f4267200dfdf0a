using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnippetCheck.Adoption.Inference.Receivers;
using SnippetCheck.Compilation;

namespace SnippetCheck.Tests.Unit.Adoption.Inference.Receivers;

/// <summary>
/// Issue 77, Required 3: an ASP.NET Core app's <c>app</c>, used bare for its services (<c>var provider = app.ApplicationServices;</c>
/// then a library's extension on the provider), is of the app builder's interface, whatever else in the Web SDK also has
/// such a property.
/// </summary>
public sealed class AppReceiverTests
{
    [Fact]
    public void An_app_read_for_its_application_services_is_an_application_builder()
    {
        var index = ReceiverIndex.Of([.. Files(ReferenceAssemblies.Default), .. Files(ReferenceAssemblies.Web)]);
        var root = CSharpSyntaxTree.ParseText("var provider = app.ApplicationServices;\nprovider.UseWidgets(w => w.Every(5));\n")
            .GetCompilationUnitRoot();

        var calls = InferredReceivers.CallsOn(root, ["app"]);

        Assert.Equal("IApplicationBuilder", index.TypeFor(calls["app"], "app")?.Type);
    }

    private static IEnumerable<MetadataReference> Files(IEnumerable<MetadataReference> references) =>
        references.OfType<PortableExecutableReference>().Where(r => r.FilePath is not null);
}
