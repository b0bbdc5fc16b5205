using CsCheck;
using static TorrentCluster.Security.Tests.Fuzzing.JsonText;

namespace TorrentCluster.Security.Tests.Fuzzing;

/// <summary>
/// Generators of whole request bodies: random calls of the real methods with random parameter shapes, valid calls
/// bent by a few mutations, malformed JSON, and batches of all of these.
/// </summary>
public sealed class FuzzRequests
{
    private static readonly string[] OtherContentTypes = ["text/plain", "application/x-www-form-urlencoded", "", "application/json; charset=utf-16"];

    private static readonly string HugeString = Quote(new string('z', 4 * 1024 * 1024));

    private readonly FuzzValues _values;
    private readonly Gen<MethodShape> _method;

    public FuzzRequests(FuzzValues values)
    {
        _values = values;
        _method = Gen.OneOf([.. MethodCatalog.Methods]);
        Random = Call(randomParams: true).Select(call => Request("random", call));
        Mutated = Gen.Select(Call(randomParams: false), Gen.Int[1, 3], (call, count) => (call, count))
            .SelectMany(draw => Mutate(draw.call, draw.count)).Select(call => Request("mutated", call));
        Malformed = Gen.Select(Call(randomParams: false), Gen.Int[0, 11], Gen.Int[0, int.MaxValue], Gen.Byte, Broken)
            .Select(body => new FuzzRequest("malformed", body));
        Batch = Gen.Frequency(
            (12, Gen.Frequency((3, Call(randomParams: false)), (2, Call(randomParams: true)), (1, _values.Any)).Array[0, 12]
                .Select(calls => Request("batch", Array(calls)))),
            (1, Gen.Const(new FuzzRequest("batch of 100,001 empty calls", Utf8(Array(Enumerable.Repeat("{}", 100_001)))))));
    }

    public Gen<FuzzRequest> Random { get; }

    public Gen<FuzzRequest> Mutated { get; }

    public Gen<FuzzRequest> Malformed { get; }

    public Gen<FuzzRequest> Batch { get; }

    /// <summary>One call as JSON text: mostly well-formed envelopes, each member sometimes bent.</summary>
    private Gen<string> Call(bool randomParams) =>
        _method.SelectMany(method =>
        {
            var parameters = randomParams
                ? Gen.Frequency((4, _values.MembersOf(method.Params, includeOptional: 2)
                        .SelectMany(members => Gen.Int[0, 3].SelectMany(kind => kind == 0 ? _values.Any.Select(v => (List<(string, string)>)[.. members, ("extra", v)]) : Gen.Const(members)))
                        .Select(members => Members(members))),
                    (1, _values.Any))
                : _values.ObjectOf(method.Params, includeOptional: 3);
            return Gen.Select(MethodName(method.Name), parameters, Id, Version, (name, p, id, version) => Envelope(name, p, id, version));
        });

    private Gen<string> MethodName(string real) => Gen.Frequency(
        (20, Gen.Const(Quote(real))),
        (1, Gen.Const(Quote(real.ToUpperInvariant()))),
        (1, Gen.Const(Quote(real + "\0"))),
        (1, Gen.Const(Quote(" " + real))),
        (1, _values.HostileString.Select(Quote)),
        (1, _values.Scalar));

