using DndHelper.Api;
using DndHelper.Api.Cli;
using DndHelper.Api.Health;
using DndHelper.Api.I18n;
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

await app.RunAsync();
return 0;
