using System.Text.Json.Nodes;

namespace TorrentCluster.Bench.Scale;

/// <summary>Everything a run measured: the table's rows, the raw numbers behind them, and notes on what ran.</summary>
internal sealed class ScaleResults
{
    public List<Figure> Figures { get; } = [];

    /// <summary>The raw figures by step, written as JSON beside the table.</summary>
    public JsonObject Raw { get; } = [];

    /// <summary>What the run did that a reader needs to read the numbers (sizes asked for, steps skipped).</summary>
    public List<string> Notes { get; } = [];

    public void Add(Figure figure)
    {
        Figures.Add(figure);
        Console.WriteLine($"  {figure.Name}: ours {figure.Ours} | anchor {figure.Anchor} | target {figure.Target} | {MetText(figure.Met)}");
    }

    public static string MetText(bool? met) => met switch { true => "yes", false => "**no**", null => "-" };
}
