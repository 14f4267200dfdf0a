namespace SnippetCheck.Compilation;

/// <summary>
/// The call a <c>check</c> block exists to show, made where nothing says what it calls (docs/authoring.md, "What check
/// counts"): the block's first member call, in the order written, on a receiver whose type is unknown.
/// </summary>
/// <param name="Method">The member called (<c>AddOpenIddict</c>).</param>
/// <param name="Root">The name the receiver's chain starts at (<c>builder</c> of <c>builder.Services.AddOpenIddict()</c>).</param>
/// <param name="RootDeclaredNowhere">
/// True when <paramref name="Root"/> is itself declared nowhere (a tolerated unknown name), so <c>given=</c> can declare it;
/// false when it is declared, but of a type declared nowhere (<c>var db = new AppDbContext()</c>), or a method declared nowhere.
/// </param>
/// <param name="At">Where the call's member name stands in the document.</param>
internal sealed record HollowCall(string Method, string Root, bool RootDeclaredNowhere, Model.SourceLocation? At);
