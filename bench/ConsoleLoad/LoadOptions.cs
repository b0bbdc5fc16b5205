using System.Globalization;
using TorrentCluster.Bench.Scale;

namespace TorrentCluster.Bench.ConsoleLoad;

/// <summary>The run's settings, from the command line; the defaults are the issue's: 10,000 torrents on 3 silos.</summary>
internal sealed record LoadOptions
{
    public int Torrents { get; init; } = 10_000;

    public int Silos { get; init; } = 3;

    /// <summary>Page loads measured in each scenario (cold and warm each get this many).</summary>
    public int Loads { get; init; } = 10;

    /// <summary>torrents.add calls in one JSON-RPC batch while filling the fleet.</summary>
    public int Batch { get; init; } = 250;

    /// <summary>The PQL query the query scenario types into <c>input[name="query"]</c>.</summary>
    public string Query { get; init; } = "category = \"cat-3\" and size > 4mb";

    /// <summary>The header text of the column the sort scenario clicks (not the page's default order).</summary>
    public string SortColumn { get; init; } = "Size";

    /// <summary>The torrents.list field of that column, for the sorted view given in the page's address.</summary>
    public string SortField { get; init; } = "size";

    /// <summary>
    /// Latency chromium adds to every request (its network emulation), in milliseconds: the console opened from
    /// another city rather than over loopback, where a round trip costs nothing.
    /// </summary>
    public int LatencyMs { get; init; }

    /// <summary>Where the raw figures of every load go, as JSON.</summary>
    public string Json { get; init; } = Path.Combine("artifacts", "bench", "console-load.json");

    /// <summary>How long any one wait may take (filling, a page showing its rows) before the run fails.</summary>
    public TimeSpan WaitTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public const string Usage = """
        dotnet run -c Release --project bench/ConsoleLoad [-- options]
          --torrents N      torrents in the fleet (10000)
          --silos N         silos of the Redis cluster (3)
          --loads N         page loads a scenario, cold and warm each (10)
          --batch N         torrents.add calls in a JSON-RPC batch while filling (250)
          --query PQL       the query typed into the search box (category = "cat-3" and size > 4mb)
          --sort-column T   the header text of the column to click to sort (Size)
          --sort-field F    its torrents.list field, for the sorted view in the address (size)
          --latency-ms N    latency chromium adds to every request, as from afar (0)
          --json PATH       the raw figures of every load (artifacts/bench/console-load.json)
        """;

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new BenchStepException($"{args[i]} needs a value\n{Usage}");
            options = args[i] switch
            {
                "--torrents" => options with { Torrents = Positive(args[i], value) },
                "--silos" => options with { Silos = Positive(args[i], value) },
                "--loads" => options with { Loads = Positive(args[i], value) },
                "--batch" => options with { Batch = Positive(args[i], value) },
                "--query" => options with { Query = value },
                "--sort-column" => options with { SortColumn = value },
                "--sort-field" => options with { SortField = value },
                "--latency-ms" => options with { LatencyMs = WholeNumber(args[i], value, minimum: 0) },
                "--json" => options with { Json = value },
                _ => throw new BenchStepException($"unknown option {args[i]}\n{Usage}"),
            };
        }

        return options;
    }

    private static int Positive(string name, string value) => WholeNumber(name, value, minimum: 1);

    private static int WholeNumber(string name, string value, int minimum) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum
            ? number
            : throw new BenchStepException($"{name} takes a whole number of at least {minimum}, not '{value}'");
}
