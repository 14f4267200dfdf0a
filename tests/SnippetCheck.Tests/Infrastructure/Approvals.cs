using System.Runtime.CompilerServices;

namespace SnippetCheck.Tests.Infrastructure;

/// <summary>
/// Approval files on plain xunit, the Verify convention: <c>Class.Method.verified.txt</c> beside the test;
/// on a mismatch a <c>.received.txt</c> is written next to it, and accepting means copying it over.
/// </summary>
public static class Approvals
{
    public static void Verify(string received, string? name = null, [CallerFilePath] string testFile = "", [CallerMemberName] string member = "")
    {
        var directory = Path.GetDirectoryName(testFile)!;
        var stem = $"{Path.GetFileNameWithoutExtension(testFile)}.{name ?? member}";
        var verifiedPath = Path.Combine(directory, stem + ".verified.txt");
        var receivedPath = Path.Combine(directory, stem + ".received.txt");
        var normalized = received.Replace("\r\n", "\n", StringComparison.Ordinal);
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (verified == normalized)
        {
            if (File.Exists(receivedPath)) File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, normalized);
        Assert.Fail(verified is null
            ? $"No approved file yet. Review {receivedPath} and copy it to {verifiedPath}."
            : $"Output differs from {verifiedPath}. Review {receivedPath}; copy it over the verified file to accept.\n{normalized}");
    }
}
