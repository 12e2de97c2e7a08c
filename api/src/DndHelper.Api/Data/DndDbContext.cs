using DndHelper.Api.Audit;
using DndHelper.Api.I18n;
using DndHelper.Api.Ingest;
using DndHelper.Api.Monsters;
using DndHelper.Api.Spells;
using DndHelper.Api.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DndHelper.Api.Data;

// New migration: dotnet ef migrations add <Name> --project api/src/DndHelper.Api --output-dir Data/Migrations
// Trigram (_gin) indexes are written by hand in migrations and never declared here.
public sealed class DndDbContext(DbContextOptions<DndDbContext> options) : DbContext(options)
{
    public DbSet<Monster> Monsters => Set<Monster>();
    public DbSet<MonsterTranslation> MonsterTranslations => Set<MonsterTranslation>();
    public DbSet<Spell> Spells => Set<Spell>();
    public DbSet<SpellTranslation> SpellTranslations => Set<SpellTranslation>();
    public DbSet<EnumTranslation> EnumTranslations => Set<EnumTranslation>();
    public DbSet<UiTranslation> UiTranslations => Set<UiTranslation>();
    public DbSet<User> Users => Set<User>();
    public DbSet<IngestJob> IngestJobs => Set<IngestJob>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.ApplyConfiguration(new MonsterConfiguration());
        modelBuilder.ApplyConfiguration(new MonsterTranslationConfiguration());
        modelBuilder.ApplyConfiguration(new SpellConfiguration());
        modelBuilder.ApplyConfiguration(new SpellTranslationConfiguration());
        modelBuilder.ApplyConfiguration(new EnumTranslationConfiguration());
        modelBuilder.ApplyConfiguration(new UiTranslationConfiguration());
        modelBuilder.ApplyConfiguration(new UserConfiguration());
        modelBuilder.ApplyConfiguration(new IngestJobConfiguration());
        modelBuilder.ApplyConfiguration(new AuditEntryConfiguration());
        modelBuilder.HasDbFunction(typeof(DndDbContext).GetMethod(nameof(Fold))!).HasName("dnd_fold");
    }

    // dnd_fold() from the trigram migration (lower case, ё as е): name search and name sorting apply it
    // on both sides, so that the _gin indexes serve them.
    public static string Fold(string value) => throw new NotSupportedException("dnd_fold runs in PostgreSQL only");

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}

public sealed class DndDbContextDesignFactory : IDesignTimeDbContextFactory<DndDbContext>
{
    public DndDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DndDbContext>();
        DndDbContext.Configure(options, Environment.GetEnvironmentVariable("POSTGRES_CONNECTION_STRING")
            ?? "Host=127.0.0.1;Port=55432;Database=dnd_helper;Username=postgres");
        return new DndDbContext(options.Options);
    }
}
