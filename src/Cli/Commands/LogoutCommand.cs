using System.CommandLine;
using System.Text.Json.Nodes;
using TorrentCluster.Cli.Api;

namespace TorrentCluster.Cli.Commands;

/// <summary>
/// <c>tcctl logout</c>: revokes the user's tokens at the gateway (auth.logout) and forgets the context. Forgetting
/// alone (<c>tcctl context delete</c>) leaves a copied token valid until it expires; this does not.
/// </summary>
internal static class LogoutCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("logout", """
            Revoke your tokens at the gateway and forget the context (the current one, or --context).
            auth.logout revokes every token of the user, on every device: the console's sessions and other
            contexts logged in as the same user end too.
            A gateway that cannot be reached keeps the context: the token would stay valid.

            Examples:
              tcctl logout
              tcctl logout --context old-farm
            """);
        command.Run(globals, async (call, cancellation) =>
        {
            var context = call.Context();
            string done;
            try
            {
                await GatewayClient.For(Invocation.HttpClient, context).CallAsync("auth.logout", new JsonObject(), cancellation);
                done = $"every token of {context.Username} at {context.Url} revoked";
            }
            catch (CliException refused) when (refused.TokenRefused)
            {
                // Nothing left to revoke: the token no longer opens anything, so only the context goes.
                done = "the token was already expired or revoked";
            }

            call.ConfigFile.Save(call.ConfigFile.Load().Without(context.Name));
            Console.Out.WriteLine($"logged out: {done}; context \"{context.Name}\" forgotten");
            return ExitCodes.Ok;
        });
        return command;
    }
}
