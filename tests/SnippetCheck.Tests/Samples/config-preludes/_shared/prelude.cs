// Hidden code every snippet of this folder gets (snippetcheck.json "preludes"), as a prelude of each post.
using System.Text;

public record Person(string Name, int Age);

public static class Loud
{
    public static string Shout(string text) => text.ToUpperInvariant() + "!";
}
