using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TorrentCluster.Gateway.Hosting;
using TorrentCluster.Gateway.JsonRpc;

namespace TorrentCluster.Gateway.UnitTests;

/// <summary>
/// The gateway's own wiring (<see cref="GatewayServiceCollectionExtensions.AddTorrentClusterGateway"/>) in memory,
/// with in-memory grains and, when a test gives one, its own method table instead of the real one. Requests are
/// handed to <see cref="JsonRpcHandler"/> as an <see cref="HttpContext"/>: no server, no socket.
/// </summary>
internal sealed class GatewayUnderTest : IDisposable
{
    private readonly ServiceProvider _services;

    public GatewayUnderTest(
        IEnumerable<IJsonRpcMethod>? methods = null,
        IGrainFactory? grains = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        ILoggerProvider? logs = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["TorrentCluster:Auth:Enabled"] = "false" })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection()
            .AddLogging(logging =>
            {
                if (logs is not null)
                {
                    logging.AddProvider(logs);
                }
            })
            .AddMetrics()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(grains ?? new InMemoryGrainFactory())
            .AddTorrentClusterGateway();
        if (methods is not null)
        {
            // Registered last, so it is the table the handler gets.
            services.AddSingleton(new JsonRpcMethodTable(methods, []));
        }

        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        Handler = _services.GetRequiredService<JsonRpcHandler>();
    }

    public JsonRpcHandler Handler { get; }

    /// <summary>The gateway's settings as the wiring bound and validated them.</summary>
    public GatewayOptions Options => _services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GatewayOptions>>().Value;

    /// <summary>The web UI settings as the wiring bound and validated them.</summary>
    public WebUi.WebUiOptions WebUi => _services.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebUi.WebUiOptions>>().Value;

    /// <summary>Every method the gateway's wiring registered, as the method table gets them.</summary>
    public IReadOnlyList<IJsonRpcMethod> RegisteredMethods => [.. _services.GetServices<IJsonRpcMethod>()];

    /// <summary>The method table the handler answers from, aliases included.</summary>
    public JsonRpcMethodTable MethodTable => _services.GetRequiredService<JsonRpcMethodTable>();

    /// <summary>Posts <paramref name="body"/> as one request and reads the answer.</summary>
    public Task<Answer> PostAsync(string body, CancellationToken aborted = default) =>
        PostAsync(Encoding.UTF8.GetBytes(body), aborted);

    public async Task<Answer> PostAsync(byte[] body, CancellationToken aborted = default)
    {
        using var responseBody = new MemoryStream();
        var context = new DefaultHttpContext { RequestServices = _services, RequestAborted = aborted };
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body);
        context.Response.Body = responseBody;

        await Handler.HandleAsync(context);
        await context.Response.BodyWriter.FlushAsync(CancellationToken.None);

        var written = responseBody.ToArray();
        var json = written.Length == 0 || context.Response.ContentType != "application/json" ? null : JsonDocument.Parse(written);
        return new Answer(context.Response.StatusCode, json, Encoding.UTF8.GetString(written), context.Response.Headers.RetryAfter.ToString());
    }

    public void Dispose() => _services.Dispose();

    /// <summary>What the gateway answered: the HTTP status, the body as JSON (null when it wrote none or not JSON), and as text.</summary>
    internal sealed record Answer(int Status, JsonDocument? Json, string Text, string RetryAfter)
    {
        public JsonElement Body => Json?.RootElement ?? throw new InvalidOperationException($"HTTP {Status} with no JSON body: '{Text}'");

        /// <summary>The error code of a single answer.</summary>
        public int ErrorCode => Body.GetProperty("error").GetProperty("code").GetInt32();
    }
}
