using DndHelper.Api.Content;
using DndHelper.Api.Content.Srd;
using DndHelper.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DndHelper.Api.Tests.Foundation;

public sealed class SrdImportTests
{
    [Fact]
    public async Task ImportBringsEveryMonsterAndSpellAndASecondRunChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(importSrd: false);
        await using var db = database.CreateContext();
        var importer = new SrdImporter(db, SeedData.Load());

        var first = await importer.ImportAsync(TestEnvironment.SrdPath, null, CancellationToken.None);
        db.ChangeTracker.Clear();
        var second = await importer.ImportAsync(TestEnvironment.SrdPath, null, CancellationToken.None);

        Assert.Equal(new ImportCounts(325, 0, 0), first.Monsters);
        Assert.Equal(new ImportCounts(319, 0, 0), first.Spells);
        Assert.False(second.Changed);
        Assert.Equal(new ImportCounts(0, 0, 325), second.Monsters);
        Assert.Equal(325, await db.Monsters.CountAsync());
        Assert.Equal(319, await db.Spells.CountAsync());
        Assert.Equal(325, await db.MonsterTranslations.CountAsync(t => t.Lang == "ru"));
        Assert.Equal(319, await db.SpellTranslations.CountAsync(t => t.Lang == "ru"));
    }

    [Fact]
    public async Task ImportKeepsTheWholeStatBlock()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();

        var dragon = await db.Monsters.Include(m => m.Translations).SingleAsync(m => m.Slug == "adult-red-dragon");
        var english = dragon.Translations.Single(t => t.Lang == "en");

        Assert.Equal(("huge", "dragon", "chaotic_evil"), (dragon.Size, dragon.Type, dragon.Alignment));
        Assert.Equal((19, 256, "19d12"), (dragon.ArmorClass, dragon.HitPoints, dragon.HitDice));
        Assert.Equal((40, 80, 40), (dragon.WalkSpeed, dragon.FlySpeed, dragon.ClimbSpeed));
        Assert.Equal((27, 10, 25, 16, 13, 21), (dragon.Strength, dragon.Dexterity, dragon.Constitution, dragon.Intelligence, dragon.Wisdom, dragon.Charisma));
        Assert.Equal((6, 13, 7, 11), (dragon.SaveDex!.Value, dragon.SaveCon!.Value, dragon.SaveWis!.Value, dragon.SaveCha!.Value));
        Assert.Contains(dragon.Skills, s => s.Skill == "perception" && s.Bonus == 13);
        Assert.Equal((60, 120, 23), (dragon.Blindsight!.Value, dragon.Darkvision!.Value, dragon.PassivePerception));
        Assert.Equal(["fire"], dragon.DamageImmunities);
        Assert.Equal((17m, "17", 18000, 6), (dragon.ChallengeRating, dragon.ChallengeRatingText, dragon.Xp, dragon.ProficiencyBonus));
        Assert.True(dragon.IsLegendary);
        Assert.Equal(3, english.LegendaryActions.Count);
        var bite = english.Actions.Single(a => a.Name == "Bite");
        Assert.Equal(14, bite.AttackBonus);
        Assert.Contains(bite.Damage, d => d.Dice == "2d10+8" && d.DamageType == "piercing");
        Assert.Contains(bite.Damage, d => d.Dice == "2d6" && d.DamageType == "fire");
        Assert.Equal("Common, Draconic", english.Languages);
        Assert.Equal("Взрослый красный дракон", dragon.Translations.Single(t => t.Lang == "ru").Name);
    }

    [Fact]
    public async Task FractionalChallengeRatingsSortAndCompareAsNumbers()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();

        var goblin = await db.Monsters.SingleAsync(m => m.Slug == "goblin");
        var quarterToHalf = await db.Monsters.CountAsync(m => m.ChallengeRating >= 0.25m && m.ChallengeRating <= 0.5m);
        var lowest = await db.Monsters.GroupBy(m => m.ChallengeRatingText)
            .Select(g => new { Text = g.Key, Rating = g.Min(m => m.ChallengeRating) })
            .OrderBy(g => g.Rating).Take(4).Select(g => g.Text).ToListAsync();

        Assert.Equal((0.25m, "1/4", 50), (goblin.ChallengeRating, goblin.ChallengeRatingText, goblin.Xp));
        Assert.Equal(32 + 33, quarterToHalf);
        Assert.Equal(["0", "1/8", "1/4", "1/2"], lowest);
    }

    [Fact]
    public async Task ImportNormalisesSpellFields()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();

        var fireball = await db.Spells.Include(s => s.Translations).SingleAsync(s => s.Slug == "fireball");
        var shield = await db.Spells.SingleAsync(s => s.Slug == "shield");

        Assert.Equal((3, "evocation", "action"), (fireball.Level, fireball.School, fireball.CastingTimeKind));
        Assert.Equal(("fire", "dex"), (fireball.DamageType, fireball.SaveAbility));
        Assert.Contains("wizard", fireball.Classes);
        Assert.True(fireball.Verbal && fireball.Somatic && fireball.Material);
        Assert.Equal("Огненный шар", fireball.Translations.Single(t => t.Lang == "ru").Name);
        Assert.Contains("bat guano", fireball.Translations.Single(t => t.Lang == "en").MaterialText, StringComparison.Ordinal);
        Assert.Equal("reaction", shield.CastingTimeKind);
    }

    [Fact]
    public async Task AMalformedSourceFileIsReportedAndChangesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var before = await Checksum(database);
        var broken = Directory.CreateTempSubdirectory("srd-broken");
        try
        {
            File.Copy(Path.Combine(TestEnvironment.SrdPath, "spells.json"), Path.Combine(broken.FullName, "spells.json"));
            var monsters = await File.ReadAllTextAsync(Path.Combine(TestEnvironment.SrdPath, "monsters.json"));
            // The last monster gets a size the rules do not have; everything before it is valid.
            var last = monsters.LastIndexOf("\"size\": \"", StringComparison.Ordinal);
            var end = monsters.IndexOf('"', last + 9);
            await File.WriteAllTextAsync(Path.Combine(broken.FullName, "monsters.json"), monsters[..(last + 9)] + "Colossal" + monsters[end..]);

            var error = await Assert.ThrowsAsync<SrdFormatException>(() =>
                new SrdImporter(db, SeedData.Load()).ImportAsync(broken.FullName, null, CancellationToken.None));

            Assert.Contains("monsters.json: entry 324", error.Message, StringComparison.Ordinal);
            Assert.Contains("'size'", error.Message, StringComparison.Ordinal);
            Assert.Equal(before, await Checksum(database));
        }
        finally
        {
            broken.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AFileThatIsNotJsonIsReportedWithItsLine()
    {
        await using var database = await TestDatabase.CreateAsync(importSrd: false);
        await using var db = database.CreateContext();
        var broken = Directory.CreateTempSubdirectory("srd-broken");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(broken.FullName, "monsters.json"), "[\n{\"name\": \"Goblin\",\n");
            await File.WriteAllTextAsync(Path.Combine(broken.FullName, "spells.json"), "[]");

            var error = await Assert.ThrowsAsync<SrdFormatException>(() =>
                new SrdImporter(db, SeedData.Load()).ImportAsync(broken.FullName, null, CancellationToken.None));

            Assert.StartsWith("monsters.json: not valid JSON (line 3", error.Message, StringComparison.Ordinal);
            Assert.Equal(0, await db.Monsters.CountAsync());
        }
        finally
        {
            broken.Delete(recursive: true);
        }
    }

    private static Task<string> Checksum(TestDatabase database) => database.ScalarAsync<string>(
        "SELECT md5(string_agg(m::text, '|' ORDER BY m.id)) || md5((SELECT string_agg(t::text, '|' ORDER BY t.monster_id, t.lang) FROM monster_translations t)) FROM monsters m");
}
