using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace VeleroOpenShift.PluginShim.Logging;

/// <summary>
/// Writes one compact JSON object per line in the shape the go-plugin host parses (protocol spec §4):
/// <c>@level</c> and <c>@message</c> always as strings, no <c>@timestamp</c> (Velero stamps the line itself),
/// then the extra fields as strings. Lines stay below the host's 64 KiB line buffer.
/// </summary>
internal sealed class JsonLineWriter
{
    // The host reads stderr with a 64 KiB line buffer and logs longer lines raw, in pieces, at debug.
    internal const int MaxLineBytes = 60 * 1024;
    private const int MaxValueChars = 16 * 1024;

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly Stream _destination;
    private readonly Lock _gate = new();

    public JsonLineWriter(Stream destination) => _destination = destination;

    public void Write(LogLevel level, string message, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(fields);
        var buffer = new ArrayBufferWriter<byte>(256);
        Format(buffer, level, message, fields, MaxValueChars);
        if (buffer.WrittenCount > MaxLineBytes)
        {
            buffer.Clear();
            Format(buffer, level, message, fields, MaxLineBytes / (4 * (fields.Count + 1)));
        }

        lock (_gate)
        {
            _destination.Write(buffer.WrittenSpan);
            _destination.WriteByte((byte)'\n');
            _destination.Flush();
        }
    }

    private static void Format(ArrayBufferWriter<byte> buffer, LogLevel level, string message, IReadOnlyList<KeyValuePair<string, string>> fields, int maxValueChars)
    {
        using var writer = new Utf8JsonWriter(buffer, Options);
        writer.WriteStartObject();
        writer.WriteString("@level", VeleroLogLevel.WireName(level));
        writer.WriteString("@message", Truncate(message, maxValueChars));
        var written = new HashSet<string>(StringComparer.Ordinal) { "@level", "@message", "@timestamp" };
        foreach (var (key, value) in fields)
        {
            // A plugin-supplied @timestamp in the wrong layout would make the host treat the whole line as raw text.
            if (written.Add(key))
            {
                writer.WriteString(key, Truncate(value, maxValueChars));
            }
        }

        writer.WriteEndObject();
    }

    private static string Truncate(string value, int maxChars)
    {
        if (value.Length <= maxChars)
        {
            return value;
        }

        var cut = char.IsHighSurrogate(value[maxChars - 1]) ? maxChars - 1 : maxChars;
        return new StringBuilder(value, 0, cut, cut + 16).Append("…(truncated)").ToString();
    }
}
