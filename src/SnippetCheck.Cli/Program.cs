return await SnippetCheck.Cli.SnippetCheckCommand.InvokeAsync(args);
