using System.Diagnostics;
using System.Text;
using TorrentCluster.Testing;

namespace TorrentCluster.Cli.Tests;

/// <summary>A tcctl process under way; its output is read as it comes so that a full pipe never blocks it.</summary>
public sealed class RunningTcctl : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdoutSoFar = new();
    private readonly Task _stdout;
    private readonly Task<string> _stderr;
    private readonly string _command;

    public RunningTcctl(Process process, string command)
    {
        _process = process;
        _command = command;
        // No terminal and nothing typed: stdin is closed, as under a CI job or a pipe.
        process.StandardInput.Close();
        _stdout = CollectAsync(process.StandardOutput, _stdoutSoFar);
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>What tcctl has printed on stdout so far, for a test that acts while it runs (add --watch).</summary>
    public string StdoutSoFar
    {
        get
        {
            lock (_stdoutSoFar)
            {
                return _stdoutSoFar.ToString();
            }
        }
    }

    /// <summary>Sends SIGINT by process id, as Ctrl+C at a terminal does.</summary>
    public Task InterruptAsync() => ProcessTable.SignalAsync(_process.Id, "INT");

    /// <summary>Waits for the exit; past <paramref name="timeout"/> the process is killed by its id and the test fails.</summary>
    public async Task<TcctlResult> WaitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            throw new TimeoutException($"tcctl {_command} did not exit within {timeout.TotalSeconds:0} s:\n{StdoutSoFar}\n{await _stderr}");
        }

        await _stdout;
        return new TcctlResult(_command, _process.ExitCode, StdoutSoFar, await _stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static async Task CollectAsync(StreamReader output, StringBuilder collected)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await output.ReadAsync(buffer)) > 0)
        {
            lock (collected)
            {
                collected.Append(buffer, 0, read);
            }
        }
    }
}
