using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TorrentCluster.Testing;
using Xunit;

namespace TorrentCluster.Cli.Tests;

/// <summary>Every failure is one line on stderr and a non-zero exit code, saying what to do.</summary>
[Collection(CliHostCollection.Name)]
public sealed class TcctlErrorTests(CliHostFixture fixture)
{
    [Fact]
    public async Task A_url_nothing_listens_on_is_cannot_reach()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var result = await fixture.NewTcctl().RunAsync(CliHostFixture.Credentials(), "login", url);

        Assert.StartsWith($"tcctl: cannot reach {url}", result.FailureLine(), StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_nothing_is_stored()
    {
        var tcctl = fixture.NewTcctl();
        var result = await tcctl.RunAsync(CliHostFixture.Credentials("not the passphrase"), "login", fixture.Url);

        Assert.Equal("tcctl: login refused: invalid_auth (wrong user name or password)", result.FailureLine());
        Assert.False(File.Exists(tcctl.ConfigPath));
    }

    [Fact]
    public async Task A_stored_token_past_its_expiry_says_to_log_in_again()
    {
        var tcctl = fixture.CopyOfLoggedIn();
        RewriteToken(tcctl, token =>
        {
            var parts = token.Split('.');
            var payload = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(Base64(parts[1]))))!.AsObject();
            payload["exp"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds();
            return $"{parts[0]}.{Convert.ToBase64String(Encoding.UTF8.GetBytes(payload.ToJsonString())).TrimEnd('=').Replace('+', '-').Replace('/', '_')}.{parts[2]}";
        });

        var result = await tcctl.RunAsync("ls");

        Assert.Matches("^tcctl: token expired at .*, run tcctl login$", result.FailureLine());
    }

    [Fact]
    public async Task A_token_the_gateway_refuses_says_to_log_in_again()
    {
        var tcctl = fixture.CopyOfLoggedIn();
        // A signature that no longer matches: the gateway answers 401, as it does for an expired or revoked token.
        RewriteToken(tcctl, token => token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA"));

        var result = await tcctl.RunAsync("silos");

        Assert.Equal("tcctl: token expired or revoked, run tcctl login", result.FailureLine());
    }

    [Fact]
    public async Task An_unknown_hash_is_the_apis_error()
    {
        var hash = new string('b', 40);
        var result = await fixture.LoggedIn.RunAsync("get", hash);

        Assert.Equal($"tcctl: error -1: Torrent {hash} not found", result.FailureLine());
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task A_bad_info_hash_is_the_apis_invalid_params()
    {
        var result = await fixture.LoggedIn.RunAsync("peers", "abc");

        Assert.StartsWith("tcctl: error -32602: Invalid params (", result.FailureLine(), StringComparison.Ordinal);
    }

    private static void RewriteToken(Tcctl tcctl, Func<string, string> change)
    {
        var config = JsonNode.Parse(File.ReadAllText(tcctl.ConfigPath))!;
        var context = config["contexts"]![0]!;
        context["token"] = change(context["token"]!.GetValue<string>());
        File.WriteAllText(tcctl.ConfigPath, config.ToJsonString());
    }

    private static string Base64(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
    }
}
