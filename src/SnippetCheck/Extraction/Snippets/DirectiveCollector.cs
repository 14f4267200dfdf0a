using SnippetCheck.Configuration;
using SnippetCheck.Model;

namespace SnippetCheck.Extraction.Snippets;

/// <summary>Collects the directives of one block, and its errors, in order.</summary>
internal sealed class DirectiveCollector
{
    private readonly List<PackageRequest> _packages = [];
    private readonly List<ProjectRequest> _projects = [];
    private readonly List<PropertyDirective> _properties = [];
    private readonly List<Diagnostic> _errors = [];
    private SourceLocation? _webSdk;

    public void Error(string code, SourceLocation location, string message) => _errors.Add(Diagnostic.Error(code, message, location));

    public SnippetDirectives ToDirectives() => _packages.Count == 0 && _projects.Count == 0 && _properties.Count == 0 && _webSdk is null
        && _errors.Count == 0
        ? SnippetDirectives.None
        : new SnippetDirectives { Packages = [.. _packages], Projects = [.. _projects], Properties = [.. _properties], WebSdk = _webSdk, Errors =
            [.. _errors] };

    public void Read(string directive, SourceLocation location)
    {
        if (directive.StartsWith("#load", StringComparison.Ordinal))
        {
            Error(DiagnosticCodes.BadDirective, location,
                "'#load' (C# script) is not supported; put shared code in a '<!-- snippetcheck: prelude -->' comment");
            return;
        }
        if (directive.StartsWith("#r", StringComparison.Ordinal))
        {
            ReadScriptReference(directive[2..].Trim(), location);
            return;
        }

        var body = directive[2..];
        var nameEnd = body.IndexOfAny([' ', '\t']);
        var name = nameEnd < 0 ? body : body[..nameEnd];
        var value = nameEnd < 0 ? "" : body[nameEnd..].Trim();
        switch (name)
        {
            case "package":
                ReadPackage(value, location);
                break;
            case "property":
                ReadProperty(value, location);
                break;
            case "sdk":
                ReadSdk(value, location);
                break;
            case "project":
                if (value.Length == 0) Error(DiagnosticCodes.BadDirective, location, "'#:project' needs a path: '#:project ../MyLib/MyLib.csproj'");
                else _projects.Add(new ProjectRequest(Unquote(value), location));
                break;
            case "include":
                Error(DiagnosticCodes.BadDirective, location,
                    "'#:include' is not supported: a snippet is one Markdown block; put shared code in a '<!-- snippetcheck: prelude -->' comment");
                break;
            default:
                Error(DiagnosticCodes.BadDirective, location, UnknownDirectiveMessage(name));
                break;
        }
    }

    private static string UnknownDirectiveMessage(string name)
    {
        var near = name.Length > 0 ? EditDistance.NearMiss(name, DirectiveReader.KnownDirectives.Where(k => k != "include")) : null;
        var hint = EditDistance.DidYouMean(near is null ? null : "#:" + near);
        var shown = name.Length == 0 ? "#:" : $"#:{name}";
        return $"unknown directive '{shown}'{hint} (snippets understand #:package, #:property, #:sdk and #:project)";
    }

