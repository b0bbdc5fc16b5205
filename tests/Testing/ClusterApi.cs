using System.Net.Http.Json;
using System.Text.Json;

namespace TorrentCluster.Testing;

/// <summary>What every cluster test asks a gateway first: the first user and a token, and which silos are active.</summary>
public static class ClusterApi
{
    /// <summary>Creates the first user with Porla's <c>auth/init</c>, logs in and returns the token.</summary>
    public static async Task<string> InitAndLoginAsync(Uri gateway, string username, string password)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var credentials = new { username, password };
        using (var init = await http.PostAsJsonAsync(new Uri(gateway, "/api/v1/auth/init"), credentials))
        {
            var body = await init.Content.ReadAsStringAsync();
            if (!init.IsSuccessStatusCode || !JsonDocument.Parse(body).RootElement.GetProperty("ok").GetBoolean())
            {
                throw new InvalidOperationException($"auth/init answered {(int)init.StatusCode}: {body}");
            }
        }

        using var login = await http.PostAsJsonAsync(new Uri(gateway, "/api/v1/auth/login"), credentials);
        var answer = await login.Content.ReadFromJsonAsync<JsonElement>();
        return answer.TryGetProperty("token", out var token) ? token.GetString()! : throw new InvalidOperationException($"auth/login answered {answer}");
    }

    /// <summary>The names of the silos <c>cluster.silos.list</c> shows as active, in name order; none while it fails.</summary>
    public static async Task<IReadOnlyList<string>> ActiveSilosAsync(JsonRpcClient rpc) =>
        ActiveSilos(await rpc.CallAsync("cluster.silos.list", new { }));

    /// <summary>The names of the active silos in an answer of <c>cluster.silos.list</c> (none for an error).</summary>
    public static IReadOnlyList<string> ActiveSilos(JsonElement answer) =>
        answer.TryGetProperty("result", out var result)
            ? [.. result.GetProperty("silos").EnumerateArray()
                .Where(silo => silo.GetProperty("status").GetString() == "active")
                .Select(silo => silo.GetProperty("name").GetString()!)
                .Order(StringComparer.Ordinal)]
            : [];
}
