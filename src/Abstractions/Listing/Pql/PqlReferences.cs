using System.Collections.Frozen;

namespace TorrentCluster.Abstractions.Listing.Pql;

/// <summary>
/// Each PQL reference's name and what Porla accepts with it: which value kinds (<c>progress</c> a decimal only,
/// <c>ratio</c> either number, the durations, rates and <c>size</c> integers only) and whether it takes
/// <c>contains</c> (texts but <c>category</c>) or only <c>contains</c> (<c>tags</c>). Porla finds these mistakes
/// while filtering; we find them while parsing, so a bad query is refused before any silo is asked.
/// </summary>
public static class PqlReferences
{
    private static readonly FrozenDictionary<string, Rule> Rules = new Dictionary<string, Rule>
    {
        ["active_duration"] = new(PqlReference.ActiveDuration, Integer, Comparisons),
        ["age"] = new(PqlReference.Age, Integer, Comparisons),
        ["category"] = new(PqlReference.Category, Text, Comparisons),
        ["download_rate"] = new(PqlReference.DownloadRate, Integer, Comparisons),
        ["finished_duration"] = new(PqlReference.FinishedDuration, Integer, Comparisons),
        ["name"] = new(PqlReference.Name, Text, Comparisons | OperatorSet.Contains),
        ["progress"] = new(PqlReference.Progress, Decimal, Comparisons),
        ["ratio"] = new(PqlReference.Ratio, Integer | Decimal, Comparisons),
        ["save_path"] = new(PqlReference.SavePath, Text, Comparisons | OperatorSet.Contains),
        ["seeding_duration"] = new(PqlReference.SeedingDuration, Integer, Comparisons),
        ["size"] = new(PqlReference.Size, Integer, Comparisons),
        ["tags"] = new(PqlReference.Tags, Text, OperatorSet.Contains),
        ["upload_rate"] = new(PqlReference.UploadRate, Integer, Comparisons),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, PqlFlagName> FlagNames = new Dictionary<string, PqlFlagName>
    {
        ["downloading"] = PqlFlagName.Downloading,
        ["finished"] = PqlFlagName.Finished,
        ["moving"] = PqlFlagName.Moving,
        ["paused"] = PqlFlagName.Paused,
        ["seeding"] = PqlFlagName.Seeding,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private const KindSet Integer = KindSet.Integer;
    private const KindSet Decimal = KindSet.Decimal;
    private const KindSet Text = KindSet.Text;
    private const OperatorSet Comparisons = OperatorSet.Comparisons;

    /// <summary>The PQL names of the references, as Porla spells them (lower case only).</summary>
    public static IEnumerable<string> Names => Rules.Keys;

    /// <summary>The names <c>is:</c> takes.</summary>
    public static IEnumerable<string> Flags => FlagNames.Keys;

    /// <summary>The reference named <paramref name="name"/>, if PQL knows it.</summary>
    public static bool TryFind(string name, out PqlReference reference)
    {
        var found = Rules.TryGetValue(name, out var rule);
        reference = rule.Reference;
        return found;
    }

    /// <summary>The flag named <paramref name="name"/>, if PQL knows it.</summary>
    public static bool TryFindFlag(string name, out PqlFlagName flag) => FlagNames.TryGetValue(name, out flag);

    /// <summary>Why Porla refuses <paramref name="operator"/> with the reference, or null when it accepts it.</summary>
    public static string? RefusesOperator(string name, PqlOperator @operator)
    {
        var allowed = Rules[name].Operators;
        if (@operator == PqlOperator.Contains)
        {
            return allowed.HasFlag(OperatorSet.Contains) ? null : "Invalid operator";
        }

        return allowed.HasFlag(OperatorSet.Comparisons) ? null : $"{name} only support contains";
    }

    /// <summary>Why Porla refuses a value of <paramref name="kind"/> with the reference, or null when it accepts it.</summary>
    public static string? RefusesValue(string name, PqlValueKind kind)
    {
        var accepted = Rules[name].Kinds;
        var given = kind switch
        {
            PqlValueKind.Whole => KindSet.Integer,
            PqlValueKind.Fraction => KindSet.Decimal,
            _ => KindSet.Text,
        };
        if (accepted.HasFlag(given))
        {
            return null;
        }

        return accepted switch
        {
            KindSet.Text => "Invalid value type - expected string",
            KindSet.Integer => "Invalid value type - expected integer",
            KindSet.Decimal => "Invalid value type - expected float",
            _ => "Invalid value type - expected int or float",
        };
    }

    private readonly record struct Rule(PqlReference Reference, KindSet Kinds, OperatorSet Operators);

    [Flags]
    private enum KindSet
    {
        Integer = 1,
        Decimal = 2,
        Text = 4,
    }

    [Flags]
    private enum OperatorSet
    {
        Comparisons = 1,
        Contains = 2,
    }
}
