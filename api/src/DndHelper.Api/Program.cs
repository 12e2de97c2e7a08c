using DndHelper.Api;
using DndHelper.Api.Cli;
using DndHelper.Api.Health;
using DndHelper.Api.Monsters;

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

await app.RunAsync();
return 0;
