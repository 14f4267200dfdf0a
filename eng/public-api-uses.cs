#:property GenerateDocumentationFile=true
#:property NoWarn=$(NoWarn);CS1591
// The core's public types, and which of them each host assembly references (issue 57: a small, tracked core API).
//
//     dotnet run eng/public-api-uses.cs -- tests/SnippetCheck.Tests/bin/Debug/net10.0 [--list] [--members]
//
// Reads metadata only (System.Reflection.Metadata): a host "uses" a core type when its assembly holds a reference to
// it (a type named only through a const, as DiagnosticCodes, is inlined and leaves none). Prints the count of public
// core types, the count each host references, and with --list every public type with the hosts that use it ("-" for
// none: a candidate for internal); with --members every core member each host references (what a question in place of a
// type must answer).
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

var folder = args.Length > 0 ? args[0] : "tests/SnippetCheck.Tests/bin/Debug/net10.0";
var list = args.Contains("--list");
string[] hosts = ["SnippetCheck.Authoring.dll", "snippetcheck.dll", "SnippetCheck.Markdig.dll"];

var exported = PublicTypes(Path.Combine(folder, "SnippetCheck.Core.dll"));
var users = exported.ToDictionary(t => t, _ => new List<string>());
foreach (var host in hosts)
{
    var path = Path.Combine(folder, host);
    if (!File.Exists(path)) continue;
    var used = CoreReferences(path).Where(users.ContainsKey).ToHashSet();
    foreach (var t in used) users[t].Add(Path.GetFileNameWithoutExtension(host));
    Console.WriteLine($"{Path.GetFileNameWithoutExtension(host)} uses {used.Count}");
}
Console.WriteLine($"public core types: {exported.Count}; used by a host: {users.Count(u => u.Value.Count > 0)}");
if (args.Contains("--members"))
    foreach (var host in hosts)
    {
        var path = Path.Combine(folder, host);
        if (!File.Exists(path)) continue;
        foreach (var m in MemberUses(path).Distinct().Order(StringComparer.Ordinal)) Console.WriteLine($"{Path.GetFileNameWithoutExtension(host)}\t{m}");
    }
if (list)
    foreach (var (type, by) in users.OrderBy(u => u.Key, StringComparer.Ordinal))
        Console.WriteLine($"{type}\t{(by.Count == 0 ? "-" : string.Join(',', by))}");

static List<string> PublicTypes(string path)
{
    using var pe = new PEReader(File.OpenRead(path));
    var md = pe.GetMetadataReader();
    var result = new List<string>();
    foreach (var handle in md.TypeDefinitions)
    {
        var def = md.GetTypeDefinition(handle);
        if (IsVisible(md, def)) result.Add(FullName(md, def));
    }
    return result;
}

static bool IsVisible(MetadataReader md, TypeDefinition def)
{
    var visibility = def.Attributes & TypeAttributes.VisibilityMask;
    if (visibility == TypeAttributes.Public) return true;
    if (visibility is TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem)
        return IsVisible(md, md.GetTypeDefinition(def.GetDeclaringType()));
    return false;
}

static string FullName(MetadataReader md, TypeDefinition def)
{
    var name = md.GetString(def.Name);
    var outer = def.GetDeclaringType();
    return outer.IsNil ? Qualified(md.GetString(def.Namespace), name) : $"{FullName(md, md.GetTypeDefinition(outer))}+{name}";
}

static string Qualified(string ns, string name) => ns.Length == 0 ? name : $"{ns}.{name}";

static IEnumerable<string> CoreReferences(string path)
{
    using var pe = new PEReader(File.OpenRead(path));
    var md = pe.GetMetadataReader();
    var result = new List<string>();
    foreach (var handle in md.TypeReferences)
        if (RefName(md, handle) is { } name) result.Add(name);
    return result;
}

static string? RefName(MetadataReader md, TypeReferenceHandle handle)
{
    var r = md.GetTypeReference(handle);
    var name = md.GetString(r.Name);
    switch (r.ResolutionScope.Kind)
    {
        case HandleKind.AssemblyReference:
            var asm = md.GetAssemblyReference((AssemblyReferenceHandle)r.ResolutionScope);
            return md.GetString(asm.Name) == "SnippetCheck.Core" ? Qualified(md.GetString(r.Namespace), name) : null;
        case HandleKind.TypeReference:
            return RefName(md, (TypeReferenceHandle)r.ResolutionScope) is { } outer ? $"{outer}+{name}" : null;
        default:
            return null;
    }
}

static IEnumerable<string> MemberUses(string path)
{
    using var pe = new PEReader(File.OpenRead(path));
    var md = pe.GetMetadataReader();
    var result = new List<string>();
    foreach (var handle in md.MemberReferences)
    {
        var m = md.GetMemberReference(handle);
        if (m.Parent.Kind == HandleKind.TypeReference && RefName(md, (TypeReferenceHandle)m.Parent) is { } type)
            result.Add($"{type}::{md.GetString(m.Name)}");
        else if (m.Parent.Kind == HandleKind.TypeSpecification)
        {
            var spec = md.GetTypeSpecification((TypeSpecificationHandle)m.Parent);
            var blob = md.GetBlobReader(spec.Signature);
            // A member of a generic type (Setting<T>): GENERICINST, CLASS or VALUETYPE, then the type's handle.
            if (blob.ReadByte() != 0x15) continue;
            blob.ReadByte();
            var generic = blob.ReadTypeHandle();
            if (generic.Kind == HandleKind.TypeReference && RefName(md, (TypeReferenceHandle)generic) is { } name)
                result.Add($"{name}::{md.GetString(m.Name)}");
        }
    }
    return result;
}
