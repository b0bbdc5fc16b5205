namespace TorrentCluster.Bench.Scale;

/// <summary>A step of the benchmark failed: the run stops, prints this one line and exits non-zero.</summary>
public sealed class BenchStepException : Exception
{
    public BenchStepException()
    {
    }

    public BenchStepException(string message)
        : base(message)
    {
    }

    public BenchStepException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
