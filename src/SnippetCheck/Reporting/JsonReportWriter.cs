using System.Text.Encodings.Web;
using System.Text.Json;
using SnippetCheck.Compilation;
using SnippetCheck.Execution;
using SnippetCheck.Model;
using SnippetCheck.References;
using SnippetCheck.Results;
using SnippetCheck.Extraction.Snippets;

namespace SnippetCheck.Reporting;

/// <summary>The JSON report, key for key as docs/ci.md#the-json-report gives it. The key names and words are a stable contract.</summary>
internal static class JsonReportWriter
{
    /// <summary>How every JSON report of the tool is written: indented, with non-ASCII text as it is.</summary>
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Opens a report's object with what every JSON report of the tool starts with: its format version and the tool's.</summary>
    public static void WriteStart(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("version", 1);
        json.WriteString("tool", ToolInfo.NameAndVersion);
    }

    internal static void Write(Stream stream, VerificationReport report)
    {
        using var json = new Utf8JsonWriter(stream, Options);
        WriteStart(json);
        json.WriteStartObject("summary");
        json.WriteNumber("files", report.FileCount);
        json.WriteNumber("blocks", report.Blocks);
        // The console's split: 'passed' at run or compile, 'checked' apart, so the counts add up to the blocks.
        json.WriteNumber("passed", report.PassedVerified);
        json.WriteNumber("checked", report.Checked);
        json.WriteNumber("failed", report.Failed);
        json.WriteNumber("ignored", report.Ignored);
        json.WriteNumber("untagged", report.Untagged);
        json.WriteNumber("skipped", report.Skipped);
        json.WriteNumber("cached", report.Cached);
        json.WriteNumber("stale", report.Stale);
        json.WriteNumber("verified", report.Verified);
        // A percentage, rounded down to one decimal as the console prints it.
        json.WriteNumber("coverage", Math.Floor(report.Coverage * 10) / 10);
        // The same at the check level or stronger: blocks tagged 'check' count here, and never in 'verified'.
        json.WriteNumber("checkedBlocks", report.AtCheckLevel);
        json.WriteNumber("checkCoverage", Math.Floor(report.CheckCoverage * 10) / 10);
        json.WriteNumber("durationMs", (long)report.Duration.TotalMilliseconds);
        if (report.IsMatrix)
        {
            json.WriteStartArray("frameworks");
            foreach (var framework in report.Frameworks) json.WriteStringValue(framework.Moniker);
            json.WriteEndArray();
        }
        json.WriteEndObject();
        if (report.Sandbox is { } sandbox) WriteSandbox(json, sandbox);
        if (report.Libraries.Count > 0) WriteLibraries(json, report.Libraries);

        json.WriteStartArray("snippets");
        foreach (var result in report.Snippets) WriteSnippet(json, result);
        json.WriteEndArray();
        WriteErrors(json, report.Errors);
        json.WriteEndObject();
    }

