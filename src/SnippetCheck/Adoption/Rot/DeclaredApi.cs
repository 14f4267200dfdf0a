using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SnippetCheck.Adoption.Rot;

/// <summary>A name a block uses that a package may declare: a member of a type, a name alone (a type or a member), or a namespace.</summary>
/// <param name="Type">The type the member is looked for on (<c>AnsiConsole</c>); null for a name alone or a namespace.</param>
internal sealed record ApiName(string? Type, string Name, bool IsNamespace = false)
{
    /// <summary><c>AnsiConsole.Render</c>, <c>Transform</c>, <c>Humanizer.Localisation</c>.</summary>
    public override string ToString() => Type is null ? Name : $"{Type}.{Name}";
}

/// <summary>
/// The public (and protected) API of one version of a package, read from its own assemblies' metadata without loading
/// them: type names, members by type, extension methods, namespaces, and the message of each <c>[Obsolete]</c>.
/// </summary>
internal sealed class DeclaredApi
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> _obsolete = new(StringComparer.Ordinal);

    /// <summary>The API the assemblies at <paramref name="paths"/> declare; a file that is no .NET assembly is passed over.</summary>
    public static DeclaredApi Read(IEnumerable<string> paths)
    {
        var api = new DeclaredApi();
        foreach (var path in paths)
        {
            try
            {
                using var stream = File.OpenRead(path);
                using var pe = new PEReader(stream);
                if (pe.HasMetadata) api.Add(pe.GetMetadataReader());
            }
            catch (Exception e) when (e is BadImageFormatException or IOException or UnauthorizedAccessException)
            {
                // Not an assembly (or gone): nothing it declares is known.
            }
        }
        return api;
    }

    /// <summary>
    /// True when this version declares <paramref name="name"/>: the member on that type (or an extension method so named), the type or member, the
    /// namespace.
    /// </summary>
    public bool Declares(ApiName name) =>
        name.IsNamespace ? _keys.Contains("S:" + name.Name)
        : name.Type is { } type ? _keys.Contains($"M:{type}.{name.Name}") || _keys.Contains($"E:{type}.{name.Name}")
        || _keys.Contains($"E:*.{name.Name}")
        : _keys.Contains("T:" + name.Name) || _keys.Contains("N:" + name.Name);

    /// <summary>True when this version declares a type so named (not a member).</summary>
    public bool DeclaresType(string name) => _keys.Contains("T:" + name);

    /// <summary>
    /// The message of the <c>[Obsolete]</c> this version marks <paramref name="name"/> with; null when it does not (or gives none).
    /// </summary>
    public string? ObsoleteMessage(ApiName name)
    {
        var keys = name.IsNamespace ? [] : name.Type is { } type ? new[] { $"M:{type}.{name.Name}", $"E:{type}.{name.Name}", $"E:*.{name.Name}" }
            : ["T:" + name.Name, "N:" + name.Name];
        return keys.Select(k => _obsolete.GetValueOrDefault(k)).FirstOrDefault(m => !string.IsNullOrWhiteSpace(m));
    }

    private void Add(MetadataReader metadata)
    {
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (!Visible(type.Attributes)) continue;
            var name = WithoutArity(metadata.GetString(type.Name));
            Key("T:" + name, Obsolete(metadata, type.GetCustomAttributes()));
            var ns = metadata.GetString(type.Namespace);
            for (var at = ns.Length; at > 0; at = ns.LastIndexOf('.', at - 1)) _keys.Add("S:" + ns[..at]);
            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                if (!Visible(method.Attributes) || (method.Attributes & MethodAttributes.SpecialName) != 0) continue;
                var member = metadata.GetString(method.Name);
                var obsolete = Obsolete(metadata, method.GetCustomAttributes());
                Member(name, member, obsolete);
                if (method.GetCustomAttributes().Any(a => AttributeName(metadata, metadata.GetCustomAttribute(a)) == "ExtensionAttribute")
                    && method.DecodeSignature(FirstParameter.Instance, null).ParameterTypes is [var extended, ..])
                    Key($"E:{extended}.{member}", obsolete);
            }
            foreach (var propertyHandle in type.GetProperties())
            {
                var property = metadata.GetPropertyDefinition(propertyHandle);
                var accessors = property.GetAccessors();
                var accessor = accessors.Getter.IsNil ? accessors.Setter : accessors.Getter;
                if (accessor.IsNil || !Visible(metadata.GetMethodDefinition(accessor).Attributes)) continue;
                Member(name, metadata.GetString(property.Name), Obsolete(metadata, property.GetCustomAttributes()));
            }
            foreach (var fieldHandle in type.GetFields())
            {
                var field = metadata.GetFieldDefinition(fieldHandle);
                var access = field.Attributes & FieldAttributes.FieldAccessMask;
                if (access is FieldAttributes.Public or FieldAttributes.Family or FieldAttributes.FamORAssem
                    && (field.Attributes & FieldAttributes.SpecialName) == 0)
                    Member(name, metadata.GetString(field.Name), Obsolete(metadata, field.GetCustomAttributes()));
            }
            foreach (var eventHandle in type.GetEvents())
            {
                var declared = metadata.GetEventDefinition(eventHandle);
                var adder = declared.GetAccessors().Adder;
                var visible = !adder.IsNil && Visible(metadata.GetMethodDefinition(adder).Attributes);
                if (visible) Member(name, metadata.GetString(declared.Name), null);
            }
        }
    }

    private void Member(string type, string member, string? obsolete)
    {
        Key($"M:{type}.{member}", obsolete);
        Key("N:" + member, obsolete);
    }

    private void Key(string key, string? obsolete)
    {
        _keys.Add(key);
        if (obsolete is not null) _obsolete.TryAdd(key, obsolete);
    }

    private static bool Visible(TypeAttributes attributes) =>
        (attributes & TypeAttributes.VisibilityMask)
            is TypeAttributes.Public or TypeAttributes.NestedPublic or TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem;

    private static bool Visible(MethodAttributes attributes) =>
        (attributes & MethodAttributes.MemberAccessMask) is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem;

    /// <summary><c>List`1</c> → <c>List</c>.</summary>
    private static string WithoutArity(string name) => name.IndexOf('`', StringComparison.Ordinal) is >= 0 and var at ? name[..at] : name;

    /// <summary>The message of an <c>[Obsolete]</c> among the attributes ("" when it has none); null when there is none.</summary>
    private static string? Obsolete(MetadataReader metadata, CustomAttributeHandleCollection attributes)
    {
        foreach (var handle in attributes)
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (AttributeName(metadata, attribute) != "ObsoleteAttribute") continue;
            var blob = metadata.GetBlobReader(attribute.Value);
            try
            {
                // The prolog (0x0001), then the first constructor argument, the message, when there is one.
                return blob.Length > 4 && blob.ReadUInt16() == 1 ? blob.ReadSerializedString() ?? "" : "";
            }
            catch (BadImageFormatException)
            {
                return "";
            }
        }
        return null;
    }

    private static string? AttributeName(MetadataReader metadata, CustomAttribute attribute) => attribute.Constructor.Kind switch
    {
        HandleKind.MemberReference when metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor)
            .Parent is { Kind: HandleKind.TypeReference } parent =>
            metadata.GetString(metadata.GetTypeReference((TypeReferenceHandle)parent).Name),
        HandleKind.MethodDefinition =>
            metadata.GetString(metadata.GetTypeDefinition(
                metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType()).Name),
        _ => null,
    };
}

