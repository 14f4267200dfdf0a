namespace SnippetCheck.Execution; internal static class RunnerProtocol { }
