using System.Text;
using System.Text.Json;

namespace TorrentCluster.Security.Tests.Fuzzing;

/// <summary>
/// JSON written as text, so requests can hold what a serializer would not write: repeated keys, numbers past any
/// .NET type, escaped lone surrogates.
/// </summary>
public static class JsonText
{
    public static string Quote(string value) => JsonSerializer.Serialize(value);

    /// <summary>An object of members written in the given order, repeats included.</summary>
    public static string Members(IEnumerable<(string Key, string Value)> members) =>
        "{" + string.Join(",", members.Select(member => Quote(member.Key) + ":" + member.Value)) + "}";

    public static string Array(IEnumerable<string> items) => "[" + string.Join(",", items) + "]";

    /// <summary><paramref name="value"/> inside <paramref name="depth"/> arrays.</summary>
    public static string Nest(string value, int depth) => new StringBuilder(value.Length + 2 * depth).Append('[', depth).Append(value).Append(']', depth).ToString();

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
