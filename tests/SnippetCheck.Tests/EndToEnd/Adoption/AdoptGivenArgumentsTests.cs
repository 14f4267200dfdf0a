using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd.Adoption;

/// <summary>
/// Issue 77, item 3: bare locals passed to a library's calls. A block calls <c>logger.LogInformation(message)</c> with
/// neither declared; once <c>logger</c> is given the one type its calls fit, <c>message</c> is given the type of the
/// parameter it is passed to, when every overload the call can mean agrees on it (<c>String</c>), so the call binds and a
/// misspelt call or an argument of another type fails. Where the overloads disagree (<c>LogWarning(problem, text)</c>: an
/// Exception, an EventId or a message first) nothing is guessed for them: the block is checked with its receiver given
/// (<c>check given=logger:ILogger</c>), so the call on it binds and a misspelt one fails, while the two names stay unknown.
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
    public async Task A_bare_local_passed_to_a_call_on_an_inferred_receiver_is_given_the_parameter_type_its_overloads_agree_on()
    {
        using var docs = new AdoptInProcess();
        docs.Write("logging.md", Page);

        await docs.AdoptWriteAsync();
        var expected = Page.Replace("```csharp\nlogger.LogInformation",
            "<!-- snippetcheck: compile given=logger:ILogger,message:String sdk=web -->\n```csharp\nlogger.LogInformation", StringComparison.Ordinal)
            .Replace("```csharp\nlogger.LogWarning",
            "<!-- snippetcheck: check given=logger:ILogger sdk=web -->\n```csharp\nlogger.LogWarning", StringComparison.Ordinal);
        Assert.Equal(expected, docs.Read("logging.md"));

        // The call binds with the argument's type: misspelt, or passed a number where the message goes, it fails.
        docs.MutantsFail("logging.md", expected, new[]
        {
            ("logger.LogInformation(message)", "logger.LogInformationq(message)"),
            ("logger.LogInformation(message)", "logger.LogInformation(42)"),
            ("logger.LogWarning(problem, text)", "logger.LogWarningq(problem, text)"),
        });
    }
}