    /// <summary>Each project built for the snippets: which of its target frameworks, for snippets on which framework.</summary>
    private static void WriteLibraries(Utf8JsonWriter json, IReadOnlyList<LibraryBuild> libraries)
    {
        json.WriteStartArray("libraries");
        foreach (var library in libraries)
        {
            json.WriteStartObject();
            json.WriteString("project", library.Project);
            json.WriteString("framework", library.Framework);
            json.WriteString("libraryFramework", library.LibraryFramework);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>What confined the runners (SECURITY.md): each protection, true when it was in force.</summary>
    private static void WriteSandbox(Utf8JsonWriter json, SandboxReport sandbox)
    {
        json.WriteStartObject("sandbox");
        json.WriteBoolean("enabled", sandbox.Enabled);
        json.WriteNumber("landlockAbi", sandbox.LandlockAbi);
        json.WriteBoolean("filesystem", sandbox.Filesystem);
        json.WriteBoolean("network", sandbox.Network);
        json.WriteBoolean("unixSockets", sandbox.UnixSockets);
        json.WriteBoolean("udp", sandbox.Udp);
        json.WriteBoolean("signals", sandbox.Signals);
        json.WriteBoolean("pidNamespace", sandbox.PidNamespace);
        json.WriteNumber("processLimit", sandbox.ProcessLimit);
        if (sandbox.Note is not null) json.WriteString("note", sandbox.Note);
        json.WriteString("summary", sandbox.Describe());
        json.WriteStartArray("grants");
        foreach (var grant in sandbox.Grants)
        {
            json.WriteStartObject();
            json.WriteString("to", grant.To);
            json.WriteString("what", grant.What);
            json.WriteString("from", grant.From);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSnippet(Utf8JsonWriter json, SnippetResult result)
    {
        var snippet = result.Snippet;
        json.WriteStartObject();
        WriteBlockLocation(json, snippet);
        json.WriteString("kind", result.Kind.ToTag());
        WriteNullable(json, "level", result.Level?.ToWord());
        json.WriteString("status", result.Status.ToWord());
        WriteNullable(json, "reason", result.ReasonWord);
        WriteNullable(json, "message", result.Message);
        json.WriteNumber("durationMs", (long)result.Duration.TotalMilliseconds);
        json.WriteBoolean("cached", result.Cached);
        json.WriteBoolean("stale", result.Stale);
        // 'dotnet run' of the block as written would fail: say that the tool compiled it inside a class of its own,
        // turned its result lines into checks, or declared locals it calls on hidden lines.
        string?[] wrappings = [snippet.Tags.Members ? TagParser.Members : null, snippet.Tags.Results ? TagParser.Results : null,
            snippet.Tags.Base is { } baseType ? TagParser.Base + "=" + baseType : null,
            snippet.Tags.Given.Count > 0 ? TagParser.Given + "=" + string.Join(',', snippet.Tags.Given) : null,
            snippet.Tags.StatementsFirst ? TagParser.StatementsFirst : null];
        WriteNullable(json, "wrapped", wrappings.Any(w => w is not null) ? string.Join(' ', wrappings.OfType<string>()) : null);
        WriteNullable(json, "expectedOutput", result.ExpectedOutput);
        WriteNullable(json, "actualOutput", result.ActualOutput);
        WriteDiagnostics(json, result.Diagnostics);
        WriteUnknownNames(json, result.UnknownNames);
        WriteHoles(json, (result.Verdict as Verdict.Checked)?.Holes ?? []);
        WritePackages(json, result);
        if (result.Tests.Count > 0) WriteTests(json, result.Tests);
        if (result.Frameworks is { } frameworks) WriteFrameworks(json, frameworks);
        json.WriteEndObject();
    }

    /// <summary>A block's test methods, each data row apart, in the order they ran; written only for a block that has tests.</summary>
    private static void WriteTests(Utf8JsonWriter json, IReadOnlyList<TestResult> tests)
    {
        json.WriteStartArray("tests");
        foreach (var test in tests)
        {
            json.WriteStartObject();
            json.WriteString("name", test.Name);
            json.WriteString("status", test.StatusWord);
            WriteNullable(json, "message", test.Message);
            json.WriteString("file", test.Location.File);
            json.WriteNumber("line", test.Location.Line);
            json.WriteNumber("column", test.Location.Column);
            json.WriteNumber("durationMs", (long)test.Duration.TotalMilliseconds);
            json.WriteString("output", test.Output);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>The names a <c>check</c> block was allowed, each where it stands; an empty list for every other block.</summary>
    private static void WriteUnknownNames(Utf8JsonWriter json, IReadOnlyList<UnknownName> names)
    {
        json.WriteStartArray("unknownNames");
        foreach (var name in names)
        {
            json.WriteStartObject();
            json.WriteString("name", name.Name);
            json.WriteString("file", name.Location.File);
            json.WriteNumber("line", name.Location.Line);
            json.WriteNumber("column", name.Location.Column);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>The <c>...</c> placeholders a <c>check</c> block left out, each where it stands; an empty list for every other block.</summary>
    private static void WriteHoles(Utf8JsonWriter json, IReadOnlyList<Hole> holes)
    {
        json.WriteStartArray("holes");
        foreach (var hole in holes)
        {
            json.WriteStartObject();
            json.WriteString("kind", hole.Kind switch { HoleKind.Arguments => "arguments", HoleKind.Initializer => "value", _ => "statement" });
            json.WriteString("file", hole.File);
            json.WriteNumber("line", hole.Line);
            json.WriteNumber("column", hole.Column);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>
    /// A matrix run's verdict per framework, oldest first: each framework's own status, reason, code, message, outputs and diagnostics.
    /// </summary>
    private static void WriteFrameworks(Utf8JsonWriter json, IReadOnlyList<FrameworkVerdict> frameworks)
    {
        json.WriteStartArray("frameworks");
        foreach (var verdict in frameworks)
        {
            json.WriteStartObject();
            json.WriteString("framework", verdict.Framework.Moniker);
            json.WriteString("status", verdict.StatusWord);
            WriteNullable(json, "reason", verdict.Result?.ReasonWord);
            WriteNullable(json, "code", verdict.Result?.Code);
            WriteNullable(json, "message", verdict.Result?.Verdict.Message);
            WriteNullable(json, "expectedOutput", verdict.Result?.ExpectedOutput);
            WriteNullable(json, "actualOutput", verdict.Result?.ActualOutput);
            json.WriteBoolean("cached", verdict.Result?.Cached ?? false);
            WriteDiagnostics(json, verdict.Result?.Diagnostics ?? []);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>file, line, column, endLine, name, session: shared by the verify and list reports.</summary>
    internal static void WriteBlockLocation(Utf8JsonWriter json, Snippet snippet)
    {
        json.WriteString("file", snippet.Location.File);
        json.WriteNumber("line", snippet.Location.Line);
        json.WriteNumber("column", snippet.Location.Column);
        json.WriteNumber("endLine", snippet.Block.EndLine);
        WriteNullable(json, "name", snippet.Tags.Name);
        WriteNullable(json, "session", snippet.Tags.Session);
    }

    internal static void WriteDiagnostics(Utf8JsonWriter json, IReadOnlyList<Diagnostic> diagnostics)
    {
        json.WriteStartArray("diagnostics");
        foreach (var diagnostic in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("id", diagnostic.Id);
            json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
            json.WriteString("message", diagnostic.Message);
            json.WriteString("file", diagnostic.Location.File);
            json.WriteNumber("line", diagnostic.Location.Line);
            json.WriteNumber("column", diagnostic.Location.Column);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>
    /// The block's package versions: for a verified block those it was verified with (<see cref="SnippetResult.PackagesUsed"/>),
    /// else its own pins.
    /// </summary>
    private static void WritePackages(Utf8JsonWriter json, SnippetResult result)
    {
        var used = result.Status is SnippetStatus.Passed or SnippetStatus.Failed
            ? result.PackagesUsed : [.. result.Snippet.Directives.Packages.Select(p => $"{p.Id}@{p.Version}")];
        json.WriteStartArray("packages");
        foreach (var package in used)
        {
            var at = package.LastIndexOf('@');
            json.WriteStartObject();
            json.WriteString("id", package[..at]);
            json.WriteString("version", package[(at + 1)..]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>Writes the <c>errors</c> array of a JSON report: files that could not be read.</summary>
    public static void WriteErrors(Utf8JsonWriter json, IReadOnlyList<Diagnostic> errors)
    {
        json.WriteStartArray("errors");
        foreach (var error in errors)
        {
            json.WriteStartObject();
            json.WriteString("file", error.Location.File);
            json.WriteNumber("line", error.Location.Line);
            json.WriteString("code", error.Id);
            json.WriteString("message", error.Message);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    /// <summary>Writes <paramref name="value"/>, or <c>null</c>, under <paramref name="name"/>.</summary>
    public static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }
}
