using VeleroOpenShift.HelpGenerator.Markdown;

namespace VeleroOpenShift.HelpGenerator.About;

/// <summary>A conceptual help topic: its name, one-line short description and "## " sections.</summary>
internal sealed record AboutTopic(string Name, string ShortDescription, IReadOnlyList<HelpSection> Sections);
