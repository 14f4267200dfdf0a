using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.Cli;

/// <summary>
/// Issue 77, item 3: bare locals passed to a library's calls. A block calls <c>logger.LogInformation(message)</c> with
/// neither declared; once <c>logger</c> is given the one type its calls fit, <c>message</c> is given the type of the
/// parameter it is passed to, when every overload the call can mean agrees on it (<c>String</c>), so the call binds and a
/// misspelt call or an argument of another type fails. Where the overloads disagree (<c>LogWarning(problem, text)</c>: an
/// Exception, an EventId or a message first) nothing is guessed and the block stays untagged.
/// </summary>
public sealed class AdoptGivenArgumentsTests
{
    private const string Page = """
        # Logging

        ```csharp
        logger.LogInformation(message);
        ```

        ```csharp
        logger.LogWarning(problem, text);
        ```
        """;

    [Fact]
    public void A_bare_local_passed_to_a_call_on_an_inferred_receiver_is_given_the_parameter_type_its_overloads_agree_on()
    {
        using var folder = new TempFolder();
        folder.Write("logging.md", Page);

        var write = CliRunner.Run(folder.Path, "adopt", "--write");

        Assert.True(write.ExitCode == 0, write.Output);
        var expected = Page.Replace("```csharp\nlogger.LogInformation",
            "<!-- snippetcheck: compile given=logger:ILogger,message:String sdk=web -->\n```csharp\nlogger.LogInformation", StringComparison.Ordinal);
        Assert.Equal(expected, File.ReadAllText(Path.Combine(folder.Path, "logging.md")));

        // The call binds with the argument's type: misspelt, or passed a number where the message goes, it fails.
        Mutants.EachFails(folder.Path, Path.Combine(folder.Path, "logging.md"), expected, new[]
        {
            ("logger.LogInformation(message)", "logger.LogInformationq(message)"),
            ("logger.LogInformation(message)", "logger.LogInformation(42)"),
        });
    }
}
