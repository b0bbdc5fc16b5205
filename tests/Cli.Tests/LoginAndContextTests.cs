using System.Text.Json;
using Xunit;

namespace TorrentCluster.Cli.Tests;

[Collection(CliHostCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class LoginAndContextTests(CliHostFixture fixture)
{
    [Fact]
    public async Task Login_from_environment_variables_keeps_the_token_owner_only_under_XDG_CONFIG_HOME_and_never_prints_it()
    {
        var tcctl = fixture.NewTcctl();
        var login = await tcctl.RunAsync(CliHostFixture.Credentials(), "login", fixture.Url, "--name", "lab");

        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Equal($"logged in to {fixture.Url} as admin; context \"lab\" is now current", login.Stdout.Trim());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tcctl.ConfigPath));
        var token = JsonDocument.Parse(File.ReadAllText(tcctl.ConfigPath)).RootElement.GetProperty("contexts")[0].GetProperty("token").GetString()!;
        Assert.Equal(3, token.Split('.').Length);

        var contexts = await tcctl.RunAsync("context", "list");
        Assert.True(contexts.ExitCode == 0, contexts.ToString());
        Assert.Contains("lab", contexts.Stdout, StringComparison.Ordinal);
        Assert.Contains(fixture.Url, contexts.Stdout, StringComparison.Ordinal);
        foreach (var output in new[] { login.Stdout, login.Stderr, contexts.Stdout, contexts.Stderr })
        {
            Assert.DoesNotContain(token.Split('.')[2], output, StringComparison.Ordinal);
        }

        var silos = (await tcctl.RunAsync("silos", "-o", "json")).Json();
        Assert.Equal("active", silos.GetProperty("silos")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Contexts_are_chosen_and_deleted_by_name()
    {
        var tcctl = fixture.CopyOfLoggedIn();
        var unknown = await tcctl.RunAsync("context", "use", "nowhere");
        Assert.Equal("tcctl: no context named 'nowhere' (tcctl context list)", unknown.FailureLine());

        var deleted = await tcctl.RunAsync("context", "delete", "fixture");
        Assert.True(deleted.ExitCode == 0, deleted.ToString());
        var notLoggedIn = await tcctl.RunAsync("ls");
        Assert.Equal("tcctl: not logged in, run tcctl login URL", notLoggedIn.FailureLine());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tcctl.ConfigPath));
    }

    [Fact]
    public async Task Logout_revokes_the_token_at_the_gateway_and_forgets_the_context_but_keeps_it_when_the_gateway_is_unreachable()
    {
        var unreachable = fixture.CopyOfLoggedIn();
        File.WriteAllText(unreachable.ConfigPath, File.ReadAllText(unreachable.ConfigPath).Replace(fixture.Url, $"http://127.0.0.1:{TorrentCluster.Testing.FreePort.Next()}", StringComparison.Ordinal));
        Assert.StartsWith("tcctl: cannot reach http://127.0.0.1:", (await unreachable.RunAsync("logout")).FailureLine(), StringComparison.Ordinal);
        Assert.Contains("\"fixture\"", File.ReadAllText(unreachable.ConfigPath), StringComparison.Ordinal);

        var tcctl = fixture.CopyOfLoggedIn();
        var sameToken = fixture.CopyOfLoggedIn();
        try
        {
            var loggedOut = await tcctl.RunAsync("logout");
            Assert.True(loggedOut.ExitCode == 0, loggedOut.ToString());
            Assert.Equal($"logged out: every token of admin at {fixture.Url} revoked; context \"fixture\" forgotten", loggedOut.Stdout.Trim());
            Assert.Equal("tcctl: not logged in, run tcctl login URL", (await tcctl.RunAsync("ls")).FailureLine());

            // A copy of the token kept elsewhere is worthless now, and its logout forgets the context all the same.
            Assert.Equal("tcctl: token expired or revoked, run tcctl login", (await sameToken.RunAsync("ls")).FailureLine());
            var again = await sameToken.RunAsync("logout");
            Assert.True(again.ExitCode == 0, again.ToString());
            Assert.Equal("logged out: the token was already expired or revoked; context \"fixture\" forgotten", again.Stdout.Trim());
        }
        finally
        {
            // The fixture's own token went with every other token of the user.
            await fixture.LogInAgainAsync();
        }
    }

    [Fact]
    public async Task Stats_top_and_silos_tables_name_the_silo()
    {
        var silo = (await fixture.LoggedIn.RunAsync("silos", "-o", "json")).Json().GetProperty("silos")[0].GetProperty("name").GetString()!;
        foreach (var command in new[] { "silos", "stats", "top" })
        {
            var result = await fixture.LoggedIn.RunAsync(command);
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Contains(silo, result.Stdout, StringComparison.Ordinal);
        }

        var snapshot = (await fixture.LoggedIn.RunAsync("top", "-o", "json")).Json();
        Assert.Equal(JsonValueKind.Object, snapshot.GetProperty("clients").GetProperty("totals").ValueKind);
    }
}
