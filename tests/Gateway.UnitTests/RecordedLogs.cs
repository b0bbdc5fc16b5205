using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>A logger provider that keeps what the gateway logs, to check what an operator would see.</summary>
internal sealed class RecordedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Recorder(this);

    public void Dispose()
    {
    }

    internal sealed record Entry(LogLevel Level, string Message, Exception? Exception);

    private sealed class Recorder(RecordedLogs logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs._entries.Enqueue(new Entry(logLevel, formatter(state, exception), exception));
    }
}
