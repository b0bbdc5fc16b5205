using TorrentCluster.Gateway.JsonRpc;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>The method table: names, aliases, and the registrations it refuses at start-up.</summary>
public sealed class MethodTableTests
{
    [Fact]
    public void An_alias_answers_with_the_method_it_names()
    {
        var list = ScriptedMethod.Echo("sessions.settings.list");

        var table = new JsonRpcMethodTable([list], [new JsonRpcMethodAlias("sessions.settings.get", "sessions.settings.list")]);

        Assert.True(table.TryGet("sessions.settings.get", out var method));
        Assert.Same(list, method);
        Assert.Equal(["sessions.settings.get", "sessions.settings.list"], table.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_alias_of_a_method_that_is_not_registered_stops_the_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new JsonRpcMethodTable([ScriptedMethod.Echo()], [new JsonRpcMethodAlias("a.get", "a.list")]));

        Assert.Contains("'a.list'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_taken_twice_by_methods_or_by_an_alias_stops_the_start()
    {
        Assert.Throws<InvalidOperationException>(() => new JsonRpcMethodTable([ScriptedMethod.Echo(), ScriptedMethod.Echo()], []));
        Assert.Throws<InvalidOperationException>(() =>
            new JsonRpcMethodTable([ScriptedMethod.Echo(), ScriptedMethod.Echo("test.other")], [new JsonRpcMethodAlias("test.other", "test.echo")]));
    }

    [Fact]
    public void The_gateway_answers_sessions_settings_get_with_sessions_settings_list()
    {
        using var gateway = new GatewayUnderTest();
        var table = gateway.MethodTable;

        Assert.True(table.TryGet("sessions.settings.get", out var get));
        Assert.True(table.TryGet("sessions.settings.list", out var list));
        Assert.Same(list, get);
    }
}
