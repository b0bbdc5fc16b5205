using System.Collections.Concurrent;
using System.Globalization;
using Xunit.Abstractions;

namespace TorrentCluster.Security.Tests.Probing;

/// <summary>How many inputs a test tried, how they were answered, and the crashes it found, printed for CI logs.</summary>
public sealed class ProbeTally(string name)
{
    private readonly ConcurrentDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _crashes = new();
    private int _tried;

    public int Tried => _tried;

    public IReadOnlyCollection<string> Crashes => _crashes;

    public void Answered(int status, int? errorCode)
    {
        Interlocked.Increment(ref _tried);
        var outcome = status switch
        {
            200 when errorCode is { } code => "error " + code.ToString(CultureInfo.InvariantCulture),
            200 => "result or batch",
            204 => "no content (notifications)",
            _ => "HTTP " + status.ToString(CultureInfo.InvariantCulture),
        };
        _outcomes.AddOrUpdate(outcome, 1, (_, count) => count + 1);
    }

    public void Crashed(string input, string reason)
    {
        Interlocked.Increment(ref _tried);
        _crashes.Enqueue($"{(input.Length > 600 ? input[..600] + "..." : input)}\n    -> {reason}");
    }

    /// <summary>Writes the summary to the test's output and to the console, where CI's log shows it.</summary>
    public void Report(ITestOutputHelper output, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(output);
        var outcomes = string.Join(", ", _outcomes.OrderByDescending(entry => entry.Value).Select(entry => $"{entry.Key}: {entry.Value}"));
        var line = $"[hostile input] {name}: {Tried} inputs in {elapsed.TotalSeconds:0.0} s ({outcomes}); crashes found: {_crashes.Count}";
        output.WriteLine(line);
        Console.WriteLine(line);
        foreach (var crash in _crashes.Take(20))
        {
            output.WriteLine("  crash: " + crash);
            Console.WriteLine("  crash: " + crash);
        }
    }
}
