using System.Globalization;
using System.Reflection;

namespace SnippetCheck.Runner;

// Reading a framework's attributes and calling its methods by name, since no framework's assembly is referenced.
internal static partial class TestHarness
{
    /// <summary>What each framework refuses to run: an <c>async void</c> test, and NUnit's non-public one.</summary>
    private static string? NotRunnable(MethodInfo method, Framework framework)
    {
        if (method.ReturnType == typeof(void)
            && method.GetCustomAttributes().Any(a => a.GetType().FullName == "System.Runtime.CompilerServices.AsyncStateMachineAttribute"))
            return "Async test method must have non-void return type";
        if (framework == Framework.NUnit && !method.IsPublic) return "Method is not public";
        if (method.IsGenericMethodDefinition) return "SnippetCheck does not run generic test methods";
        return null;
    }

    private static string? ConstructorProblem(Type type) =>
        type.IsAbstract || type.GetConstructor(
            BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, null, Type.EmptyTypes, null) is not null
            ? null
            : "SnippetCheck runs test classes with a parameterless constructor; constructor arguments (fixtures, ITestOutputHelper, TestContext) " +
            "are not supported";

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
            throw new TargetParameterCountException(
                $"Wrong number of arguments provided: {test.Arguments.Length} given, {parameters.Length} expected");
        var converted = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var argument = test.Arguments[i];
            var target = Nullable.GetUnderlyingType(parameters[i].ParameterType) ?? parameters[i].ParameterType;
            // The frameworks widen a row's constants to the parameter's type: 2 for a double, "2026-01-01" for a DateTime.
            converted[i] = argument is null || target.IsInstanceOfType(argument) ? argument
                : target.IsEnum ? Enum.ToObject(target, argument)
                : argument is IConvertible && typeof(IConvertible).IsAssignableFrom(target)
                ? Convert.ChangeType(argument, target, CultureInfo.InvariantCulture)
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
        var lifetime = target.GetType().GetInterfaces().FirstOrDefault(
            i => i.FullName is "Xunit.IAsyncLifetime" || (name == "DisposeAsync" && i == typeof(IAsyncDisposable)));
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
        return [.. chain.SelectMany(
            t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => Has(m, attribute)).OrderBy(m => m.MetadataToken))];
    }

    private static string? IgnoreReason(object ignore) =>
        Property(ignore, "Reason") as string
        ?? ignore.GetType().GetField("_reason", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(ignore) as string
        ?? "ignored";

    private static bool Has(MemberInfo member, string attribute) => Attributes(member, attribute).Any();

    private static object? Attribute(MemberInfo member, string attribute) => Attributes(member, attribute).FirstOrDefault();

    /// <summary>
    /// The member's attributes whose type is (or derives from) <paramref name="name"/>, or, for a name ending in '.', lies in that namespace.
    /// </summary>
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
        return name.EndsWith('.') ? all.Where(a => a.GetType().FullName!.StartsWith(name, StringComparison.Ordinal))
            : all.Where(a => Is(a.GetType(), name));
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
