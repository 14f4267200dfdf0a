namespace SnippetCheck; public static class Placeholder { }
