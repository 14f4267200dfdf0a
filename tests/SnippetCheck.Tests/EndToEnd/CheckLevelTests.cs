using System.Text.Json;
using SnippetCheck.Editor;
using SnippetCheck.Model;
using SnippetCheck.Reporting;
using SnippetCheck.Results;
using SnippetCheck.Tests.Infrastructure;

namespace SnippetCheck.Tests.EndToEnd;

/// <summary>
/// The <c>check</c> level (docs/tags.md, "Levels"): which errors it tolerates, which it refuses, what it never does (run),
/// and how every report tells it apart from a verified pass. In-process, through the real compiler.
/// </summary>
public sealed class CheckLevelTests
{
    /// <summary>A post holding <paramref name="code"/> tagged <c>check</c>, after <paramref name="before"/> (other blocks of the post).</summary>
    private static async Task<SnippetResult> CheckAsync(string code, string before = "", string tags = "")
    {
        var report = await Pipeline.VerifyAsync($"{before}\n<!-- snippetcheck: check {tags} name=it -->\n```csharp\n{code}\n```\n",
            o => o with { CommandLine = new() { Cache = false } });
        return report.Snippets.Single(s => s.Snippet.Tags.Name == "it");
    }

    [Theory]
    [InlineData("var json = System.Text.Json.JsonSerializer.Serialize(order);", "order")]
    [InlineData("Repository<Order> orders = new();\nConsole.WriteLine(string.Join(\", \", orders));", "Repository, Order")]
    [InlineData("using MyShop.Models;\nConsole.WriteLine(string.Join(\", \", new Product()));", "MyShop, Product")]
    [InlineData("Console.WriteLine(TimeProvider.System.GetUtcNow());\nservices.AddSingleton<IClock>(new SystemClock(TimeProvider.System));", "services, IClock, SystemClock")]
    // 'nameof' is a keyword form (Coravel's Scheduler page: '.PreventOverlapping(nameof(SomeInvocable))'); only its argument is unknown.
    [InlineData("Console.WriteLine(nameof(SomeInvocable));", "SomeInvocable")]
    public async Task Unknown_names_are_tolerated_when_something_binds_to_the_framework(string code, string names)
    {
        var result = await CheckAsync(code);

        Assert.Equal(SnippetStatus.Passed, result.Status);
        Assert.Equal(VerificationLevel.Check, result.Level);
        Assert.Equal(names, string.Join(", ", result.UnknownNames.Select(n => n.Name).Distinct()));
        Assert.Equal($"checked ({names} not declared in the post)", result.Message);
        Assert.DoesNotContain(result.Diagnostics, d => d.IsError);
    }

    [Theory]
    [InlineData("var text = System.Text.Jsn.JsonSerializer.Serialize(order);", "CS0234")]
    [InlineData("var count = \"orders\".Lenght + order.Count;", "CS1061")]
    [InlineData("Console.WriteLin(order);", "CS0117")]
    [InlineData("var biggest = Math.Max(\"orders\".Length);\nConsole.WriteLine(biggest + order.Total);", "CS1501")]
    [InlineData("int count = \"three\";\nConsole.WriteLine(order);", "CS0029")]
    [InlineData("Console.WriteLine(order)", "CS1002")]
    [InlineData("WriteLine(order);", "CS0103")]
    [InlineData("StringBuilder text = new();\nConsole.WriteLine(order);", "CS0246")]
    [InlineData("var json = JsonSerialiser.Serialize(order);", "CS0103")]
    [InlineData("[Obsolete(\"gone\", error: true)] static void Old() { }\nOld();\nConsole.WriteLine(order);", "CS0619")]
    [InlineData("Lqst<int> numbers = new();\nConsole.WriteLine(order);", "CS0246")]
    [InlineData("await Tqsk.Delay(1);\nConsole.WriteLine(order);", "CS0103")]
    [InlineData("Uqi home = new(\"https://example.com\");\nConsole.WriteLine(order);", "CS0246")]
    [InlineData("[Obsolet] static void Old() { }\nOld();\nConsole.WriteLine(order);", "CS0246")]
    [InlineData("[DebuggerStepThrough] static void Step() { }\nStep();\nConsole.WriteLine(order);", "CS0246")]
    public async Task Every_other_error_fails_the_block_as_in_compile(string code, string id)
    {
        var result = await CheckAsync(code);

        Assert.Equal((SnippetStatus.Failed, FailureReason.CompileError, id), (result.Status, result.Reason, result.Code));
        Assert.Empty(result.UnknownNames);
    }

