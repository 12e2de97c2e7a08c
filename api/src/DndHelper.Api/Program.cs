using DndHelper.Api;
using DndHelper.Api.Admin;
using DndHelper.Api.Audit;
using DndHelper.Api.Cli;
using DndHelper.Api.Dice;
using DndHelper.Api.Editing;
using DndHelper.Api.Health;
using DndHelper.Api.I18n;
using DndHelper.Api.Ingest;
using DndHelper.Api.Monsters;
using DndHelper.Api.Search;
using DndHelper.Api.Spells;
using DndHelper.Api.Users;

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
app.MapI18nApi();
app.MapUsersApi();
app.MapDiceApi();
app.MapAdminApi();
app.MapEditingApi();
app.MapIngestApi();
app.MapAuditApi();

await app.RunAsync();
return 0;
