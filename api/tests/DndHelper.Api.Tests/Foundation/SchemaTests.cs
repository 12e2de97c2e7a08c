using DndHelper.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DndHelper.Api.Tests.Foundation;

public sealed class SchemaTests
{
    [Fact]
    public async Task MigratingAnEmptyDatabaseCreatesTheTrigramIndexesAndLeavesNoPendingModelChanges()
    {
        await using var database = await TestDatabase.CreateAsync(importSrd: false);
        await using var db = database.CreateContext();

        var indexes = await db.Database.SqlQueryRaw<string>(
            "SELECT indexname AS \"Value\" FROM pg_indexes WHERE indexname LIKE '%\\_gin' ORDER BY indexname").ToListAsync();

        Assert.Equal(
            ["ix_monster_translations_description_gin", "ix_monster_translations_name_gin",
             "ix_spell_translations_description_gin", "ix_spell_translations_name_gin"],
            indexes);
        Assert.False(db.Database.HasPendingModelChanges(), "the EF model has changes that no migration captures");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task TheModelDeclaresNoTrigramIndexSoNoMigrationCanDropOne()
    {
        await using var database = await TestDatabase.CreateAsync(migrate: false);
        await using var db = database.CreateContext();

        var declared = db.Model.GetEntityTypes().SelectMany(e => e.GetIndexes()).Select(i => i.GetDatabaseName() ?? "");

        Assert.DoesNotContain(declared, name => name.EndsWith("_gin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDatabaseRejectsAnUnknownEnumCode()
    {
        await using var database = await TestDatabase.CreateAsync(importSrd: false);

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => database.ScalarAsync<int>(
            "INSERT INTO monsters (slug, size, type, alignment, armor_class, hit_points, hit_dice, walk_speed, hover, strength, dexterity, constitution, intelligence, wisdom, charisma, passive_perception, damage_vulnerabilities, damage_resistances, damage_immunities, condition_immunities, challenge_rating, challenge_rating_text, xp, proficiency_bonus, is_legendary, skills) " +
            "VALUES ('x', 'enormous', 'beast', 'neutral', 10, 1, '1d4', 30, false, 10, 10, 10, 10, 10, 10, 10, '{}', '{}', '{}', '{}', 0, '0', 10, 2, false, '[]') RETURNING id"));

        Assert.Equal("ck_monsters_size", error.ConstraintName);
    }
}
