using System.Globalization;
using SnippetCheck.Bench;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
return await BenchCommand.Build().Parse(args).InvokeAsync();