/// <summary>
/// The simple name of a signature's type as the compiler's messages write it (<c>string</c>, <c>Table</c>, <c>List</c>),
/// <c>*</c> for a type parameter or an interface (which an extension method may extend on any type that implements it).
/// </summary>
internal sealed class FirstParameter : ISignatureTypeProvider<string, object?>
{
    public static readonly FirstParameter Instance = new();

    private static readonly Dictionary<string, string> Keywords = new(StringComparer.Ordinal)
    {
        ["String"] = "string", ["Int32"] = "int", ["Int64"] = "long", ["Double"] = "double", ["Decimal"] = "decimal", ["Boolean"] = "bool",
        ["Char"] = "char", ["Object"] = "object", ["Byte"] = "byte", ["Single"] = "float",
    };

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => Keywords.GetValueOrDefault(typeCode.ToString(), typeCode.ToString());

    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
        Named(reader.GetString(reader.GetTypeDefinition(handle).Name));

    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
        Named(reader.GetString(reader.GetTypeReference(handle).Name));

    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public string GetGenericInstantiation(string genericType, System.Collections.Immutable.ImmutableArray<string> typeArguments) => genericType;

    public string GetArrayType(string elementType, ArrayShape shape) => elementType;

    public string GetSZArrayType(string elementType) => elementType;

    public string GetByReferenceType(string elementType) => elementType;

    public string GetPointerType(string elementType) => elementType;

    public string GetPinnedType(string elementType) => elementType;

    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

    public string GetGenericMethodParameter(object? genericContext, int index) => "*";

    public string GetGenericTypeParameter(object? genericContext, int index) => "*";

    public string GetFunctionPointerType(MethodSignature<string> signature) => "*";

    /// <summary><c>IHasBorder</c> → <c>*</c>; <c>List`1</c> → <c>List</c>; <c>String</c> → <c>string</c>.</summary>
    private static string Named(string name)
    {
        var bare = name.IndexOf('`', StringComparison.Ordinal) is >= 0 and var at ? name[..at] : name;
        if (bare.Length > 1 && bare[0] == 'I' && char.IsUpper(bare[1])) return "*";
        return Keywords.GetValueOrDefault(bare, bare);
    }
}

