using DndHelper.Api.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DndHelper.Api.Ingest;

public sealed class IngestJobConfiguration : IEntityTypeConfiguration<IngestJob>
{
    public void Configure(EntityTypeBuilder<IngestJob> builder)
    {
        builder.HasIndex(j => j.CreatedAt);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Status).HasMaxLength(20);
        builder.Property(j => j.SubmittedBy).HasMaxLength(100);
        builder.Property(j => j.BundleName).HasMaxLength(100);
        builder.Property(j => j.Sha256).HasMaxLength(64);
        builder.Property(j => j.CreatedAt).HasDefaultValueSql("now()");
        builder.Property(j => j.Counts).HasColumnType("jsonb");
        builder.Property(j => j.Problems).HasColumnType("jsonb");
        builder.ToTable(t => t.HasCheckConstraint("ck_ingest_jobs_status", $"status IN ({Codes.Sql(JobStatus.All)})"));
    }
}
