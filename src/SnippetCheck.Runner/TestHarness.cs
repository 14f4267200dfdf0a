using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using SnippetCheck.Execution;

namespace SnippetCheck.Runner;

/// <summary>
/// Runs the test methods of a snippet's types as their framework would, for docs written as tests. No framework's
/// engine is loaded (NUnitLite is not on every package source, and xUnit and MSTest have no in-process engine a runner
/// could host): the attributes are read by name, and each framework's rules are followed as its docs state them.
/// <list type="bullet">
/// <item>NUnit: one instance for the fixture (a fresh one per test under <c>[FixtureLifeCycle(InstancePerTestCase)]</c>);
///   <c>[OneTimeSetUp]</c> once, <c>[SetUp]</c> before and <c>[TearDown]</c> after each test (base class first in, last
///   out); tests by name; <c>[TestCase]</c> rows with <c>ExpectedResult</c>; <c>[Ignore]</c>, <c>Assert.Ignore</c> and
///   <c>Assert.Inconclusive</c> skip, <c>Assert.Pass</c> passes.</item>
/// <item>xUnit: a fresh instance per test, whose constructor is the setup and <c>Dispose</c>/<c>DisposeAsync</c> the teardown
///   (<c>IAsyncLifetime</c> too); <c>[Fact(Skip = ...)]</c>; <c>[Theory]</c> with <c>[InlineData]</c> rows.</item>
/// <item>MSTest: a fresh instance per test; <c>[ClassInitialize]</c>/<c>[ClassCleanup]</c> once, <c>[TestInitialize]</c>,
///   <c>[TestCleanup]</c> and <c>Dispose</c> around each test; <c>[DataRow]</c> rows; <c>[Ignore]</c> and
///   <c>Assert.Inconclusive</c> skip.</item>
/// </list>
/// What a framework would run that this does not know (a data source other than inline rows, constructor arguments)
/// fails the test with a message saying so: a test is never reported as run when it was not.
/// </summary>
internal static class TestHarness
{
    private enum Framework { NUnit, Xunit, MSTest }

    private const string NUnitNamespace = "NUnit.Framework.";
    private const string XunitNamespace = "Xunit.";
    private const string MSTestNamespace = "Microsoft.VisualStudio.TestTools.UnitTesting.";

    /// <summary>One test to run: a method, or one data row of it.</summary>
    private sealed record Case(MethodInfo Method, string Name, object?[] Arguments, string? Skip, bool HasExpected = false, object? Expected = null, string? Problem = null);

