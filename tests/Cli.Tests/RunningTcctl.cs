using System.Diagnostics;

namespace TorrentCluster.Cli.Tests;

/// <summary>A tcctl process under way; its output is read as it comes so that a full pipe never blocks it.</summary>
public sealed class RunningTcctl : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;
    private readonly string _command;

    public RunningTcctl(Process process, string command)
    {
        _process = process;
        _command = command;
        // No terminal and nothing typed: stdin is closed, as under a CI job or a pipe.
        process.StandardInput.Close();
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

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
            throw new TimeoutException($"tcctl {_command} did not exit within {timeout.TotalSeconds:0} s:\n{await _stdout}\n{await _stderr}");
        }

        return new TcctlResult(_command, _process.ExitCode, await _stdout, await _stderr);
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
}
