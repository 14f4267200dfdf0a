using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 76, item 4: evidence that binds. A local read before it is assigned (CS0165, CS0269) and a call no overload of a
/// known method fits (CS1501) are rot when the rest of the block binds: the error is then the author's, with its cause in
/// words. Beside a name the block never declares or a member no type has, the block lacks context, and nothing is listed.
/// The pages are written for these tests.
/// </summary>
public sealed class AdoptRotThatBindsTests
{
    private static async Task<Dictionary<int, SuspectedRot>> RotAsync(string post) => (await AdoptInProcess.AdoptPostAsync(post)).RotByBlock;

    [Fact]
    public async Task A_local_read_before_it_is_assigned_is_rot_when_the_rest_of_the_block_binds()
    {
        var rot = await RotAsync("""
            # Greetings

            ```csharp
            string greeting;
            if (DateTime.Now.Hour < 12) greeting = "Good morning";
            Console.WriteLine(greeting.ToUpperInvariant());
            ```

            ```csharp
            static bool TryHalf(int value, out int half)
            {
                if (value % 2 == 0) half = value / 2;
                return half > 0;
            }
            Console.WriteLine(TryHalf(4, out var h));
            ```

            ```csharp
            string farewell;
            if (DateTime.Now.Hour > 18) farewell = Salutations.Evening;
            Console.WriteLine(farewell);
            ```
            """);

        Assert.Equal(("CS0165", 6, 19), (rot[3].Id, rot[3].Location.Line, rot[3].Location.Column));
        Assert.Equal("'greeting' is used before it is assigned (not on every path before this line)", rot[3].Why);
        Assert.Equal("CS0269", rot[9].Id);
        Assert.Equal("the out parameter 'half' is read before it is assigned", rot[9].Why);
        // 'Salutations' is declared nowhere: the block lacks context, and its unassigned local may be the cascade of it.
        Assert.Equal([3, 9], rot.Keys.Order());
    }

    [Fact]
    public async Task An_overload_error_is_rot_only_when_the_blocks_other_calls_bind()
    {
        var rot = await RotAsync("""
            # Larger

            ```csharp
            var larger = Math.Max(1, 2, 3);
            Console.WriteLine(larger);
            ```

            ```csharp
            var sizes = new List<int> { Math.Max(4, 5, 6) };
            sizes.Dump();
            ```
            """);

        Assert.Equal("CS1501", rot[3].Id);
        Assert.Equal("no overload of 'Math.Max' takes 3 arguments", rot[3].Why);
        // 'Dump' (LINQPad's) binds to nothing here: the block is not the author's as the tool read it, so no entry.
        Assert.Equal([3], rot.Keys.Order());
    }
}