    public static void Run(Assembly assembly, string[] typeNames, RunCapture capture)
    {
        // Each test runs in a copy of this context, as a test host gives each test its own: what a test leaves in an
        // AsyncLocal (NUnit's assertion results live there) is gone when it ends.
        var context = ExecutionContext.Capture()!;
        foreach (var name in typeNames)
        {
            var type = assembly.GetType(name, throwOnError: true)!;
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static);
            if (methods.Any(m => Has(m, NUnitNamespace + "TestAttribute") || Has(m, NUnitNamespace + "TestCaseAttribute")))
                RunNUnit(type, methods, capture, context);
            else if (methods.Any(m => Has(m, XunitNamespace + "FactAttribute")))
                RunPerTest(type, methods, Framework.Xunit, capture, context);
            else if (methods.Any(m => Has(m, MSTestNamespace + "TestMethodAttribute")))
                RunPerTest(type, methods, Framework.MSTest, capture, context);
        }
    }

    private static void RunNUnit(Type type, MethodInfo[] methods, RunCapture capture, ExecutionContext context)
    {
        var cases = methods.Where(m => Has(m, NUnitNamespace + "TestAttribute") || Has(m, NUnitNamespace + "TestCaseAttribute"))
            .OrderBy(m => Attribute(m, NUnitNamespace + "OrderAttribute") is { } order ? (int)Property(order, "Order")! : int.MaxValue)
            .ThenBy(m => m.Name, StringComparer.Ordinal)
            .SelectMany(NUnitCases).ToList();
        var classSkip = Attribute(type, NUnitNamespace + "IgnoreAttribute") is { } ignored ? IgnoreReason(ignored) : null;
        var perTest = Attribute(type, NUnitNamespace + "FixtureLifeCycleAttribute") is { } lifeCycle && Property(lifeCycle, "LifeCycle")?.ToString() == "InstancePerTestCase";
        var setUps = Hierarchy(type, NUnitNamespace + "SetUpAttribute");
        var tearDowns = Hierarchy(type, NUnitNamespace + "TearDownAttribute").AsEnumerable().Reverse().ToList();
        var oneTimeSetUps = Hierarchy(type, NUnitNamespace + "OneTimeSetUpAttribute");
        var oneTimeTearDowns = Hierarchy(type, NUnitNamespace + "OneTimeTearDownAttribute").AsEnumerable().Reverse().ToList();

        object? shared = null;
        string? fixtureFailure = null;
        if (classSkip is null && cases.Any(c => c.Skip is null))
        {
            capture.BeginTest();
            try
            {
                if (!perTest) shared = NewInstance(type);
                foreach (var method in oneTimeSetUps) Invoke(method, shared, []);
            }
            catch (Exception e)
            {
                fixtureFailure = "OneTimeSetUp: " + Describe(Unwrap(e), Framework.NUnit).Message;
            }
            capture.EndTest();
        }
        foreach (var test in cases)
        {
            var skip = classSkip ?? test.Skip;
            if (skip is not null || fixtureFailure is not null || test.Problem is not null)
            {
                capture.AddTest(Report(type, test, skip is not null ? TestEnding.Skipped : TestEnding.Failed, skip ?? test.Problem ?? fixtureFailure, null, "", 0));
                continue;
            }
            ExecutionContext.Run(context.CreateCopy(), _ => RunOne(type, test, Framework.NUnit, capture, () => perTest ? NewInstance(type) : shared, setUps, tearDowns, dispose: perTest), null);
        }
        if (fixtureFailure is null && (shared is not null || oneTimeTearDowns.Count > 0) && cases.Any(c => c.Skip is null) && classSkip is null)
        {
            capture.BeginTest();
            try
            {
                foreach (var method in oneTimeTearDowns) Invoke(method, shared, []);
                if (shared is not null) Dispose(shared);
            }
            catch (Exception)
            {
                // NUnit reports a OneTimeTearDown failure on the fixture, not on a test that already passed.
            }
            capture.EndTest();
        }
    }

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
            var name = Property(row, "TestName") as string ?? $"{method.Name}({string.Join(",", arguments.Select(a => Display(a, Framework.NUnit)))})";
            var rowSkip = Property(row, "Ignore") as string ?? Property(row, "IgnoreReason") as string;
            if (string.IsNullOrEmpty(rowSkip)) rowSkip = Property(row, "Explicit") is true ? "explicit" : null;
            var hasExpected = Property(row, "HasExpectedResult") is true;
            yield return new Case(method, name, arguments, skip ?? rowSkip, hasExpected, hasExpected ? Property(row, "ExpectedResult") : null, problem);
        }
    }

    /// <summary>xUnit and MSTest: a fresh instance for every test, and its setup and teardown around it.</summary>
    private static void RunPerTest(Type type, MethodInfo[] methods, Framework framework, RunCapture capture, ExecutionContext context)
    {
        var xunit = framework == Framework.Xunit;
        var cases = methods.Where(m => Has(m, xunit ? XunitNamespace + "FactAttribute" : MSTestNamespace + "TestMethodAttribute"))
            .OrderBy(m => m.MetadataToken)
            .SelectMany(m => xunit ? XunitCases(type, m) : MSTestCases(type, m)).ToList();
        var setUps = xunit ? [] : Hierarchy(type, MSTestNamespace + "TestInitializeAttribute");
        var tearDowns = xunit ? [] : Hierarchy(type, MSTestNamespace + "TestCleanupAttribute").AsEnumerable().Reverse().ToList();
        var classSkip = xunit ? null : Attribute(type, MSTestNamespace + "IgnoreAttribute") is { } ignored ? Property(ignored, "IgnoreMessage") as string ?? "" : null;
        var classInitialize = xunit ? [] : Hierarchy(type, MSTestNamespace + "ClassInitializeAttribute");
        var classCleanup = xunit ? [] : Hierarchy(type, MSTestNamespace + "ClassCleanupAttribute").AsEnumerable().Reverse().ToList();

        string? classFailure = null;
        var runs = classSkip is null && cases.Any(c => c.Skip is null);
        if (runs && classInitialize.Count > 0)
        {
            capture.BeginTest();
            try
            {
                foreach (var method in classInitialize) Invoke(method, null, method.GetParameters().Select(_ => (object?)null).ToArray());
            }
            catch (Exception e)
            {
                classFailure = "Class Initialization method threw exception: " + Describe(Unwrap(e), framework).Message;
            }
            capture.EndTest();
        }
        foreach (var test in cases)
        {
            var skip = classSkip ?? test.Skip;
            if (skip is not null || classFailure is not null || test.Problem is not null)
            {
                capture.AddTest(Report(type, test, skip is not null ? TestEnding.Skipped : TestEnding.Failed, skip ?? test.Problem ?? classFailure, null, "", 0));
                continue;
            }
            ExecutionContext.Run(context.CreateCopy(), _ => RunOne(type, test, framework, capture, () => NewInstance(type), setUps, tearDowns, dispose: true), null);
        }
        if (runs && classFailure is null && classCleanup.Count > 0)
        {
            capture.BeginTest();
            try
            {
                foreach (var method in classCleanup) Invoke(method, null, method.GetParameters().Select(_ => (object?)null).ToArray());
            }
            catch (Exception)
            {
                // Reported by MSTest on the class, not on a test that already passed.
            }
            capture.EndTest();
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
        if (problem is null && Attributes(method, XunitNamespace).Any(a => a.GetType().FullName is "Xunit.MemberDataAttribute" or "Xunit.ClassDataAttribute"))
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
            yield return new Case(method, $"{baseName}({string.Join(", ", shown)})", arguments, skip ?? (Property(row, "Skip") as string), Problem: problem);
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
            var name = Property(row, "DisplayName") as string ?? $"{method.Name} ({string.Join(",", arguments.Select(a => Display(a, Framework.MSTest)))})";
            yield return new Case(method, name, arguments, skip ?? (Property(row, "IgnoreMessage") as string), Problem: problem);
        }
    }

    /// <summary>One test: its instance, setup, the test, teardown (after a setup that ran, whatever the test did), and dispose.</summary>
    private static void RunOne(Type type, Case test, Framework framework, RunCapture capture, Func<object?> instance, IReadOnlyList<MethodInfo> setUps,
        IReadOnlyList<MethodInfo> tearDowns, bool dispose)
    {
        var clock = Stopwatch.StartNew();
        capture.BeginTest();
        Exception? failure = null;
        object? target = null;
        try
        {
            target = test.Method.IsStatic ? null : instance();
            if (framework == Framework.Xunit && target is not null) Await(Call(target, "InitializeAsync"));
            foreach (var setUp in setUps) Invoke(setUp, target, []);
            var returned = Invoke(test.Method, target, Arguments(test));
            if (test.HasExpected && !Equals(Normalize(returned), Normalize(test.Expected)))
                // NUnit checks an ExpectedResult with an assertion of its own, and words the failure as that assertion.
                failure = new ExpectedResultException("  Assert.That(result, Is.EqualTo(_testMethod.ExpectedResult))\n" +
                    $"  Expected: {Display(test.Expected, Framework.NUnit)}\n  But was:  {Display(returned, Framework.NUnit)}\n");
        }
        catch (Exception e)
        {
            failure = Unwrap(e);
        }
        if (target is not null || test.Method.IsStatic)
        {
            try
            {
                foreach (var tearDown in tearDowns) Invoke(tearDown, target, []);
                if (dispose && target is not null)
                {
                    if (framework == Framework.Xunit) Await(Call(target, "DisposeAsync"));
                    Dispose(target);
                }
            }
            catch (Exception e)
            {
                failure ??= Unwrap(e);
            }
        }
        var output = capture.EndTest();
        var (ending, message) = failure is null ? (TestEnding.Passed, (string?)null) : Describe(failure, framework, $"{type.FullName}.{test.Method.Name}");
        var thrown = ending == TestEnding.Failed && failure is not ExpectedResultException ? failure : null;
        capture.AddTest(Report(type, test, ending, message, thrown, output, clock.Elapsed.TotalMilliseconds));
    }

    private static TestReport Report(Type type, Case test, TestEnding ending, string? message, Exception? thrown, string output, double milliseconds) =>
        new(type.FullName!, test.Method.Name, test.Name, ending, message, thrown?.GetType().FullName, thrown?.ToString(), output, milliseconds);

    /// <summary>A NUnit <c>ExpectedResult</c> that differs, reported as NUnit words it.</summary>
    private sealed class ExpectedResultException(string message) : Exception(message);

    private static object? Normalize(object? value) => value switch
    {
        int or long or short or byte or sbyte or uint or ushort or ulong => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        double or float => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>How the test ended, and its framework's words for it: the assertion's own message, a skip's reason.</summary>
    private static (TestEnding Ending, string Message) Describe(Exception e, Framework framework, string? method = null)
    {
        var type = e.GetType();
        if (e is ExpectedResultException) return (TestEnding.Failed, e.Message);
        switch (framework)
        {
            case Framework.NUnit:
                if (Is(type, NUnitNamespace + "SuccessException")) return (TestEnding.Passed, e.Message);
                if (Is(type, NUnitNamespace + "IgnoreException") || Is(type, NUnitNamespace + "InconclusiveException")) return (TestEnding.Skipped, e.Message);
                if (Is(type, NUnitNamespace + "AssertionException") || Is(type, NUnitNamespace + "MultipleAssertException")) return (TestEnding.Failed, e.Message);
                return (TestEnding.Failed, $"{type.FullName} : {e.Message}");
            case Framework.Xunit:
                const string dynamicSkip = "$XunitDynamicSkip$";
                if (e.Message.StartsWith(dynamicSkip, StringComparison.Ordinal)) return (TestEnding.Skipped, e.Message[dynamicSkip.Length..]);
                if (type.FullName!.StartsWith("Xunit.", StringComparison.Ordinal)) return (TestEnding.Failed, e.Message);
                return (TestEnding.Failed, $"{type.FullName} : {e.Message}");
            default:
                if (Is(type, MSTestNamespace + "AssertInconclusiveException")) return (TestEnding.Skipped, e.Message);
                if (Is(type, MSTestNamespace + "AssertFailedException") || Is(type, MSTestNamespace + "UnitTestAssertException")) return (TestEnding.Failed, e.Message);
                return (TestEnding.Failed, (method is null ? "" : $"Test method {method} threw exception: \n") + $"{type.FullName}: {e.Message}");
        }
    }

    /// <summary>What each framework refuses to run: an <c>async void</c> test, and NUnit's non-public one.</summary>
    private static string? NotRunnable(MethodInfo method, Framework framework)
    {
        if (method.ReturnType == typeof(void) && method.GetCustomAttributes().Any(a => a.GetType().FullName == "System.Runtime.CompilerServices.AsyncStateMachineAttribute"))
            return "Async test method must have non-void return type";
        if (framework == Framework.NUnit && !method.IsPublic) return "Method is not public";
        if (method.IsGenericMethodDefinition) return "SnippetCheck does not run generic test methods";
        return null;
    }

    private static string? ConstructorProblem(Type type) =>
        type.IsAbstract || type.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, null, Type.EmptyTypes, null) is not null
            ? null
            : "SnippetCheck runs test classes with a parameterless constructor; constructor arguments (fixtures, ITestOutputHelper, TestContext) are not supported";

    private static object NewInstance(Type type)
    {
        try
        {
            return Activator.CreateInstance(type, nonPublic: true)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // Rethrown as thrown, stack and all: the failure is reported at the test's own line.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static object?[] Arguments(Case test)
    {
        var parameters = test.Method.GetParameters();
        if (parameters.Length != test.Arguments.Length)
            throw new TargetParameterCountException($"Wrong number of arguments provided: {test.Arguments.Length} given, {parameters.Length} expected");
        var converted = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var argument = test.Arguments[i];
            var target = Nullable.GetUnderlyingType(parameters[i].ParameterType) ?? parameters[i].ParameterType;
            // The frameworks widen a row's constants to the parameter's type: 2 for a double, "2026-01-01" for a DateTime.
            converted[i] = argument is null || target.IsInstanceOfType(argument) ? argument
                : target.IsEnum ? Enum.ToObject(target, argument)
                : argument is IConvertible && typeof(IConvertible).IsAssignableFrom(target) ? Convert.ChangeType(argument, target, CultureInfo.InvariantCulture)
                : argument;
        }
        return converted;
    }

    /// <summary>Calls a method and waits for what it returns (a task): a test, a setup or a teardown.</summary>
    private static object? Invoke(MethodInfo method, object? target, object?[] arguments)
    {
        try
        {
            return Await(method.Invoke(method.IsStatic ? null : target, arguments));
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            // Rethrown as thrown, stack and all: the failure is reported at the test's own line.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static object? Await(object? returned)
    {
        if (returned is null) return null;
        if (returned.GetType().FullName!.StartsWith("System.Threading.Tasks.ValueTask", StringComparison.Ordinal))
            returned = returned.GetType().GetMethod("AsTask")!.Invoke(returned, null);
        if (returned is not Task task) return returned;
        task.GetAwaiter().GetResult();
        var type = task.GetType();
        return type.IsGenericType && type.GetGenericArguments()[0].Name != "VoidTaskResult" ? type.GetProperty("Result")!.GetValue(task) : null;
    }

    /// <summary>xUnit's <c>IAsyncLifetime</c> methods, when the class has them.</summary>
    private static object? Call(object target, string name)
    {
        var lifetime = target.GetType().GetInterfaces().FirstOrDefault(i => i.FullName is "Xunit.IAsyncLifetime" || (name == "DisposeAsync" && i == typeof(IAsyncDisposable)));
        if (lifetime is null) return null;
        if (name == "DisposeAsync" && target is IAsyncDisposable disposable) return disposable.DisposeAsync();
        return lifetime.GetMethod(name)?.Invoke(target, null);
    }

    private static void Dispose(object target)
    {
        if (target is IDisposable disposable) disposable.Dispose();
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is TargetInvocationException { InnerException: { } inner }) e = inner;
        while (e is AggregateException { InnerExceptions.Count: 1 } aggregate) e = aggregate.InnerExceptions[0];
        return e;
    }

    /// <summary>The methods of the type and its bases that carry the attribute, base class first.</summary>
    private static List<MethodInfo> Hierarchy(Type type, string attribute)
    {
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType) chain.Insert(0, t);
        return [.. chain.SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => Has(m, attribute)).OrderBy(m => m.MetadataToken))];
    }

    private static string? IgnoreReason(object ignore) =>
        Property(ignore, "Reason") as string
        ?? ignore.GetType().GetField("_reason", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(ignore) as string
        ?? "ignored";

    private static bool Has(MemberInfo member, string attribute) => Attributes(member, attribute).Any();

    private static object? Attribute(MemberInfo member, string attribute) => Attributes(member, attribute).FirstOrDefault();

    /// <summary>The member's attributes whose type is (or derives from) <paramref name="name"/>, or, for a name ending in '.', lies in that namespace.</summary>
    private static IEnumerable<object> Attributes(MemberInfo member, string name)
    {
        object[] all;
        try
        {
            all = member.GetCustomAttributes(inherit: true);
        }
        catch (Exception e) when (e is TypeLoadException or FileNotFoundException or CustomAttributeFormatException)
        {
            return [];
        }
        return name.EndsWith('.') ? all.Where(a => a.GetType().FullName!.StartsWith(name, StringComparison.Ordinal)) : all.Where(a => Is(a.GetType(), name));
    }

    private static bool Is(Type? type, string fullName)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.FullName == fullName) return true;
        }
        return false;
    }

    private static object? Property(object target, string name) => target.GetType().GetProperty(name)?.GetValue(target);

    /// <summary>A data row's argument as its framework writes it in a test's name.</summary>
    private static string Display(object? value, Framework framework) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        char c => $"'{c}'",
        bool b => b ? "True" : "False",
        double d when framework == Framework.NUnit => d.ToString(CultureInfo.InvariantCulture) + "d",
        float f when framework == Framework.NUnit => f.ToString(CultureInfo.InvariantCulture) + "f",
        decimal m when framework == Framework.NUnit => m.ToString(CultureInfo.InvariantCulture) + "m",
        long l when framework == Framework.NUnit => l.ToString(CultureInfo.InvariantCulture) + "L",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
