using SnippetCheck.Execution;

namespace SnippetCheck.Runner;

/// <summary>Ends the runner's process group once the tool that started it is gone.</summary>
internal static class ParentWatch
{
    public static void Start()
    {
        var parent = ProcessGroups.ParentId;
        if (parent <= 1) return;
        var watch = new Thread(() =>
        {
            while (ProcessGroups.ParentId == parent) Thread.Sleep(500);
            ProcessGroups.KillOwnGroup();
        })
        { IsBackground = true, Name = "snippetcheck parent watch" };
        watch.Start();
    }
}
