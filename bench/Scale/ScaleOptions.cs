using System.Globalization;

namespace TorrentCluster.Bench.Scale;

/// <summary>The command line of bench/Scale, with the figures as defaults.</summary>
internal sealed class ScaleOptions
{
    public static readonly string[] AllSteps = ["farm", "realistic", "fleet", "peers", "download"];

    /// <summary>Farm sizes: each gets the add, memory, listing, stop and restart rows.</summary>
    public IReadOnlyList<int> Torrents { get; private set; } = [10_000, 100_000];

    public int Realistic { get; private set; } = 5_000;

    public int FleetSilos { get; private set; } = 3;

    public int FleetTorrents { get; private set; } = 300_000;

    public int DownloadMib { get; private set; } = 1024;

    public int DownloadRounds { get; private set; } = 3;

    public TimeSpan WrkDuration { get; private set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest any one wait (all torrents in the engine, a stop, a restart) may take before the run fails.</summary>
    public TimeSpan WaitTimeout { get; private set; } = TimeSpan.FromMinutes(15);

    public string Out { get; private set; } = "docs/benchmarks.md";

    public string Json { get; private set; } = "artifacts/bench/scale.json";

    public IReadOnlyList<string> Steps { get; private set; } = AllSteps;

    public const string Usage = """
        usage: dotnet run -c Release --project bench/Scale -- [options]
          --torrents 10000,100000   farm sizes for add, memory, one-silo listing, stop and restart
          --realistic 5000          realistic torrents (2,000 pieces, 20 files) for the memory row
          --fleet-silos 3           silos of the Redis cluster for the fleet listing
          --fleet-torrents 300000   torrents the fleet holds for the fleet listing
          --download-mib 1024       size of the download
          --download-rounds 3       downloads each of ours and bare libtorrent's, taking turns
          --wrk-seconds 10          how long wrk runs against each of ours and Transmission
          --wait-minutes 15         the longest any one wait may take before the run fails
          --steps farm,realistic,fleet,peers,download   which rows to run (all by default)
          --out docs/benchmarks.md  where the table goes (its bench/Scale section is replaced)
          --json artifacts/bench/scale.json   where the raw figures go
        """;

    public static ScaleOptions Parse(string[] args)
    {
        var options = new ScaleOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new BenchStepException($"{args[i]} needs a value\n{Usage}");
            switch (args[i])
            {
                case "--torrents": options.Torrents = [.. value.Split(',').Select(text => Positive(args[i], text))]; break;
                case "--realistic": options.Realistic = Positive(args[i], value); break;
                case "--fleet-silos": options.FleetSilos = Positive(args[i], value); break;
                case "--fleet-torrents": options.FleetTorrents = Positive(args[i], value); break;
                case "--download-mib": options.DownloadMib = Positive(args[i], value); break;
                case "--download-rounds": options.DownloadRounds = Positive(args[i], value); break;
                case "--wrk-seconds": options.WrkDuration = TimeSpan.FromSeconds(Positive(args[i], value)); break;
                case "--wait-minutes": options.WaitTimeout = TimeSpan.FromMinutes(Positive(args[i], value)); break;
                case "--steps": options.Steps = ParseSteps(value); break;
                case "--out": options.Out = value; break;
                case "--json": options.Json = value; break;
                default: throw new BenchStepException($"unknown option {args[i]}\n{Usage}");
            }

            i++;
        }

        return options;
    }

    public bool Runs(string step) => Steps.Contains(step);

    /// <summary>The command line that reproduces this run.</summary>
    public string CommandLine => "dotnet run -c Release --project bench/Scale --" +
        $" --torrents {string.Join(',', Torrents.Select(Format.Text))} --realistic {Format.Text(Realistic)}" +
        $" --fleet-silos {Format.Text(FleetSilos)} --fleet-torrents {Format.Text(FleetTorrents)}" +
        $" --download-mib {Format.Text(DownloadMib)} --download-rounds {Format.Text(DownloadRounds)} --wrk-seconds {Format.Text((int)WrkDuration.TotalSeconds)}" +
        (Steps.Count == AllSteps.Length ? "" : $" --steps {string.Join(',', Steps)}");

    private static string[] ParseSteps(string value)
    {
        var steps = value.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var unknown = steps.Except(AllSteps).ToList();
        return unknown.Count == 0 ? steps : throw new BenchStepException($"unknown step(s) {string.Join(',', unknown)}; known: {string.Join(',', AllSteps)}");
    }

    private static int Positive(string option, string text) =>
        int.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new BenchStepException($"{option} takes a positive whole number, not '{text}'");
}