    private void ReadPackage(string value, SourceLocation location)
    {
        if (value.Length == 0)
        {
            Error(DiagnosticCodes.BadDirective, location, "'#:package' needs a package: '#:package Id@Version'");
            return;
        }
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            var parts = value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            Error(DiagnosticCodes.BadDirective, location, parts.Length == 2
                ? $"write '#:package {parts[0]}@{parts[1]}': the version follows an '@'"
                : $"'#:package {value}' needs a version: '#:package {value}@VERSION' (snippets have no central package management)");
            return;
        }
        AddPackage(value[..at].Trim(), value[(at + 1)..].Trim(), location, $"#:package {value}");
    }

    private void ReadScriptReference(string value, SourceLocation location)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            Error(DiagnosticCodes.BadDirective, location, "'#r' takes a quoted string: '#r \"nuget: Id, Version\"'");
            return;
        }
        var inner = value[1..^1].Trim();
        if (!inner.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            Error(DiagnosticCodes.BadDirective, location,
                $"'#r \"{inner}\"' references an assembly file, which snippets do not support; list it under \"references\" in snippetcheck.json, " +
                $"or use '#r \"nuget: Id, Version\"'");
            return;
        }
        var package = inner["nuget:".Length..].Split(',', StringSplitOptions.TrimEntries);
        if (package.Length != 2 || package[1].Length == 0)
        {
            Error(DiagnosticCodes.BadDirective, location,
                $"'#r \"{inner}\"' needs an ID and a version: '#r \"nuget: {(package[0].Length > 0 ? package[0] : "Id")}, Version\"'");
            return;
        }
        AddPackage(package[0], package[1], location, $"#r \"{inner}\"");
    }

    private void AddPackage(string id, string version, SourceLocation location, string written)
    {
        if (!DirectiveReader.PackageIdPattern().IsMatch(id))
        {
            Error(DiagnosticCodes.BadDirective, location, $"'{written}': '{id}' is not a NuGet package ID");
            return;
        }
        if (!DirectiveReader.VersionPattern().IsMatch(version))
        {
            Error(DiagnosticCodes.BadDirective, location, $"'{written}': '{version}' is not a package version");
            return;
        }
        var same = _packages.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
        if (same is null)
        {
            _packages.Add(new PackageRequest(id, version, location));
        }
        else if (same.Version != version)
        {
            Error(DiagnosticCodes.ConflictingDirective, location,
                $"package '{id}' is asked for in version {version} here, but in {same.Version} at line {same.Location.Line}; one program can use " +
                $"only one version");
        }
    }

    private void ReadProperty(string value, SourceLocation location)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            Error(DiagnosticCodes.BadDirective, location, "'#:property' takes 'Name=Value': '#:property LangVersion=13'");
            return;
        }
        var name = value[..equals].Trim();
        var propertyValue = value[(equals + 1)..].Trim();
        var canonical = DirectiveReader.CompileProperties.Concat(DirectiveReader.NeutralProperties).FirstOrDefault(
            p => p.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (canonical is null)
        {
            Error(DiagnosticCodes.BadDirective, location,
                $"'#:property {name}' is not supported in snippets; supported: {string.Join(", ", DirectiveReader.CompileProperties)} (and, " +
                $"without effect, {string.Join(", ", DirectiveReader.NeutralProperties)})");
            return;
        }
        if (DirectiveReader.NeutralProperties.Contains(canonical))
        {
            if (NeutralProblem(canonical, propertyValue) is { } neutralProblem)
                Error(DiagnosticCodes.BadDirective, location, $"'#:property {canonical}={propertyValue}': {neutralProblem}");
            return;
        }
        if (!TryParseProperty(canonical, propertyValue, out var setting, out var problem))
        {
            Error(DiagnosticCodes.BadDirective, location, $"'#:property {canonical}={propertyValue}': {problem}");
            return;
        }
        var normalized = Normalized(setting, propertyValue);
        var same = _properties.FirstOrDefault(p => p.Name == canonical);
        if (same is null)
            _properties.Add(new PropertyDirective(canonical, normalized, location, setting));
        else if (same.Setting != setting)
            Error(DiagnosticCodes.ConflictingDirective, location,
                $"'{canonical}' is set to '{propertyValue}' here, but to '{same.Value}' at line {same.Location.Line}");
    }

    /// <summary>The one place a <c>#:property</c> value is parsed; everything after reads <see cref="PropertyDirective.Setting"/>.</summary>
    private static bool TryParseProperty(string name, string value, out CompileProperty setting, out string problem)
    {
        (CompileProperty?, string) Parsed(CompileProperty? parsed, string ifNot) => (parsed, parsed is null ? ifNot : "");
        var (parsed, why) = name switch
        {
            "LangVersion" => Parsed(SettingValues.TryParseLanguageVersion(value, out var version) ? new CompileProperty.LangVersion(version) : null,
                "not a C# language version (write 13, 14, latest or preview)"),
            "Nullable" => Parsed(
                SettingValues.TryParseNullable(value.ToLowerInvariant(), out var nullable) ? new CompileProperty.Nullable(nullable) : null,
                "write enable, disable, warnings or annotations"),
            "AllowUnsafeBlocks" =>
                Parsed(bool.TryParse(value, out var allow) ? new CompileProperty.AllowUnsafeBlocks(allow) : null, "write true or false"),
            "TreatWarningsAsErrors" =>
                Parsed(bool.TryParse(value, out var treat) ? new CompileProperty.TreatWarningsAsErrors(treat) : null, "write true or false"),
            "ImplicitUsings" => Parsed(value.ToLowerInvariant() switch
            {
                "enable" or "true" => new CompileProperty.ImplicitUsings(true),
                "disable" or "false" => new CompileProperty.ImplicitUsings(false),
                _ => null,
            }, "write enable or disable"),
            "TargetFramework" =>
                Parsed(Model.TargetFramework.TryParse(value) is { } framework ? new CompileProperty.TargetFramework(framework) : null,
                $"not a supported target framework (supported: {Model.TargetFramework.SupportedList})"),
            _ => Parsed(null, "not supported"),
        };
        (setting, problem) = (parsed!, why);
        return parsed is not null;
    }

    /// <summary>The value as reports and cache keys show it: as written for a language version, else in one spelling.</summary>
    private static string Normalized(CompileProperty setting, string written) => setting switch
    {
        CompileProperty.LangVersion => written.ToLowerInvariant(),
        CompileProperty.Nullable n => n.Options.ToString().ToLowerInvariant(),
        CompileProperty.AllowUnsafeBlocks a => a.Allow ? "true" : "false",
        CompileProperty.TreatWarningsAsErrors t => t.Treat ? "true" : "false",
        CompileProperty.ImplicitUsings i => i.Enable ? "enable" : "disable",
        CompileProperty.TargetFramework t => t.Framework.Moniker,
        _ => throw new ArgumentOutOfRangeException(nameof(setting)),
    };

    /// <summary>Properties accepted without effect still take only values that make sense.</summary>
    private static string? NeutralProblem(string name, string value) => name switch
    {
        "PublishAot" or "PublishTrimmed" or "PackAsTool" or "IsPackable" => bool.TryParse(value, out _) ? null : "write true or false",
        _ => value.Length > 0 ? null : "needs a value",
    };

    private void ReadSdk(string value, SourceLocation location)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        var name = at < 0 ? value : value[..at];
        if (at >= 0 && (name == DirectiveReader.DefaultSdk || name == DirectiveReader.WebSdk))
        {
            Error(DiagnosticCodes.BadDirective, location, $"'#:sdk {value}': {name} comes with the installed .NET SDK; leave the version out");
            return;
        }
        switch (name)
        {
            case DirectiveReader.DefaultSdk:
                break;
            case DirectiveReader.WebSdk:
                _webSdk ??= location;
                break;
            default:
                Error(DiagnosticCodes.BadDirective, location, value.Length == 0
                    ? "'#:sdk' needs an SDK name: '#:sdk Microsoft.NET.Sdk.Web'"
                    : $"'#:sdk {value}' is not supported; snippets build with {DirectiveReader.DefaultSdk} or {DirectiveReader.WebSdk}");
                break;
        }
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1] : value;
}
