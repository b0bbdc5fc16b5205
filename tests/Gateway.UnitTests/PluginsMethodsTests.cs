using System.Text.Json;
using TorrentCluster.Gateway.JsonRpc;
using Xunit;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>
/// Porla's plugins.* methods on a cluster that has no plugins: the list Porla's Plugins page reads, empty, and a
/// refusal that says why for every method that would act on a plugin.
/// </summary>
public sealed class PluginsMethodsTests : IDisposable
{
    private readonly GatewayUnderTest _gateway = new();

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task Plugins_list_answers_porlas_shape_with_no_plugins()
    {
        var answer = await _gateway.PostAsync("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"plugins.list\",\"params\":{}}");

        var plugins = answer.Body.GetProperty("result").GetProperty("plugins");
        Assert.Equal(JsonValueKind.Array, plugins.ValueKind);
        Assert.Equal(0, plugins.GetArrayLength());
    }

    [Theory]
    [InlineData("plugins.get", "{\"name\":\"cleanup\"}")]
    [InlineData("plugins.configure", "{\"name\":\"cleanup\",\"config\":\"x\"}")]
    [InlineData("plugins.install", "{\"path\":\"/srv/plugins/cleanup\",\"enable\":true}")]
    [InlineData("plugins.reload", "{\"name\":\"cleanup\"}")]
    [InlineData("plugins.uninstall", "{\"name\":\"cleanup\"}")]
    [InlineData("plugins.update", "{\"name\":\"cleanup\"}")]
    public async Task Every_other_plugins_method_says_the_cluster_has_no_plugins(string method, string parameters)
    {
        var answer = await _gateway.PostAsync($"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"{method}\",\"params\":{parameters}}}");

        var error = answer.Body.GetProperty("error");
        Assert.Equal(JsonRpcErrorCodes.PluginNotFound, error.GetProperty("code").GetInt32());
        var data = error.GetProperty("data").GetString()!;
        Assert.Contains(method, data, StringComparison.Ordinal);
        Assert.Contains("no plugins", data, StringComparison.Ordinal);
    }
}
