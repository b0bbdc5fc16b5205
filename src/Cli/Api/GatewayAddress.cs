namespace TorrentCluster.Cli.Api;

/// <summary>
/// The URL given to <c>tcctl login</c>, checked before a password goes to it: plain HTTP is allowed to this machine
/// only, because anyone on the path could read the password and the token; <c>--insecure</c> takes that risk on
/// purpose (a trusted private network, a TLS-terminating proxy on the same host).
/// </summary>
internal static class GatewayAddress
{
    public static string Parse(string text, bool insecure)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"'{text}' is not an http:// or https:// URL", ExitCodes.Usage);
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && !insecure)
        {
            throw new CliException(
                $"refusing plain http to {uri.Host}: the password and token would cross the network unencrypted; use https://, or --insecure on a network you trust",
                ExitCodes.Usage);
        }

        // The base path stays (a proxy may serve the gateway under one); the API's routes go under it.
        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }
}
