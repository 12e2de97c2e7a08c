using DndHelper.Api;
using DndHelper.Api.Cli;
using DndHelper.Api.Health;
using DndHelper.Api.Monsters;
using DndHelper.Api.Search;
using DndHelper.Api.Spells;

var builder = WebApplication.CreateBuilder(args);
builder.AddApiServices();
var app = builder.Build();

if (ApiCli.IsCommand(args))
{
    return await ApiCli.RunAsync(app, args);
}

app.UseApiPipeline();
app.MapHealthApi();
app.MapMonstersApi();
app.MapSpellsApi();
app.MapSearchApi();

await app.RunAsync();
return 0;
