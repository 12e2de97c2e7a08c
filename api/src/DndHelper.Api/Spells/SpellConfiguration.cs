using DndHelper.Api.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DndHelper.Api.Spells;

public sealed class SpellConfiguration : IEntityTypeConfiguration<Spell>
{
    public void Configure(EntityTypeBuilder<Spell> builder)
    {
        builder.HasIndex(s => s.Slug).IsUnique();
        builder.HasIndex(s => s.Level);
        builder.Property(s => s.Slug).HasMaxLength(100);
        builder.Property(s => s.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(s => s.UpdatedAt).HasDefaultValueSql("now()");
        builder.HasMany(s => s.Translations).WithOne().HasForeignKey(t => t.SpellId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("ck_spells_level", "level BETWEEN 0 AND 9");
            t.HasCheckConstraint("ck_spells_slug", "slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
            t.HasCheckConstraint("ck_spells_school", $"school IN ({Codes.Sql(Codes.Schools)})");
            t.HasCheckConstraint("ck_spells_classes", $"classes <@ ARRAY[{Codes.Sql(Codes.Classes)}]::text[]");
            t.HasCheckConstraint("ck_spells_casting_time_kind", $"casting_time_kind IN ({Codes.Sql(Codes.CastingTimes)})");
            t.HasCheckConstraint("ck_spells_damage_type", $"damage_type IS NULL OR damage_type IN ({Codes.Sql(Codes.DamageTypes)})");
            t.HasCheckConstraint("ck_spells_save_ability", $"save_ability IS NULL OR save_ability IN ({Codes.Sql(Codes.Abilities)})");
        });
    }
}

public sealed class SpellTranslationConfiguration : IEntityTypeConfiguration<SpellTranslation>
{
    public void Configure(EntityTypeBuilder<SpellTranslation> builder)
    {
        builder.HasKey(t => new { t.SpellId, t.Lang });
        builder.Property(t => t.Lang).HasMaxLength(5);
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.UpdatedAt).HasDefaultValueSql("now()");
        builder.ToTable(t => t.HasCheckConstraint("ck_spell_translations_lang", $"lang IN ({Codes.Sql(Codes.Languages)})"));
    }
}
