using System.Reflection;
using Xunit.Abstractions;

namespace SnippetCheck.Tests.Shared;

/// <summary>
/// A test class that takes this many seconds of a suite run (a long one takes minutes): <see cref="LongestFirst"/> starts
/// it before the short ones. The figure is the class's test time in a CI run (eng/test-times.py); only the order among
/// the classes uses it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TakesSecondsAttribute(int seconds) : Attribute
{
    public int Seconds { get; } = seconds;
}

/// <summary>
/// Runs the test classes longest first (each class is its own collection). xunit runs two at a time on a 2-core
/// machine, in the order given: a class of several minutes that starts last ends alone, minutes after the rest, while
/// one that starts first runs beside the short ones (the longest-processing-time-first rule). The classes without
/// <see cref="TakesSecondsAttribute"/> keep xunit's order.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private const string PerClassCollection = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderByDescending(Seconds);

    private static int Seconds(ITestCollection collection)
    {
        if (!collection.DisplayName.StartsWith(PerClassCollection, StringComparison.Ordinal)) return 0;
        var type = collection.TestAssembly.Assembly is IReflectionAssemblyInfo assembly
            ? assembly.Assembly.GetType(collection.DisplayName[PerClassCollection.Length..])
            : null;
        return type?.GetCustomAttribute<TakesSecondsAttribute>()?.Seconds ?? 0;
    }
}
