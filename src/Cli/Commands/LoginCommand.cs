using System.CommandLine;
using Spectre.Console;
using TorrentCluster.Cli.Api;
using TorrentCluster.Cli.Config;

namespace TorrentCluster.Cli.Commands;

/// <summary><c>tcctl login URL</c>: gets a token and keeps it in a named context, which becomes the current one.</summary>
internal static class LoginCommand
{
    public const string UsernameVariable = "TORRENTCLUSTER_USERNAME";
    public const string PasswordVariable = "TORRENTCLUSTER_PASSWORD";

    public static Command Create(GlobalOptions globals)
    {
        var url = new Argument<string>("url") { Description = "the gateway, e.g. http://127.0.0.1:1337 or https://torrents.example.org/porla" };
        var name = new Option<string?>("--name") { Description = "the context's name (default: the URL's host and port)" };
        var insecure = new Option<bool>("--insecure")
        {
            Description = "allow plain http:// to a host other than this machine; the password and token then cross the network readable by anyone on the path",
        };
        var command = new Command("login", $"""
            Log in to a gateway and keep its token in a context.
            The user name and password come from ${UsernameVariable} and ${PasswordVariable}, or are asked for.

            Examples:
              tcctl login http://127.0.0.1:1337
              {UsernameVariable}=admin {PasswordVariable}=... tcctl login https://farm.example.org --name farm
            """)
        {
            url, name, insecure,
        };
        command.Run(globals, async (call, cancellation) =>
        {
            var address = GatewayAddress.Parse(call.Value(url)!, call.Value(insecure));
            var (username, password) = Credentials();
            var token = await new GatewayClient(Invocation.HttpClient, address).LoginAsync(username, password, cancellation);
            var contextName = call.Value(name) ?? new Uri(address).Authority;
            var config = call.ConfigFile.Load();
            call.ConfigFile.Save(config.With(new CliContext
            {
                Name = contextName,
                Url = address,
                Username = username,
                Token = token,
                Insecure = call.Value(insecure),
            }) with { CurrentContext = contextName });
            Console.Out.WriteLine($"logged in to {address} as {username}; context \"{contextName}\" is now current");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static (string Username, string Password) Credentials()
    {
        var username = Environment.GetEnvironmentVariable(UsernameVariable);
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password))
        {
            if (Console.IsInputRedirected)
            {
                throw new CliException($"no terminal to ask for credentials: set {UsernameVariable} and {PasswordVariable}", ExitCodes.Usage);
            }

            username = string.IsNullOrEmpty(username) ? AnsiConsole.Prompt(new TextPrompt<string>("User name:")) : username;
            password = string.IsNullOrEmpty(password) ? AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret()) : password;
        }

        return (username, password);
    }
}
