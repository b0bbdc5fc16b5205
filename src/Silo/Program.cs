using TorrentCluster.Silo.Hosting;

// Settings come from appsettings.json beside the program, whatever folder it is started from; relative data
// paths in them (./data) resolve against that starting folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddTorrentClusterSilo();

var app = builder.Build();
app.MapTorrentClusterSilo();
app.Run();