    [Fact]
    public async Task A_name_another_block_of_the_post_declares_is_not_tolerated()
    {
        var result = await CheckAsync("Customer customer = new(\"Ada\");\nConsole.WriteLine(customer);",
            before: "```csharp compile\nsealed record Customer(string Name);\n```\n");

        Assert.Equal((SnippetStatus.Failed, "CS0246"), (result.Status, result.Code));
        Assert.Equal(7, result.FailureLocation.Line);
    }

    [Fact]
    public async Task A_local_of_another_block_is_no_declaration_of_the_post()
    {
        // "Declares" means a type, a member or a namespace (issue 42): another block's local says nothing of this block's 'list'.
        var result = await CheckAsync("Console.WriteLine(Math.Max(list.Count, 1));\nlist.Add(Environment.ProcessorCount);",
            before: "```csharp compile\nvar list = new System.Collections.Generic.List<int>();\n```\n");

        Assert.Equal(SnippetStatus.Passed, result.Status);
        Assert.Equal(["list"], result.UnknownNames.Select(n => n.Name).Distinct());
    }

    [Fact]
    public async Task A_block_where_nothing_binds_checks_nothing_and_fails_for_it()
    {
        var result = await CheckAsync("var total = order.Lines.Sum(line => line.Price);");

        Assert.Equal((SnippetStatus.Failed, FailureReason.NothingChecked, DiagnosticCodes.NothingChecked), (result.Status, result.Reason, result.Code));
        Assert.Equal("nothing-checked", result.ReasonWord);
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticCodes.NothingChecked);
    }

    /// <summary>
    /// No hollow check (issue 54): what binds must be what the block is about. A hole's filler is the tool's code, and a
    /// framework name handed to a call the compiler could not bind (an unknown receiver's method) says nothing of that call.
    /// </summary>
    [Theory]
    [InlineData("a hole's filler", "int Compute(Order order)\n{\n    ...\n}")]
    [InlineData("an argument of a call on an unknown receiver", "RuleFor(x => x.Surname).NotEqual(\"foo\", StringComparer.OrdinalIgnoreCase);")]
    [InlineData("a value in the initializer of an unknown type", "var options = new RetryOptions { Delay = TimeSpan.FromSeconds(2) };")]
    public async Task A_block_whose_only_binding_is_incidental_checks_nothing(string what, string code)
    {
        var result = await CheckAsync(code);

        Assert.True((result.Status, result.Reason) == (SnippetStatus.Failed, FailureReason.NothingChecked), $"{what}: {result.Status} {result.Message}");
    }

    /// <summary>The calls left unbound on unknown names must not outnumber the calls that bound (docs/authoring.md).</summary>
    [Fact]
    public async Task A_block_whose_unknown_calls_outnumber_its_bound_ones_checks_too_little()
    {
        var result = await CheckAsync("RuleFor(x => x.Surname).NotEmpty();\nRuleFor(x => x.Age).GreaterThan(18);\nConsole.WriteLine(StringComparer.Ordinal);");

        Assert.Equal((SnippetStatus.Failed, FailureReason.NothingChecked), (result.Status, result.Reason));
        Assert.Contains("only 1 of its 5 calls bind", result.Message, StringComparison.Ordinal);
        // Issue 75: output writes alone do not balance them ('Console.WriteLine' binds beside whatever a block is about).
        var writesOnly = await CheckAsync("Console.WriteLine(StringComparer.Ordinal);\nRuleFor(x => x.Surname).NotEmpty();\nConsole.WriteLine(string.Empty);");
        Assert.Equal((SnippetStatus.Failed, FailureReason.NothingChecked), (writesOnly.Status, writesOnly.Reason));
        var balanced = await CheckAsync("var words = new List<string>();\nwords.Add(string.Empty);\nRuleFor(x => x.Surname).NotEmpty();");
        Assert.Equal((SnippetStatus.Passed, VerificationLevel.Check), (balanced.Status, balanced.Level));
    }

    /// <summary>
    /// A check whose first member call, the call it exists to show, is made on a receiver of unknown type binds
    /// nothing it is about, however many framework calls follow (issue 54): it fails with its own code, at that call,
    /// saying what to add. Adopt never proposed such a block; a tag written by hand still counted as checked.
    /// </summary>
    [Theory]
    [InlineData("calculator.Add(1, 2);\nConsole.WriteLine(TimeSpan.Zero);\nConsole.WriteLine(string.Empty);", 1, 12, "'Add' on 'calculator'",
        "given=calculator:TYPE")]
    [InlineData("builder.Services.AddSingleton<IClock>(TimeProvider.System);\nConsole.WriteLine(TimeProvider.System.GetUtcNow());", 1, 18,
        "'AddSingleton' on 'builder'", "given=builder:TYPE")]
    [InlineData("OrderDto dto = Mapper.Map<OrderDto>(order);\nConsole.WriteLine(dto);", 1, 23, "'Map' on 'Mapper'", "given=Mapper:TYPE")]
    [InlineData("RuleFor(x => x.Surname).NotEmpty();\nConsole.WriteLine(StringComparer.Ordinal);\nConsole.WriteLine(string.Empty);", 1, 25,
        "'NotEmpty' on 'RuleFor'", "packages=")]
    [InlineData("var db = new AppDbContext();\nvar count = db.Orders.Count();\nConsole.WriteLine(count);\nConsole.WriteLine(string.Empty);", 2, 23,
        "'Count' on 'db', is made on a value whose type is declared nowhere", "packages=")]
    public async Task A_check_whose_first_call_is_made_on_an_unknown_receiver_is_hollow(string code, int line, int column, string call, string advice)
    {
        var result = await CheckAsync(code);

        Assert.True((result.Status, result.Code) == (SnippetStatus.Failed, DiagnosticCodes.HollowCheck), $"{result.Status} {result.Code} {result.Message}");
        Assert.Equal(FailureReason.NothingChecked, result.Reason);
        Assert.Contains(call, result.Message, StringComparison.Ordinal);
        Assert.Contains(advice, result.Message, StringComparison.Ordinal);
        var finding = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticCodes.HollowCheck);
        // The post's first line is the blank line before the tag; the block's code starts on line 4.
        Assert.Equal(("post.md", 3 + line, column), (finding.Location.File, finding.Location.Line, finding.Location.Column));
    }

    /// <summary>
    /// A block compiled with its package that binds only the framework's members (an <c>int.TryParse</c>) beside calls
    /// left unbound checks none of the package it is about (issue 54): hollow. The same block with no package is the
    /// post's own fragment, checked as before; a block that binds the package is checked.
    /// </summary>
    [Fact]
    public async Task A_block_with_a_package_that_binds_only_the_framework_beside_unknown_calls_is_hollow()
    {
        const string Incidental = "if (int.TryParse(input, out var age))\n    validator.Validate(age);";
        const string Tags = "packages=FluentValidation@12.1.1 usings=FluentValidation";
        var withPackage = await CheckAsync(Incidental, tags: Tags);

        Assert.True((withPackage.Status, withPackage.Code) == (SnippetStatus.Failed, DiagnosticCodes.HollowCheck),
            $"{withPackage.Status} {withPackage.Code} {withPackage.Message}");
        Assert.Contains("all it binds is the framework's, none of its packages, beside 1 call left unbound", withPackage.Message, StringComparison.Ordinal);
        Assert.Equal(SnippetStatus.Passed, (await CheckAsync(Incidental)).Status);
        var bindsThePackage = await CheckAsync(
            "var rules = new InlineValidator<string>();\nrules.RuleFor(x => x.Length).GreaterThan(minimum);", tags: Tags);
        Assert.True(bindsThePackage.Status == SnippetStatus.Passed, $"{bindsThePackage.Status} {bindsThePackage.Message}");
    }

    private const string Rules = """
        RuleFor(x => x.Surname).NotEqual("foo", StringComparer.OrdinalIgnoreCase);
        RuleFor(x => x.Age).GreaterThan(18);
        Console.WriteLine(StringComparer.Ordinal);
        """;

    /// <summary>
    /// The mutants doc-trial and a maintainer make of such a block (issue 54): a rule method misspelt on its unknown
    /// receiver, an argument added, a base-class member renamed. The block must not pass as it stands, and none of them may.
    /// </summary>
    [Theory]
    [InlineData("as it stands", "NotEqual(", "NotEqual(")]
    [InlineData("misspells a method chained on an unknown receiver", "NotEqual(", "NotEqul(")]
    [InlineData("adds an argument", "GreaterThan(18)", "GreaterThan(18, 19)")]
    [InlineData("renames a base-class member", "RuleFor(x => x.Age)", "RuleFr(x => x.Age)")]
    public async Task No_mutant_of_a_block_of_rules_on_unknown_names_passes(string mutation, string from, string to)
    {
        var mutant = await CheckAsync(Rules.Replace(from, to, StringComparison.Ordinal));

        Assert.True(mutant.Status != SnippetStatus.Passed, $"{mutation}: {mutant.Status} {mutant.Message}");
    }

    /// <summary>
    /// A bare call of a method a referenced package declares (FluentValidation's <c>RuleFor</c>, on its validator base
    /// class) is no unknown name: the package says what it is, and the block leaves out the class it belongs in.
    /// </summary>
    [Fact]
    public async Task A_method_a_referenced_package_declares_is_never_tolerated_as_unknown()
    {
        var report = await Pipeline.VerifyAsync(
            "<!-- snippetcheck: check packages=FluentValidation@12.1.1 usings=FluentValidation name=it -->\n```csharp\n"
            + "RuleFor(x => x.Surname).NotEmpty();\nConsole.WriteLine(StringComparer.Ordinal);\nConsole.WriteLine(string.Empty);\n```\n",
            o => o with { CommandLine = new() { Cache = false } });
        var result = report.Snippets.Single();

        Assert.True((result.Status, result.Code) == (SnippetStatus.Failed, "CS0103"), $"{result.Status} {result.Code} {result.Message}");
        Assert.Empty(result.UnknownNames);
    }

    [Fact]
    public async Task A_check_block_is_never_run()
    {
        var result = await CheckAsync("Console.WriteLine(pending.Count);\nthrow new InvalidOperationException(\"ran\");");

        Assert.Equal(SnippetStatus.Passed, result.Status);
        Assert.Null(result.ActualOutput);
    }

    private const string Original = """
        using System.Text.Json;

        JsonSerializerOptions options = new() { WriteIndented = true };
        var json = JsonSerializer.Serialize(order, options);
        Console.WriteLine(json.Length);
        """;

    /// <summary>
    /// No false check: a mutant of a checked block that breaks an API the block bound must fail (issue 42's targets). A
    /// member of a value whose type is unknown (<c>json.Length</c> here, as <c>order</c> is unknown) never bound, so
    /// renaming it is no such mutant: that is what <c>check</c> does not protect.
    /// </summary>
    [Theory]
    [InlineData("renames a framework type", "JsonSerializer.Serialize", "JsonSerializr.Serialize")]
    [InlineData("renames a framework method", "JsonSerializer.Serialize", "JsonSerializer.Serialise")]
    [InlineData("renames a framework property", "WriteIndented = true", "WriteIndentd = true")]
    [InlineData("renames a framework namespace", "using System.Text.Json;", "using System.Text.Jsn;")]
    [InlineData("removes an argument from a known call", "Serialize(order, options)", "Serialize()")]
    [InlineData("misspells a known type in a declaration", "JsonSerializerOptions options", "JsonSerializerOption options")]
    public async Task A_mutant_that_breaks_a_known_api_fails(string mutation, string from, string to)
    {
        Assert.Equal(SnippetStatus.Passed, (await CheckAsync(Original)).Status);
        Assert.Contains(from, Original, StringComparison.Ordinal);

        var mutant = await CheckAsync(Original.Replace(from, to, StringComparison.Ordinal));

        Assert.True(mutant.Status == SnippetStatus.Failed, $"{mutation}: {mutant.Status} {mutant.Message}");
    }

    private const string UnboundRegion = """
        Console.WriteLine(TimeSpan.Zero);
        var pipeline = new ResiliencePipelineBuilder()
            .AddRetry(new()
            {
                Delay = TimeSpan.FromSeconds(2),
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = args => args.Outcome.Exception is System.Net.Http.HttpRequestException,
            });
        Console.WriteLine(pipeline);
        Console.WriteLine(TimeSpan.FromSeconds(2));
        """;

    /// <summary>
    /// Code that depends on an unknown name (a target-typed <c>new()</c> passed to a call on an unknown receiver) draws no
    /// error from the compiler, which never binds it: the check level looks its names up itself (SC2014), so a broken
    /// API there fails as it would anywhere else. Found by eng/check-mutants.sh on real docs.
    /// </summary>
    [Theory]
    [InlineData("misspells a framework type", "TimeSpan.FromSeconds", "TqmeSpan.FromSeconds", "TimeSpan")]
    [InlineData("renames a framework method", "TimeSpan.FromSeconds", "TimeSpan.FromSecondz", "FromSecondz")]
    [InlineData("renames a framework namespace", "System.Net.Http", "System.Net.Htp", "Htp")]
    [InlineData("removes an argument from a framework call", "FromSeconds(2)", "FromSeconds()", "no overload of 'TimeSpan.FromSeconds'")]
    public async Task A_mutant_in_code_the_compiler_left_unbound_fails(string mutation, string from, string to, string named)
    {
        var original = await CheckAsync(UnboundRegion);
        Assert.Equal(SnippetStatus.Passed, original.Status);
        Assert.Equal("ResiliencePipelineBuilder, DelayBackoffType", string.Join(", ", original.UnknownNames.Select(n => n.Name).Distinct()));

        var mutant = await CheckAsync(UnboundRegion.Replace(from, to, StringComparison.Ordinal));

        Assert.True((mutant.Status, mutant.Code) == (SnippetStatus.Failed, DiagnosticCodes.UnboundApi), $"{mutation}: {mutant.Status} {mutant.Code} {mutant.Message}");
        Assert.Contains(named, mutant.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// An unknown argument leaves a call's overload open, and the compiler says nothing of it: the method's name still
    /// binds (a bare <c>WriteLine</c> under <c>using static</c>), and an argument count no overload takes still fails.
    /// </summary>
    [Fact]
    public async Task A_call_with_an_unknown_argument_binds_its_name_and_fails_on_an_argument_count_no_overload_takes()
    {
        var bare = await CheckAsync("WriteLine(order.Total);");
        var staticUsing = (await Pipeline.VerifyAsync("<!-- snippetcheck: check usings=static:System.Console name=it -->\n```csharp\nWriteLine(order.Total);\n```\n", o => o with { CommandLine = new() { Cache = false } })).Snippets.Single();
        Assert.Equal((SnippetStatus.Passed, VerificationLevel.Check), (staticUsing.Status, staticUsing.Level));
        Assert.Equal(["order"], staticUsing.UnknownNames.Select(n => n.Name));
        Assert.Equal((SnippetStatus.Failed, "CS0103"), (bare.Status, bare.Code));

        var dropped = await CheckAsync("var biggest = Math.Max(order.Total);");

        Assert.True((dropped.Status, dropped.Code) == (SnippetStatus.Failed, DiagnosticCodes.UnboundApi), $"{dropped.Status} {dropped.Code} {dropped.Message}");
        Assert.Contains("no overload of 'Math.Max' takes 1 arguments", dropped.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_say_checked_never_verified()
    {
        var report = await Pipeline.VerifyAsync("""
            ```csharp run
            Console.WriteLine(1);
            ```

            ```output
            1
            ```

            ```csharp check
            Console.WriteLine(order.Total);
            ```
            """, o => o with { CommandLine = new() { Cache = false } });

        Assert.Equal("1 passed, 1 checked, 0 failed, 0 ignored, 0 untagged (2 C# blocks in 1 file) in 0.0s",
            SummaryLine.For(report with { Duration = TimeSpan.Zero }));
        Assert.Equal("verified 1 and checked 1 of 2 C# blocks (50 % verified, 100 % checked or better)", CoverageLine.For(report));
        var checkedBlock = report.Snippets[1];
        Assert.Equal("checked (order not declared in the post)", Verdicts.Headline(checkedBlock));
        Assert.StartsWith("✓ checked", Verdicts.Lens(checkedBlock), StringComparison.Ordinal);

        var markdown = MarkdownReportWriter.Render(report);
        Assert.Contains("| 1 | 1 | 0 |", markdown, StringComparison.Ordinal);
        Assert.Contains("<system-out>checked (order not declared in the post)</system-out>", Render(JUnitReportWriter.Write, report), StringComparison.Ordinal);

        using var json = JsonDocument.Parse(Render(JsonReportWriter.Write, report));
        var summary = json.RootElement.GetProperty("summary");
        // The console's split (issue 54): '1 passed, 1 checked' is passed 1, checked 1, never passed 2.
        Assert.Equal((1, 1, 1, 1), (summary.GetProperty("passed").GetInt32(), summary.GetProperty("checked").GetInt32(),
            summary.GetProperty("verified").GetInt32(), summary.GetProperty("checkedBlocks").GetInt32()));
        var snippets = json.RootElement.GetProperty("snippets");
        Assert.Equal(("run", "run"), (snippets[0].GetProperty("kind").GetString(), snippets[0].GetProperty("level").GetString()));
        Assert.Equal(("check", "check"), (snippets[1].GetProperty("kind").GetString(), snippets[1].GetProperty("level").GetString()));
        var name = snippets[1].GetProperty("unknownNames").EnumerateArray().Single();
        Assert.Equal(("order", "post.md", 10, 19), (name.GetProperty("name").GetString(), name.GetProperty("file").GetString(),
            name.GetProperty("line").GetInt32(), name.GetProperty("column").GetInt32()));
        Assert.Empty(snippets[0].GetProperty("unknownNames").EnumerateArray());
    }

    [Fact]
    public async Task A_block_that_runs_nothing_reports_compile_not_run()
    {
        var report = await Pipeline.VerifyAsync("""
            ```csharp members
            public void Hello() => Console.WriteLine("hello");
            ```
            """, o => o with { CommandLine = new() { Cache = false } });

        var result = report.Snippets.Single();
        Assert.Equal((SnippetStatus.Passed, Extraction.Snippets.SnippetKind.Compile, VerificationLevel.Compile), (result.Status, result.Kind, result.Level));
    }

    [Fact]
    public async Task In_a_session_a_check_block_sees_the_session_so_far_and_stops_no_other_block()
    {
        var report = await Pipeline.VerifyAsync("""
            <!-- snippetcheck: prelude session=shop
            static string Money(decimal amount) => amount.ToString("0.00");
            -->

            ```csharp session=shop
            var prices = new List<decimal> { 1.5m, 2m };
            Console.WriteLine(Money(prices.Sum()));
            ```

            ```output
            3.50
            ```

            ```csharp session=shop check
            prices.Add(basket.Total);
            Console.WriteLine(Money(prices.Max()));
            ```

            ```csharp session=shop
            Console.WriteLine(prices.Count);
            ```

            ```output
            2
            ```
            """, o => o with { CommandLine = new() { Cache = false } });

        Assert.Equal(["passed run", "passed check", "passed run"], report.Snippets.Select(s => $"{s.Status.ToWord()} {s.Level?.ToWord()}"));
        Assert.Equal(["basket"], report.Snippets[1].UnknownNames.Select(n => n.Name));
    }

    private static string Render(Action<Stream, VerificationReport> write, VerificationReport report)
    {
        using var stream = new MemoryStream();
        write(stream, report);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Theory]
    [InlineData("var o = new object(...);\nConsole.WriteLine(o.GetHashCode());")]
    [InlineData("var drives = Environment.GetLogicalDrives(...);\nConsole.WriteLine(drives.Length);")]
    public async Task An_argument_list_hole_stands_for_any_number_of_arguments_none_too(string code)
    {
        // Issue 54, bug 10: 'new Button(...)' failed CS1729 against a parameterless constructor.
        var result = await CheckAsync(code);

        Assert.Equal(SnippetStatus.Passed, result.Status);
        Assert.Equal(VerificationLevel.Check, result.Level);
    }

    [Theory]
    [InlineData("var o = new object(...);\nConsole.WriteLine(o.GetHashCod());")]
    [InlineData("var drives = Environment.GetLogicalDrivs(...);\nConsole.WriteLine(drives.Length);")]
    [InlineData("var sb = new StringBuildr(...);\nConsole.WriteLine(sb);")]
    public async Task A_misspelt_call_around_an_argument_list_hole_still_fails(string code)
    {
        var result = await CheckAsync(code);

        Assert.Equal(SnippetStatus.Failed, result.Status);
    }
}
