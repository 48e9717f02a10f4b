using System.Text;

namespace VeleroOpenShift.HelpGenerator.About;

/// <summary>Word-wraps prose for about_ text files, which PowerShell prints as they are.</summary>
internal static class TextWrapper
{
    public const int Width = 80;

    /// <summary>Wraps <paramref name="text"/>: first line after <paramref name="firstIndent"/>, the rest after <paramref name="indent"/>.</summary>
    public static string Wrap(string text, string firstIndent, string indent)
    {
        var output = new StringBuilder();
        var line = new StringBuilder(firstIndent);
        var lineHasWord = false;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lineHasWord && line.Length + 1 + word.Length > Width)
            {
                output.Append(line).Append('\n');
                line.Clear().Append(indent);
                lineHasWord = false;
            }

            if (lineHasWord)
            {
                line.Append(' ');
            }

            line.Append(word);
            lineHasWord = true;
        }

        return output.Append(line).ToString();
    }
}
