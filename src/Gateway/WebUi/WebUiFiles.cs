using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using TorrentCluster.Gateway.Hosting;

namespace TorrentCluster.Gateway.WebUi;

/// <summary>
/// Answers a GET under the base path from the UI folder: a file that is there with its content type, the rendered
/// <c>index.html</c> for the root and for client routes (paths whose last segment has no extension), 404 otherwise.
/// Files are looked up through <see cref="PhysicalFileProvider"/>, which refuses paths that leave the folder and
/// hidden or dot files; folders are never listed, and a file of a type we cannot name is not served.
/// </summary>
public sealed class WebUiFiles : IDisposable
{
    public const string IndexFile = "index.html";

    private readonly PhysicalFileProvider _files;
    private readonly byte[] _index;
    private readonly FileExtensionContentTypeProvider _contentTypes = new();

    public WebUiFiles(IOptions<WebUiOptions> webUi, IOptions<GatewayOptions> gateway)
    {
        var folder = Path.GetFullPath(webUi.Value.Path ?? throw new InvalidOperationException($"{WebUiOptions.SectionName}:Path is not set"));
        _files = new PhysicalFileProvider(folder);
        _index = WebUiIndex.Render(File.ReadAllText(Path.Combine(folder, IndexFile)), gateway.Value.BasePath);
    }

    public IResult Serve(HttpContext context, string? path)
    {
        path ??= string.Empty;
        if (path.Length == 0 || path.Equals(IndexFile, StringComparison.Ordinal))
        {
            return Index(context);
        }

        // Porla's API lives under api/, and its paths never fall through to the UI: a mistyped endpoint is a 404,
        // not a page of HTML.
        if (path.StartsWith("api/", StringComparison.Ordinal))
        {
            return Results.NotFound();
        }

        var file = _files.GetFileInfo(path);
        if (file is { Exists: true, IsDirectory: false } && _contentTypes.TryGetContentType(file.Name, out var contentType))
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            var modified = file.LastModified;
            var tag = new EntityTagHeaderValue($"\"{modified.ToUnixTimeMilliseconds():x}-{file.Length:x}\"");
            return Results.Stream(file.CreateReadStream(), contentType, lastModified: modified, entityTag: tag, enableRangeProcessing: true);
        }

        var lastSegment = path[(path.LastIndexOf('/') + 1)..];
        return Path.HasExtension(lastSegment) ? Results.NotFound() : Index(context);
    }

    private IResult Index(HttpContext context)
    {
        // The page names the current assets (their names change with every build): always ask again.
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(_index, "text/html; charset=utf-8");
    }

    public void Dispose() => _files.Dispose();
}
