using System.Collections.Frozen;

namespace SnippetCheck.Model;

/// <summary>
/// "It failed on unknown names": the compiler errors that say a block lacks something it names, rather than that what
/// it shows is wrong. One home for every reader's set. <see cref="Core"/> is the concept itself; each wider set adds
/// what its reader can still supply (an earlier block's member, a package's namespace, a using's generic type), and
/// each narrower reading keeps its own set rather than a guess, since a set that grows lets a trial (or the <c>check</c>
/// level) take a block for one that lacks only context when it is wrong. Compare by <see cref="string.Equals(string)"/>
/// (ordinal), except <see cref="Context"/>, which reads IDs a page's comment writes.
/// </summary>
internal static class UnknownNames
{
    /// <summary>CS0103: the name does not exist in the current context.</summary>
    public const string Name = "CS0103";

    /// <summary>CS0246: the type or namespace name could not be found.</summary>
    public const string Type = "CS0246";

    /// <summary>CS1061: the type has no member of that name (and no extension method in scope gives it).</summary>
    public const string Member = "CS1061";

    /// <summary>CS0234: the namespace has no type or namespace of that name.</summary>
    public const string InNamespace = "CS0234";

    /// <summary>
    /// The only errors an unknown name draws: the <c>check</c> level judges a block whose errors are all these, an
    /// author's cause says "unknown name", a sketch's names make its arity no rot evidence, a stub stands for such a type.
    /// </summary>
    public static readonly FrozenSet<string> Core = Of(Name, Type);

    /// <summary>
    /// <see cref="Core"/> and an unknown member: what an earlier block of the page may declare (a session: its extension
    /// method, its class), or a base class give (the enclosing class). Not the <c>check</c> level's: a misspelt member
    /// of a known type is a real error there.
    /// </summary>
    public static readonly FrozenSet<string> OrMember = Of(Name, Type, Member);

    /// <summary>
    /// A page fixture's round: <see cref="OrMember"/> and a namespace's missing type (CS0234), as the test framework and
    /// mocking packages the round then looks up declare them.
    /// </summary>
    public static readonly FrozenSet<string> Fixture = Of(Type, Name, InNamespace, Member);

    /// <summary>
    /// What a package may supply: <see cref="Fixture"/>'s and CS0308, a type written with type arguments that only a
    /// namesake of another arity in scope has (<c>Endpoint&lt;TReq, TRes&gt;</c> under the Web SDK's implicit usings).
    /// </summary>
    public static readonly FrozenSet<string> Package = Of(Type, Name, InNamespace, Member, "CS0308");

    /// <summary>
    /// What a using may supply: <see cref="OrMember"/>'s, CS0308, CS0616 (the name binds to a class that is no
    /// attribute while another namespace has the attribute), CS0307 (it binds to a namespace of that name, which takes
    /// no type arguments) and <see cref="WrongReceiver"/>. Not CS0234: a using never adds a type to a namespace.
    /// </summary>
    public static readonly FrozenSet<string> Using = Of(Type, Name, Member, "CS0616", "CS0308", "CS0307", WrongReceiver);

    /// <summary>
    /// CS1929: the extension method in scope of that name wants another receiver; a namespace not imported may have the
    /// one for this receiver.
    /// </summary>
    public const string WrongReceiver = "CS1929";

    /// <summary>
    /// What a library's base class may supply to <c>members</c> written out of it: <see cref="Core"/> (its bare members,
    /// a docs' own type the compile decides) and CS0115, an override with no virtual member to override. Not CS1061.
    /// </summary>
    public static readonly FrozenSet<string> MemberBase = Of("CS0115", Name, Type);

    /// <summary>
    /// What follows from an unknown base class once <see cref="Fixture"/>'s names are missing: an override with nothing to
    /// override (CS0115) and a base constructor that cannot be found (CS1729). A whole page's session takes a block failing
    /// only on these and on names; the session itself then passes or not.
    /// </summary>
    public static readonly FrozenSet<string> OfAnUnknownBase = Of("CS0115", "CS1729");

    /// <summary>A namespace that does not exist (CS0234, CS0400 in the global namespace): no stub type stands for it.</summary>
    public static readonly FrozenSet<string> Namespace = Of(InNamespace, "CS0400");

    /// <summary>
    /// Errors from what a block lacks or its shape as a program, not from what it shows: <see cref="Core"/>, CS0234 and
    /// the shape's (a modifier or a method outside a class: CS0106, CS0116, CS9348, CS8803). A page's marked error counts
    /// as one of these only when its comment names the ID, which a comment may write in any case.
    /// </summary>
    public static readonly FrozenSet<string> Context =
        new[] { Name, Type, InNamespace, "CS0106", "CS0116", "CS9348", "CS8803" }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static FrozenSet<string> Of(params string[] ids) => ids.ToFrozenSet(StringComparer.Ordinal);
}
