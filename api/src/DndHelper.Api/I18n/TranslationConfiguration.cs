using DndHelper.Api.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DndHelper.Api.I18n;

public sealed class EnumTranslationConfiguration : IEntityTypeConfiguration<EnumTranslation>
{
    public void Configure(EntityTypeBuilder<EnumTranslation> builder)
    {
        builder.HasKey(t => new { t.Family, t.Code, t.Lang });
        builder.Property(t => t.Family).HasMaxLength(50);
        builder.Property(t => t.Code).HasMaxLength(50);
        builder.Property(t => t.Lang).HasMaxLength(5);
        builder.ToTable(t => t.HasCheckConstraint("ck_enum_translations_lang", $"lang IN ({Codes.Sql(Codes.Languages)})"));
    }
}

public sealed class UiTranslationConfiguration : IEntityTypeConfiguration<UiTranslation>
{
    public void Configure(EntityTypeBuilder<UiTranslation> builder)
    {
        builder.HasKey(t => new { t.Namespace, t.Key, t.Lang });
        builder.Property(t => t.Namespace).HasMaxLength(50);
        builder.Property(t => t.Key).HasMaxLength(100);
        builder.Property(t => t.Lang).HasMaxLength(5);
        builder.ToTable(t => t.HasCheckConstraint("ck_ui_translations_lang", $"lang IN ({Codes.Sql(Codes.Languages)})"));
    }
}
