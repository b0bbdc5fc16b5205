using TorrentCluster.Testing;

namespace TorrentCluster.WebUi.Tests;

/// <summary>
/// Porla's web UI, built unchanged from the copy beside this repository (<c>../shared/clients/porla-web-ui</c>) by its
/// own script with npm, into a folder of its own that is deleted with this.
/// </summary>
public sealed class PorlaWebUi : IDisposable
{
    private readonly TempDirectory _folder = new();

    private PorlaWebUi()
    {
    }

    /// <summary>The folder holding index.html and assets/, for <c>TorrentCluster:Gateway:WebUi:Path</c>.</summary>
    public string Path => _folder.Path;

    public static async Task<PorlaWebUi> BuildAsync()
    {
        var script = System.IO.Path.GetFullPath(System.IO.Path.Combine(BuildOutput.RepositoryRoot, "..", "shared", "clients", "build-porla-web-ui.sh"));
        if (!File.Exists(script))
        {
            throw new FileNotFoundException("Porla's web UI build script is not beside the repository", script);
        }

        var ui = new PorlaWebUi();
        try
        {
            await using var build = ExternalProcess.Start("bash", [script, ui.Path], package: "bash");
            var exitCode = await build.WaitForExitAsync(TimeSpan.FromMinutes(5));
            if (exitCode != 0 || !File.Exists(System.IO.Path.Combine(ui.Path, "index.html")))
            {
                throw new InvalidOperationException($"building Porla's web UI failed ({exitCode}; it needs nodejs and npm):\n{build.Output}");
            }
        }
        catch
        {
            ui.Dispose();
            throw;
        }

        return ui;
    }

    public void Dispose() => _folder.Dispose();
}
