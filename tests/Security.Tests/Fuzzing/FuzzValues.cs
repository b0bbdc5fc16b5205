using System.Text.Json;
using CsCheck;
using TorrentCluster.Abstractions.Torrents;
using static TorrentCluster.Security.Tests.Fuzzing.JsonText;

namespace TorrentCluster.Security.Tests.Fuzzing;

/// <summary>
/// Generators of JSON values as text: any value at all, hostile strings, numbers past every .NET type, and values
/// of the type (and, by its name, the meaning) a parameter declares.
/// </summary>
public sealed class FuzzValues
{
    /// <summary>Real engine settings an attacker would try, none of which makes the engine reach off this machine.</summary>
    private static readonly string[] SettingNames =
        ["alert_mask", "connections_limit", "active_downloads", "active_limit", "upload_rate_limit", "download_rate_limit",
         "user_agent", "peer_fingerprint", "unchoke_slots_limit", "max_out_request_queue", "no_such_setting", ""];

    private static readonly string[] Numbers =
        ["0", "-1", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
         "18446744073709551616", "1e400", "-1e400", "1.5", "-0", "1E+2", "0.0000001", "123456789012345678901234567890"];

    private static readonly string[] Texts =
        ["", " ", "\0", "null", "true", "default", "%s%s%n", "{0}", "${jndi:ldap://127.0.0.1:1/a}", "' OR 1=1 --",
         "<script>alert(1)</script>", "\u202Etxt.exe", "torrents.list", "auth.login", "\r\nX-Injected: 1", "\u0001\u001b[2J",
         FuzzContext.LoopbackTracker, "udp://127.0.0.1:1", "http://[::1]:1/", "127.0.0.1", "::1", "asc", "desc", "name", "size",
         "always_replace_files", "fail_if_exist", "dont_replace", "seeding", "downloading", "paused"];

    // Built once: a megabyte of text costs nothing to send twice.
    private static readonly string HugeText = new('A', 1024 * 1024);
    private static readonly string LargeText = new('b', 64 * 1024);

    private readonly FuzzContext _context;

