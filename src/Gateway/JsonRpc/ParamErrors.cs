using System.Text.Json;

namespace TorrentCluster.Gateway.JsonRpc;

/// <summary>Turns System.Text.Json's errors into messages that name the parameter, not .NET types.</summary>
internal static class ParamErrors
{
    private const string RequiredMarker = "missing required properties including: ";

    // System.Text.Json's words when a parameter the record declares non-nullable is null.
    private const string NullMarker = "doesn't allow setting null values";

    public static string Describe(JsonException exception)
    {
        // Our own converters already say what is wrong in the caller's terms.
        if (exception is ParamValueException)
        {
            return exception.Message;
        }

        var missing = exception.Message.IndexOf(RequiredMarker, StringComparison.Ordinal);
        if (missing >= 0)
        {
            return $"missing required parameter {exception.Message[(missing + RequiredMarker.Length)..].TrimEnd('.')}";
        }

        var parameter = exception.Path is { Length: > 2 } path ? path[2..] : null;
        if (parameter is not null && exception.Message.Contains(NullMarker, StringComparison.Ordinal))
        {
            return $"'{parameter}' must not be null";
        }

        return parameter is null
            ? "params do not have the expected shape"
            : $"'{parameter}' has the wrong type";
    }
}

/// <summary>A parameter value that has the right JSON type but a meaning we cannot accept.</summary>
internal sealed class ParamValueException(string message) : JsonException(message);
