using DndHelper.Api;
using DndHelper.Api.Admin;
using DndHelper.Api.Audit;
using DndHelper.Api.Cli;
using DndHelper.Api.Dice;
using DndHelper.Api.Editing;
using DndHelper.Api.Health;
using DndHelper.Api.Ingest;

var builder = WebApplication.CreateBuilder(args);
builder.AddApiServices();
var app = builder.Build();

if (ApiCli.IsCommand(args))
{
    return await ApiCli.RunAsync(app, args);
}

app.UseApiPipeline();
app.MapHealthApi();
app.MapDiceApi();
app.MapAdminApi();
app.MapEditingApi();
app.MapIngestApi();
app.MapAuditApi();

await app.RunAsync();
return 0;