    public FuzzValues(FuzzContext context)
    {
        _context = context;
        RandomText = Gen.String[Gen.Char['\0', '\uFFFF'], 0, 40].Select(FuzzContext.NeverRoutable);
        HostileString = Gen.Frequency(
            (4, Gen.OneOf(Texts)),
            (4, Gen.OneOf([.. context.Paths])),
            (4, RandomText),
            (1, Gen.OneOf(LargeText, HugeText)),
            (1, Gen.Int[0, 70].Select(length => new string('f', length))));
        Number = Gen.Frequency(
            (3, Gen.OneOf(Numbers)),
            (3, Gen.Int.Select(value => value.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            (1, Gen.Long.Select(value => value.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            (1, Gen.Double.Where(double.IsFinite).Select(value => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture))));
        Scalar = Gen.Frequency(
            (1, Gen.Const("null")),
            (1, Gen.OneOf("true", "false")),
            (3, Number),
            (4, HostileString.Select(Quote)),
            (1, Gen.OneOf("\"\\ud800\"", "\"\\udfff\\ud800\"", "\"\\u0000\"")));
        Any = AnyOfDepth(3);
    }

    /// <summary>Any JSON value: scalars, and arrays and objects of them a few levels deep.</summary>
    public Gen<string> Any { get; }

    public Gen<string> Scalar { get; }

    /// <summary>A JSON number as text, many outside int, long or double.</summary>
    public Gen<string> Number { get; }

    /// <summary>A hostile string (not yet quoted).</summary>
    public Gen<string> HostileString { get; }

    public Gen<string> RandomText { get; }

    /// <summary>A value of the parameter's declared type, chosen by what its name says it holds.</summary>
    public Gen<string> For(ParamShape parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return ForType(parameter.Type, parameter.Name);
    }

    private Gen<string> ForType(Type type, string name)
    {
        if (type == typeof(string))
        {
            return StringFor(name).Select(Quote);
        }

        if (type == typeof(int) || type == typeof(long))
        {
            return Gen.Frequency((3, Gen.Int[-2, 1000].Select(value => value.ToString(System.Globalization.CultureInfo.InvariantCulture))), (1, Number));
        }

        if (type == typeof(bool))
        {
            return Gen.OneOf("true", "false");
        }

        if (type == typeof(InfoHashPair))
        {
            return InfoHash;
        }

        if (type == typeof(PeerEndpoint))
        {
            return Gen.Select(Gen.OneOf("127.0.0.1", "::1", "127.255.255.254", "not-an-address", ""), Gen.Int[-1, 70_000],
                (address, port) => Array([Quote(address), port.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>))
        {
            var valueType = type.GetGenericArguments()[1];
            var values = valueType == typeof(JsonElement) ? (name == "settings" ? Scalar : Any) : ForType(valueType, name);
            var keys = name == "settings" ? Gen.OneOf(SettingNames) : Gen.Frequency((3, Gen.OneOf("name", "state", "tags", "category", "x")), (1, RandomText));
            return Gen.Select(keys, values, (key, value) => (key, value)).Array[0, 4].Select(members => Members(members));
        }

        if (ElementType(type) is { } element)
        {
            return ForType(element, name).Array[0, 5].Select(items => Array(items));
        }

        if (type.IsClass && type != typeof(object))
        {
            return ObjectOf(MethodCatalog.ShapeOf(type), includeOptional: 2);
        }

        return Any;
    }

    /// <summary>
    /// An object of the declared members: every required one, each optional one with a chance of one in
    /// <paramref name="includeOptional"/>.
    /// </summary>
    public Gen<string> ObjectOf(IReadOnlyList<ParamShape> members, int includeOptional) => MembersOf(members, includeOptional).Select(list => Members(list));

    public Gen<List<(string Key, string Value)>> MembersOf(IReadOnlyList<ParamShape> members, int includeOptional)
    {
        ArgumentNullException.ThrowIfNull(members);
        var gen = Gen.Const(new List<(string Key, string Value)>());
        foreach (var member in members)
        {
            var value = For(member);
            var include = member.Required ? Gen.Const(true) : Gen.Int[1, includeOptional].Select(draw => draw == 1);
            gen = gen.SelectMany(list => include.SelectMany(yes => yes ? value.Select(text => (List<(string Key, string Value)>)[.. list, (member.Name, text)]) : Gen.Const(list)));
        }

        return gen;
    }

    private Gen<string> InfoHash => Gen.Frequency(
        (4, _context.KnownHashes.Count > 0 ? Gen.OneOf([.. _context.KnownHashes]) : HexPair),
        (2, HexPair),
        (1, Gen.Int[0, 70].Select(length => Quote(new string('a', length)))),
        (1, Any));

    private static Gen<string> HexPair => Gen.Frequency(
        (1, Gen.Byte.Array[20].Select(bytes => Array([Quote(Convert.ToHexStringLower(bytes)), "null"]))),
        (1, Gen.Byte.Array[32].Select(bytes => Array(["null", Quote(Convert.ToHexStringLower(bytes))]))),
        (1, Gen.Byte.Array[20].Select(bytes => Quote(Convert.ToHexString(bytes)))));

    private Gen<string> StringFor(string name)
    {
        if (name.Contains("path", StringComparison.Ordinal))
        {
            return Gen.Frequency((6, Gen.OneOf([.. _context.Paths])), (1, HostileString));
        }

        if (name == "ti")
        {
            return Gen.Frequency((6, Gen.OneOf([.. _context.TorrentFiles])), (1, HostileString));
        }

        if (name == "magnet_uri")
        {
            return Gen.Frequency((6, Gen.OneOf([.. _context.MagnetLinks])), (1, HostileString));
        }

        return name.Contains("hash", StringComparison.Ordinal) ? Gen.Byte.Array[20].Select(Convert.ToHexStringLower) : HostileString;
    }

    private Gen<string> AnyOfDepth(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency(
            (6, Scalar),
            (1, AnyOfDepth(depth - 1).Array[0, 4].Select(items => Array(items))),
            (1, Gen.Select(RandomText, AnyOfDepth(depth - 1), (key, value) => (key, value)).Array[0, 4].Select(members => Members(members))));

    private static Type? ElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(IEnumerable<>).MakeGenericType(element).IsAssignableFrom(type)
            ? element
            : null;
    }
}
