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
internal static partial class TestHarness
{
    private enum Framework { NUnit, Xunit, MSTest }

    private const string NUnitNamespace = "NUnit.Framework.";
    private const string XunitNamespace = "Xunit.";
    private const string MSTestNamespace = "Microsoft.VisualStudio.TestTools.UnitTesting.";

    /// <summary>One test to run: a method, or one data row of it.</summary>
    private sealed record Case(
        MethodInfo Method, string Name, object?[] Arguments, string? Skip, bool HasExpected = false, object? Expected = null, string? Problem = null);

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
        var perTest = Attribute(type, NUnitNamespace + "FixtureLifeCycleAttribute") is { } lifeCycle
            && Property(lifeCycle, "LifeCycle")?.ToString() == "InstancePerTestCase";
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
                capture.AddTest(Report(
                    type, test, skip is not null ? TestEnding.Skipped : TestEnding.Failed, skip ?? test.Problem ?? fixtureFailure, null, "", 0));
                continue;
            }
            ExecutionContext.Run(
                context.CreateCopy(), _ =>
                RunOne(type, test, Framework.NUnit, capture, () => perTest ? NewInstance(type) : shared, setUps, tearDowns, dispose: perTest), null);
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

    /// <summary>xUnit and MSTest: a fresh instance for every test, and its setup and teardown around it.</summary>
    private static void RunPerTest(Type type, MethodInfo[] methods, Framework framework, RunCapture capture, ExecutionContext context)
    {
        var xunit = framework == Framework.Xunit;
        var cases = methods.Where(m => Has(m, xunit ? XunitNamespace + "FactAttribute" : MSTestNamespace + "TestMethodAttribute"))
            .OrderBy(m => m.MetadataToken)
            .SelectMany(m => xunit ? XunitCases(type, m) : MSTestCases(type, m)).ToList();
        var setUps = xunit ? [] : Hierarchy(type, MSTestNamespace + "TestInitializeAttribute");
        var tearDowns = xunit ? [] : Hierarchy(type, MSTestNamespace + "TestCleanupAttribute").AsEnumerable().Reverse().ToList();
        var classSkip = xunit ? null : Attribute(type, MSTestNamespace + "IgnoreAttribute") is { } ignored
            ? Property(ignored, "IgnoreMessage") as string ?? "" : null;
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
                capture.AddTest(Report(
                    type, test, skip is not null ? TestEnding.Skipped : TestEnding.Failed, skip ?? test.Problem ?? classFailure, null, "", 0));
                continue;
            }
            ExecutionContext.Run(
                context.CreateCopy(), _ => RunOne(type, test, framework, capture, () => NewInstance(type), setUps, tearDowns, dispose: true), null);
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

    /// <summary>One test: its instance, setup, the test, teardown (after a setup that ran, whatever the test did), and dispose.</summary>
    private static void RunOne(
        Type type, Case test, Framework framework, RunCapture capture, Func<object?> instance, IReadOnlyList<MethodInfo> setUps,
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
        var (ending, message) =
            failure is null ? (TestEnding.Passed, (string?)null) : Describe(failure, framework, $"{type.FullName}.{test.Method.Name}");
        var thrown = ending == TestEnding.Failed && failure is not ExpectedResultException ? failure : null;
        capture.AddTest(Report(type, test, ending, message, thrown, output, clock.Elapsed.TotalMilliseconds));
    }

    private static TestReport Report(
        Type type, Case test, TestEnding ending, string? message, Exception? thrown, string output, double milliseconds) =>
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
                if (Is(type, NUnitNamespace + "IgnoreException") || Is(type, NUnitNamespace + "InconclusiveException")) return (TestEnding.Skipped,
                    e.Message);
                if (Is(type, NUnitNamespace + "AssertionException")
                    || Is(type, NUnitNamespace + "MultipleAssertException")) return (TestEnding.Failed, e.Message);
                return (TestEnding.Failed, $"{type.FullName} : {e.Message}");
            case Framework.Xunit:
                const string dynamicSkip = "$XunitDynamicSkip$";
                if (e.Message.StartsWith(dynamicSkip, StringComparison.Ordinal)) return (TestEnding.Skipped, e.Message[dynamicSkip.Length..]);
                if (type.FullName!.StartsWith("Xunit.", StringComparison.Ordinal)) return (TestEnding.Failed, e.Message);
                return (TestEnding.Failed, $"{type.FullName} : {e.Message}");
            default:
                if (Is(type, MSTestNamespace + "AssertInconclusiveException")) return (TestEnding.Skipped, e.Message);
                if (Is(type, MSTestNamespace + "AssertFailedException")
                    || Is(type, MSTestNamespace + "UnitTestAssertException")) return (TestEnding.Failed, e.Message);
                return (TestEnding.Failed, (method is null ? "" : $"Test method {method} threw exception: \n") + $"{type.FullName}: {e.Message}");
        }
    }
}
