using DndHelper.Api.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DndHelper.Api.Monsters;

public sealed class MonsterConfiguration : IEntityTypeConfiguration<Monster>
{
    public void Configure(EntityTypeBuilder<Monster> builder)
    {
        builder.HasIndex(m => m.Slug).IsUnique();
        builder.HasIndex(m => m.ChallengeRating);
        builder.HasIndex(m => m.Type);
        builder.Property(m => m.Slug).HasMaxLength(100);
        builder.Property(m => m.ChallengeRating).HasPrecision(6, 3);
        builder.Property(m => m.ChallengeRatingText).HasMaxLength(4);
        builder.Property(m => m.HitDice).HasMaxLength(20);
        builder.Property(m => m.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(m => m.UpdatedAt).HasDefaultValueSql("now()");
        builder.OwnsMany(m => m.Skills, s => s.ToJson());
        builder.HasMany(m => m.Translations).WithOne().HasForeignKey(t => t.MonsterId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_monsters_size", $"size IN ({Codes.Sql(Codes.Sizes)})");
            t.HasCheckConstraint("ck_monsters_type", $"type IN ({Codes.Sql(Codes.MonsterTypes)})");
            t.HasCheckConstraint("ck_monsters_alignment", $"alignment IN ({Codes.Sql(Codes.Alignments)})");
            t.HasCheckConstraint("ck_monsters_slug", "slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
            t.HasCheckConstraint("ck_monsters_challenge_rating",
                "challenge_rating IN (0, 0.125, 0.25, 0.5) OR (challenge_rating BETWEEN 1 AND 30 AND challenge_rating = trunc(challenge_rating))");
            var damage = Codes.Sql(Codes.MonsterDamageCodes);
            t.HasCheckConstraint("ck_monsters_damage_vulnerabilities", $"damage_vulnerabilities <@ ARRAY[{damage}]::text[]");
            t.HasCheckConstraint("ck_monsters_damage_resistances", $"damage_resistances <@ ARRAY[{damage}]::text[]");
            t.HasCheckConstraint("ck_monsters_damage_immunities", $"damage_immunities <@ ARRAY[{damage}]::text[]");
            t.HasCheckConstraint("ck_monsters_condition_immunities", $"condition_immunities <@ ARRAY[{Codes.Sql(Codes.Conditions)}]::text[]");
        });
    }
}

public sealed class MonsterTranslationConfiguration : IEntityTypeConfiguration<MonsterTranslation>
{
    public void Configure(EntityTypeBuilder<MonsterTranslation> builder)
    {
        builder.HasKey(t => new { t.MonsterId, t.Lang });
        builder.Property(t => t.Lang).HasMaxLength(5);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.UpdatedAt).HasDefaultValueSql("now()");
        builder.OwnsMany(t => t.Traits, Entries);
        builder.OwnsMany(t => t.Actions, Entries);
        builder.OwnsMany(t => t.Reactions, Entries);
        builder.OwnsMany(t => t.LegendaryActions, Entries);
        builder.ToTable(t => t.HasCheckConstraint("ck_monster_translations_lang", $"lang IN ({Codes.Sql(Codes.Languages)})"));
    }

    private static void Entries(OwnedNavigationBuilder<MonsterTranslation, StatEntry> entry)
    {
        entry.ToJson();
        entry.OwnsMany(e => e.Damage);
    }
}
