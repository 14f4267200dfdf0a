using System.Reflection;

namespace SnippetCheck.Runner;

// The tests a method stands for: itself, or one case for each data row its framework reads ([TestCase], [InlineData],
// [DataRow]), named as the framework names them.
internal static partial class TestHarness
{
    private static IEnumerable<Case> NUnitCases(MethodInfo method)
    {
        var skip = Attribute(method, NUnitNamespace + "IgnoreAttribute") is { } ignored ? IgnoreReason(ignored)
            : Attribute(method, NUnitNamespace + "ExplicitAttribute") is not null ? "explicit" : null;
        var problem = NotRunnable(method, Framework.NUnit);
        var rows = Attributes(method, NUnitNamespace + "TestCaseAttribute").ToList();
        if (rows.Count == 0)
        {
            var test = Attribute(method, NUnitNamespace + "TestAttribute");
            var hasExpected = test is not null && Property(test, "HasExpectedResult") is true;
            if (problem is null && method.GetParameters().Length > 0)
                problem = Attributes(method, NUnitNamespace).Any(a => a.GetType().FullName!.EndsWith("SourceAttribute", StringComparison.Ordinal))
                    ? "SnippetCheck runs [TestCase] rows; a test case source is not supported: write the rows as [TestCase]"
                    : "No arguments were provided";
            yield return new Case(method, method.Name, [], skip, hasExpected, hasExpected ? Property(test!, "ExpectedResult") : null, problem);
            yield break;
        }
        foreach (var row in rows)
        {
            var arguments = (object?[])(Property(row, "Arguments") ?? Array.Empty<object?>());
            var name = Property(row, "TestName") as string
                ?? $"{method.Name}({string.Join(",", arguments.Select(a => Display(a, Framework.NUnit)))})";
            var rowSkip = Property(row, "Ignore") as string ?? Property(row, "IgnoreReason") as string;
            if (string.IsNullOrEmpty(rowSkip)) rowSkip = Property(row, "Explicit") is true ? "explicit" : null;
            var hasExpected = Property(row, "HasExpectedResult") is true;
            yield return new Case(
                method, name, arguments, skip ?? rowSkip, hasExpected, hasExpected ? Property(row, "ExpectedResult") : null, problem);
        }
    }

    private static IEnumerable<Case> XunitCases(Type type, MethodInfo method)
    {
        var fact = Attribute(method, XunitNamespace + "FactAttribute")!;
        var skip = Property(fact, "Skip") as string;
        var problem = NotRunnable(method, Framework.Xunit) ?? ConstructorProblem(type);
        var baseName = $"{type.FullName}.{method.Name}";
        if (!Is(fact.GetType(), XunitNamespace + "TheoryAttribute"))
        {
            if (problem is null && method.GetParameters().Length > 0)
                problem = "Fact methods cannot have parameters";
            yield return new Case(method, baseName, [], skip, Problem: problem);
            yield break;
        }
        var rows = Attributes(method, XunitNamespace + "InlineDataAttribute").ToList();
        if (problem is null
            && Attributes(method, XunitNamespace).Any(a => a.GetType().FullName is "Xunit.MemberDataAttribute" or "Xunit.ClassDataAttribute"))
            problem = "SnippetCheck runs [InlineData] rows; [MemberData] and [ClassData] are not supported: write the rows as [InlineData]";
        if (rows.Count == 0)
        {
            yield return new Case(method, baseName, [], skip, Problem: problem ?? $"No data found for {baseName}");
            yield break;
        }
        var parameters = method.GetParameters();
        foreach (var row in rows)
        {
            var arguments = InlineData(row, method);
            var shown = arguments.Select((a, i) => (i < parameters.Length ? parameters[i].Name : "???") + ": " + Display(a, Framework.Xunit));
            yield return new Case(
                method, $"{baseName}({string.Join(", ", shown)})", arguments, skip ?? (Property(row, "Skip") as string), Problem: problem);
        }
    }

    private static object?[] InlineData(object row, MethodInfo method)
    {
        // xUnit v3 keeps the row in 'Data'; v2 hands it out through GetData.
        if (row.GetType().GetProperty("Data")?.GetValue(row) is object?[] data) return data;
        var rows = row.GetType().GetMethod("GetData", [typeof(MethodInfo)])?.Invoke(row, [method]) as System.Collections.IEnumerable;
        return rows?.Cast<object?[]>().FirstOrDefault() ?? [];
    }

    private static IEnumerable<Case> MSTestCases(Type type, MethodInfo method)
    {
        var skip = Attribute(method, MSTestNamespace + "IgnoreAttribute") is { } ignored ? Property(ignored, "IgnoreMessage") as string ?? "" : null;
        var problem = NotRunnable(method, Framework.MSTest) ?? ConstructorProblem(type);
        var rows = Attributes(method, MSTestNamespace + "DataRowAttribute").ToList();
        if (rows.Count == 0)
        {
            if (problem is null && method.GetParameters().Length > 0)
                problem = Attributes(method, MSTestNamespace + "DynamicDataAttribute").Any()
                    ? "SnippetCheck runs [DataRow] rows; [DynamicData] is not supported: write the rows as [DataRow]"
                    : $"Only data driven test methods can have parameters. Did you intend to use [DataRow] or [DynamicData]?";
            yield return new Case(method, method.Name, [], skip, Problem: problem);
            yield break;
        }
        foreach (var row in rows)
        {
            var arguments = (object?[])(Property(row, "Data") ?? Array.Empty<object?>());
            var name = Property(row, "DisplayName") as string
                ?? $"{method.Name} ({string.Join(",", arguments.Select(a => Display(a, Framework.MSTest)))})";
            yield return new Case(method, name, arguments, skip ?? (Property(row, "IgnoreMessage") as string), Problem: problem);
        }
    }
}
