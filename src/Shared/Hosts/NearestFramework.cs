// Shared by the tool and the MSBuild task (linked into both), so that both build a library for the same framework.
#if NETSTANDARD
// The tool's project has these as implicit usings; the task's (netstandard2.0) does not.
using System;
using System.Collections.Generic;
using System.Linq;
#endif
using System.Globalization;

namespace SnippetCheck.References;

/// <summary>
/// Which of a library's target frameworks a program on .NET F consumes, as NuGet picks it for a project reference
/// (<c>FrameworkReducer.GetNearest</c>): the highest <c>netX.Y</c> or <c>netcoreappX.Y</c> not newer than F, else the
/// highest <c>netstandardX.Y</c> up to 2.1. A framework with an OS suffix (<c>net9.0-windows</c>), .NET Framework
/// (<c>net48</c>) and anything else are never picked: a program on plain .NET cannot consume them.
/// The tests check the rule against NuGet.Frameworks itself.
/// </summary>
internal static class NearestFramework
{
    /// <summary>
    /// The framework of <paramref name="listed"/> that a program on <paramref name="consumer"/> (<c>net10.0</c>) uses;
    /// null when none fits. A null consumer is the newest .NET: any <c>netX.Y</c> fits. Of two equal ones, the first listed.
    /// </summary>
    public static string? For(string? consumer, IEnumerable<string> listed)
    {
        var limit = consumer is null ? (Version?)null : Parse(consumer) is { Family: Family.Core } parsed ? parsed.Version : null;
        if (consumer is not null && limit is null) return null;
        return listed
            .Select(name => name.Trim())
            .Where(name => name.Length > 0)
            .Select((name, order) => (Name: name, Order: order, Parsed: Parse(name)))
            .Where(f => f.Parsed.Family == Family.Core ? limit is null || f.Parsed.Version <= limit
                : f.Parsed.Family == Family.Standard && f.Parsed.Version <= new Version(2, 1))
            .OrderByDescending(f => f.Parsed.Family).ThenByDescending(f => f.Parsed.Version).ThenBy(f => f.Order)
            .Select(f => f.Name)
            .FirstOrDefault();
    }

    /// <summary>What a library whose frameworks none fit is told was looked for.</summary>
    public static string Wanted(string consumer) =>
        $"{consumer} or an older .NET or .NET Core (without an OS suffix such as -windows), or .NET Standard 2.1 or older";

    private enum Family { Other, Standard, Core }

    /// <summary>
    /// <c>net9.0</c> and <c>netcoreapp3.1</c> are .NET (Core); <c>netstandard2.0</c> is .NET Standard; the rest (<c>net48</c>, <c>net9.0-windows</c>)
    /// neither.
    /// </summary>
    private static (Family Family, Version Version) Parse(string moniker)
    {
        var name = moniker.Trim().ToLowerInvariant();
        if (name.IndexOf('-') >= 0) return (Family.Other, new Version(0, 0));
        if (name.StartsWith("netstandard", StringComparison.Ordinal)) return Versioned(Family.Standard, name.Substring("netstandard".Length));
        if (name.StartsWith("netcoreapp", StringComparison.Ordinal)) return Versioned(Family.Core, name.Substring("netcoreapp".Length));
        // net5.0 and later have a dot; net48, net472 and net20 are .NET Framework.
        if (name.StartsWith("net", StringComparison.Ordinal) && name.IndexOf('.') >= 0) return Versioned(Family.Core, name.Substring("net".Length));
        return (Family.Other, new Version(0, 0));
    }

    private static (Family, Version) Versioned(Family family, string text) =>
        Version.TryParse(text, out var version)
        && text.Split('.').All(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            ? (family, version)
            : (Family.Other, new Version(0, 0));
}
