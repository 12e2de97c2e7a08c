using DndHelper.Api.Cli;
using DndHelper.Api.Content;
using DndHelper.Api.Content.Srd;
using DndHelper.Api.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DndHelper.Api.Tests.Infrastructure;

// A database of its own on the test server: created empty, migrated, optionally filled with the SRD.
public sealed class TestDatabase : IAsyncDisposable
{
    private TestDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.Postgres) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(bool migrate = true, bool importSrd = true)
    {
        var database = new TestDatabase($"dnd_test_{Guid.NewGuid():N}"[..30]);
        await using (var admin = new NpgsqlConnection(TestEnvironment.Postgres))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        if (migrate)
        {
            await using var db = database.CreateContext();
            await ApiCli.MigrateAsync(db);
            if (importSrd)
            {
                await new SrdImporter(db, SeedData.Load()).ImportAsync(TestEnvironment.SrdPath, null, CancellationToken.None);
            }
        }
        return database;
    }

    public DndDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<DndDbContext>();
        DndDbContext.Configure(options, ConnectionString);
        return new DndDbContext(options.Options);
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.Postgres);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
