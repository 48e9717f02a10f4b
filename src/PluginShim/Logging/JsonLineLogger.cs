using Microsoft.Extensions.Logging;

namespace VeleroOpenShift.PluginShim.Logging;

/// <summary>
/// An <see cref="ILogger"/> whose entries become go-plugin JSON lines on stderr. Structured state
/// (<c>{Placeholder}</c> values) becomes fields, the category becomes <c>logSource</c>, an exception
/// becomes <c>error</c> (its message, which Velero prints as-is) plus <c>exception</c> (type and stack).
/// </summary>
internal sealed class JsonLineLogger(string category, JsonLineWriter writer, LogLevel minimumLevel) : ILogger
{
    private const string OriginalFormatKey = "{OriginalFormat}";

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= minimumLevel;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        // Velero's log hook replaces logSource with a location in its own code unless the line says the
        // plugin set it; the category tells a reader far more than a go-plugin source file would.
        var fields = new List<KeyValuePair<string, string>> { new("@logSourceSetBy", "plugin"), new("logSource", category) };
        if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values)
            {
                if (key != OriginalFormatKey)
                {
                    fields.Add(new(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
                }
            }
        }

        if (exception is not null)
        {
            fields.Add(new("error", exception.Message));
            fields.Add(new("exception", exception.ToString()));
        }

        var message = formatter(state, exception);
        writer.Write(logLevel, string.IsNullOrEmpty(message) ? exception?.Message ?? string.Empty : message, fields);
    }
}
