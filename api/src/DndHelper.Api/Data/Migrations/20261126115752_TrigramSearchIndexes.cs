using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DndHelper.Api.Data.Migrations
{
    // Trigram indexes live only here (never in the EF model), so no generated migration can drop them.
    // dnd_fold() is the one normalisation that search queries and these indexes share: lower case, ё as е.
    public partial class TrigramSearchIndexes : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS pg_trgm;
                CREATE OR REPLACE FUNCTION dnd_fold(value text) RETURNS text
                    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                    AS $$ SELECT translate(lower(value), 'ё', 'е') $$;
                CREATE INDEX ix_monster_translations_name_gin ON monster_translations USING gin (dnd_fold(name) gin_trgm_ops);
                CREATE INDEX ix_monster_translations_description_gin ON monster_translations USING gin (dnd_fold(description) gin_trgm_ops);
                CREATE INDEX ix_spell_translations_name_gin ON spell_translations USING gin (dnd_fold(name) gin_trgm_ops);
                CREATE INDEX ix_spell_translations_description_gin ON spell_translations USING gin (dnd_fold(description) gin_trgm_ops);
                """);
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_spell_translations_description_gin;
                DROP INDEX IF EXISTS ix_spell_translations_name_gin;
                DROP INDEX IF EXISTS ix_monster_translations_description_gin;
                DROP INDEX IF EXISTS ix_monster_translations_name_gin;
                DROP FUNCTION IF EXISTS dnd_fold(text);
                """);
        }
    }
}