    private static Gen<string?> Id => Gen.Frequency<string?>(
        (6, Gen.Int[0, 1_000_000].Select(id => (string?)id.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Const((string?)null)),
        (1, Gen.OneOf<string?>("null", "\"id\"", "1e400", "-0", "{}", "[]", "true", "99999999999999999999999")));

    private static Gen<string?> Version => Gen.Frequency<string?>((8, Gen.Const<string?>("\"2.0\"")), (1, Gen.Const((string?)null)), (1, Gen.OneOf<string?>("\"1.0\"", "2.0", "null", "\"2.0 \"")));

    private static string Envelope(string method, string parameters, string? id, string? version)
    {
        var members = new List<(string Key, string Value)>();
        if (version is not null)
        {
            members.Add(("jsonrpc", version));
        }

        if (id is not null)
        {
            members.Add(("id", id));
        }

        members.Add(("method", method));
        members.Add(("params", parameters));
        return Members(members);
    }

    /// <summary>A call with <paramref name="count"/> of its params' members dropped, repeated, retyped or blown up.</summary>
    private Gen<string> Mutate(string call, int count)
    {
        var envelope = ParseMembers(call);
        var index = envelope?.FindIndex(member => member.Key == "params") ?? -1;
        if (envelope is null || index < 0)
        {
            return Gen.Const(call);
        }

        var gen = Gen.Const(ParseMembers(envelope[index].Value) ?? []);
        for (var step = 0; step < count; step++)
        {
            gen = gen.SelectMany(current => Gen.Select(Gen.Int[0, 8], Gen.Int[0, 1000], _values.Any, _values.HostileString, Gen.Int[2, 200],
                (kind, at, any, text, depth) => Apply(current, kind, at, any, text, depth)));
        }

        return gen.Select(mutated =>
        {
            var changed = new List<(string Key, string Value)>(envelope);
            changed[index] = ("params", Members(mutated));
            return Members(changed);
        });
    }

    /// <summary>The members of a JSON object as written, or null when the text is not one.</summary>
    private static List<(string Key, string Value)>? ParseMembers(string json)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                ? [.. document.RootElement.EnumerateObject().Select(member => (member.Name, member.Value.GetRawText()))]
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static List<(string Key, string Value)> Apply(List<(string Key, string Value)> members, int kind, int at, string any, string text, int depth)
    {
        var list = new List<(string Key, string Value)>(members);
        if (list.Count == 0 || kind == 8)
        {
            list.Add((text.Length > 100 ? "extra" : text, any));
            return list;
        }

        var index = at % list.Count;
        var (key, value) = list[index];
        switch (kind)
        {
            case 0:
                list.RemoveAt(index);
                break;
            case 1:
                list.Insert(index + 1, (key, any));
                break;
            case 2:
                list[index] = (key, any);
                break;
            case 3:
                list[index] = (key, "123456789012345678901234567890123456789");
                break;
            case 4:
                list[index] = (key, Nest(value, depth));
                break;
            case 5:
                // A quarter of these are 4 MiB, well within the body limit; the rest the hostile text.
                list[index] = (key, at % 4 == 0 ? HugeString : Quote(text));
                break;
            case 6:
                list[index] = (key, Quote(text));
                break;
            default:
                list[index] = (key, "null");
                break;
        }

        return list;
    }

    /// <summary>A valid call broken as text: cut, bytes changed, invalid UTF-8, comments, NaN, depth bombs.</summary>
    private static byte[] Broken(string call, int kind, int at, byte noise)
    {
        var bytes = Utf8(call);
        var offset = at % (bytes.Length + 1);
        return kind switch
        {
            0 => bytes[..offset],
            1 => [.. bytes[..offset], noise, .. bytes[offset..]],
            2 => offset < bytes.Length ? [.. bytes[..offset], (byte)(bytes[offset] ^ noise), .. bytes[(offset + 1)..]] : bytes,
            3 => [.. bytes[..offset], 0xFF, 0xC0, 0xAF, 0xED, 0xA0, 0x80, .. bytes[offset..]],
            4 => [0xEF, 0xBB, 0xBF, .. bytes],
            5 => [.. bytes, .. ",}]"u8],
            6 => Utf8(call.Replace("\"2.0\"", at % 2 == 0 ? "NaN" : "'2.0'", StringComparison.Ordinal)),
            7 => [.. "/* comment */"u8, .. bytes, .. "// trailing"u8],
            8 => Utf8(new string('[', 1 + (at % 200_000))),
            9 => Utf8(string.Concat(Enumerable.Repeat("{\"a\":", 1 + (at % 20_000)))),
            10 => (at % 4) switch { 0 => [], 1 => "   \n\t "u8.ToArray(), 2 => "null"u8.ToArray(), _ => "\"just a string\""u8.ToArray() },
            _ => Utf8(call[..Math.Min(call.Length, offset)] + "\"unterminated"),
        };
    }

    private static FuzzRequest Request(string kind, string body) => new(kind, Utf8(body));

    /// <summary>The same requests with a content type other than JSON now and then (CSRF-style posts).</summary>
    public static Gen<FuzzRequest> WithContentTypes(Gen<FuzzRequest> requests) =>
        Gen.Select(requests, Gen.Int[0, 19], Gen.OneOf(OtherContentTypes), (request, draw, type) => draw == 0 ? request with { ContentType = type } : request);
}
