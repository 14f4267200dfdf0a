using System.Text.RegularExpressions;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 54: docs written for an older major of their package. AutoMapper's newest major dropped the one-argument
/// <c>MapperConfiguration</c> constructor its docs use; adopt verifies the block at the newest version of an older major
/// that it passes with, pins that version once in the config, and reports the difference as suspected rot.
/// </summary>
public sealed partial class AdoptOlderMajorTests
{
    private const string Post = """
        # Mapping

        ```csharp
        using AutoMapper;

        var config = new MapperConfiguration(cfg => cfg.CreateMap<Order, OrderDto>());
        var mapper = config.CreateMapper();
        Console.WriteLine(mapper.Map<OrderDto>(new Order { Total = 5 }).Total);

        public class Order { public int Total { get; set; } }
        public class OrderDto { public int Total { get; set; } }
        ```
        """;

    [GeneratedRegex(@"AutoMapper@(?<major>\d+)\.\d+\.\d+")]
    private static partial Regex Pinned();

    [Fact]
    public async Task A_block_that_fails_with_the_newest_major_is_verified_at_an_older_one_pinned_once_and_reported_as_rot()
    {
        using var docs = new AdoptInProcess();
        docs.Write("docs/mapping.md", Post);

        var write = await docs.AdoptWriteAsync("docs");
        var text = docs.Read("docs/mapping.md");
        Assert.Contains("<!-- snippetcheck: run packages=AutoMapper -->\n```csharp\nusing AutoMapper;", text);
        var pin = Pinned().Match(docs.Read("snippetcheck.json"));
        Assert.True(pin.Success, AdoptInProcess.Table(write));
        // Never hidden: the block is suspected rot against the newest, with the compiler's error at its place.
        Assert.Matches(@"mapping\.md\(6,\d+\): CS(1729|7036): .* verifies with AutoMapper " + pin.Value[11..].Replace(".", "\\.", StringComparison.Ordinal)
            + @" but fails with \d+\.\d+\.\d+, the newest \[known-api\]", AdoptInProcess.Table(write));
        Assert.Contains($"1 block verifies with AutoMapper {pin.Value[11..]} but fails with", AdoptInProcess.Table(write));

        docs.Verifies(cache: true);

        // Context, never a pass by itself: a misspelt call or an added argument fails at the pinned version.
        docs.MutantsFail("docs/mapping.md", text, new[] { ("cfg.CreateMap<", "cfg.CreateMapq<"), ("config.CreateMapper()", "config.CreateMapper(1)") });
    }

    [Fact]
    public async Task A_receiver_typed_from_the_newest_major_does_not_ask_for_a_second_version_of_the_package_a_block_is_pinned_to()
    {
        // Issue 75, item 3 (AutoMapper's own docs, 15 blocks): the receiver trial found 'cfg' in the newest AutoMapper and added
        // it to a block the doc set had pinned to the older major; the block then failed with adopt's own SC1013 clash.
        using var docs = new AdoptInProcess();
        docs.Write("docs/mapping.md", Post + "\n\n```csharp\ncfg.CreateMap<Order, OrderDto>(MemberList.None);\n```\n");

        var adopt = await docs.AdoptAsync("docs");
        docs.Json(adopt);
        Assert.Matches(@"AutoMapper@\d+\.\d+\.\d+", docs.Read("adopt.json"));
        Assert.DoesNotContain("SC1013", AdoptInProcess.Table(adopt), StringComparison.Ordinal);
        Assert.DoesNotContain("SC1013", docs.Read("adopt.json"), StringComparison.Ordinal);
    }
}
