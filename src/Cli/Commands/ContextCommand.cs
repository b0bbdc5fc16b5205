using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TorrentCluster.Cli.Api;
using TorrentCluster.Cli.Config;
using TorrentCluster.Cli.Rendering;

namespace TorrentCluster.Cli.Commands;

/// <summary><c>tcctl context list|use|delete</c>, as kubectl's contexts; a token is never shown.</summary>
internal static class ContextCommand
{
    public static Command Create(GlobalOptions globals)
    {
        var command = new Command("context", """
            List, choose and delete the gateways you logged in to.

            Examples:
              tcctl context list
              tcctl context use farm
              tcctl context delete old-farm
            """)
        {
            List(globals), Use(globals), Delete(globals),
        };
        return command;
    }

    private static Command List(GlobalOptions globals)
    {
        var command = new Command("list", "List the contexts; * marks the current one.");
        command.Run(globals, (call, _) =>
        {
            var config = call.ConfigFile.Load();
            if (call.Json)
            {
                // The config without its tokens: what a script needs to pick a context.
                foreach (var context in config.Contexts)
                {
                    Console.Out.WriteLine(new System.Text.Json.Nodes.JsonObject
                    {
                        ["name"] = context.Name,
                        ["url"] = context.Url,
                        ["username"] = context.Username,
                        ["current"] = context.Name == config.CurrentContext,
                    }.ToJsonString());
                }

                return Task.FromResult(ExitCodes.Ok);
            }

            var table = Tables.Create("CURRENT", "NAME", "URL", "USER", "TOKEN EXPIRES");
            foreach (var context in config.Contexts.OrderBy(context => context.Name, StringComparer.Ordinal))
            {
                var expires = TokenExpiry.Of(context.Token)?.ToString("u", CultureInfo.InvariantCulture) ?? "?";
                table.Row(context.Name == config.CurrentContext ? "*" : "", context.Name, context.Url, context.Username, expires);
            }

            AnsiConsole.Write(table);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command Use(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "a context from tcctl context list" };
        var command = new Command("use", "Make a context the current one.") { name };
        command.Run(globals, (call, _) =>
        {
            var config = call.ConfigFile.Load();
            var chosen = config.Require(call.Value(name)!).Name;

            call.ConfigFile.Save(config with { CurrentContext = chosen });
            Console.Out.WriteLine($"context \"{chosen}\" is now current");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command Delete(GlobalOptions globals)
    {
        var name = new Argument<string>("name") { Description = "a context from tcctl context list" };
        var command = new Command("delete", "Forget a context and its token (the token stays valid until it expires; auth.logout revokes it).") { name };
        command.Run(globals, (call, _) =>
        {
            var config = call.ConfigFile.Load();
            var chosen = config.Require(call.Value(name)!).Name;

            call.ConfigFile.Save(config.Without(chosen));
            Console.Out.WriteLine($"context \"{chosen}\" deleted");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
