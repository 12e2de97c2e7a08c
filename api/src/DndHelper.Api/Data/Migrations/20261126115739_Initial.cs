using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace DndHelper.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateTable(
                name: "enum_translations",
                columns: table => new
                {
                    family = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    code = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    lang = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    label = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enum_translations", x => new { x.family, x.code, x.lang });
                    table.CheckConstraint("ck_enum_translations_lang", "lang IN ('en', 'ru')");
                });

            migrationBuilder.CreateTable(
                name: "monsters",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size = table.Column<string>(type: "text", nullable: false),
                    type = table.Column<string>(type: "text", nullable: false),
                    subtype = table.Column<string>(type: "text", nullable: true),
                    alignment = table.Column<string>(type: "text", nullable: false),
                    armor_class = table.Column<int>(type: "integer", nullable: false),
                    hit_points = table.Column<int>(type: "integer", nullable: false),
                    hit_dice = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    walk_speed = table.Column<int>(type: "integer", nullable: false),
                    fly_speed = table.Column<int>(type: "integer", nullable: true),
                    swim_speed = table.Column<int>(type: "integer", nullable: true),
                    climb_speed = table.Column<int>(type: "integer", nullable: true),
                    burrow_speed = table.Column<int>(type: "integer", nullable: true),
                    hover = table.Column<bool>(type: "boolean", nullable: false),
                    strength = table.Column<int>(type: "integer", nullable: false),
                    dexterity = table.Column<int>(type: "integer", nullable: false),
                    constitution = table.Column<int>(type: "integer", nullable: false),
                    intelligence = table.Column<int>(type: "integer", nullable: false),
                    wisdom = table.Column<int>(type: "integer", nullable: false),
                    charisma = table.Column<int>(type: "integer", nullable: false),
                    save_str = table.Column<int>(type: "integer", nullable: true),
                    save_dex = table.Column<int>(type: "integer", nullable: true),
                    save_con = table.Column<int>(type: "integer", nullable: true),
                    save_int = table.Column<int>(type: "integer", nullable: true),
                    save_wis = table.Column<int>(type: "integer", nullable: true),
                    save_cha = table.Column<int>(type: "integer", nullable: true),
                    darkvision = table.Column<int>(type: "integer", nullable: true),
                    blindsight = table.Column<int>(type: "integer", nullable: true),
                    tremorsense = table.Column<int>(type: "integer", nullable: true),
                    truesight = table.Column<int>(type: "integer", nullable: true),
                    passive_perception = table.Column<int>(type: "integer", nullable: false),
                    damage_vulnerabilities = table.Column<List<string>>(type: "text[]", nullable: false),
                    damage_resistances = table.Column<List<string>>(type: "text[]", nullable: false),
                    damage_immunities = table.Column<List<string>>(type: "text[]", nullable: false),
                    condition_immunities = table.Column<List<string>>(type: "text[]", nullable: false),
                    challenge_rating = table.Column<decimal>(type: "numeric(6,3)", precision: 6, scale: 3, nullable: false),
                    challenge_rating_text = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    xp = table.Column<int>(type: "integer", nullable: false),
                    proficiency_bonus = table.Column<int>(type: "integer", nullable: false),
                    is_legendary = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    skills = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monsters", x => x.id);
                    table.CheckConstraint("ck_monsters_alignment", "alignment IN ('lawful_good', 'neutral_good', 'chaotic_good', 'lawful_neutral', 'neutral', 'chaotic_neutral', 'lawful_evil', 'neutral_evil', 'chaotic_evil', 'unaligned', 'any', 'any_non_good', 'any_non_lawful', 'any_chaotic', 'any_evil', 'neutral_good_or_evil')");
                    table.CheckConstraint("ck_monsters_challenge_rating", "challenge_rating IN (0, 0.125, 0.25, 0.5) OR (challenge_rating BETWEEN 1 AND 30 AND challenge_rating = trunc(challenge_rating))");
                    table.CheckConstraint("ck_monsters_condition_immunities", "condition_immunities <@ ARRAY['blinded', 'charmed', 'deafened', 'exhaustion', 'frightened', 'grappled', 'incapacitated', 'invisible', 'paralyzed', 'petrified', 'poisoned', 'prone', 'restrained', 'stunned', 'unconscious']::text[]");
                    table.CheckConstraint("ck_monsters_damage_immunities", "damage_immunities <@ ARRAY['acid', 'bludgeoning', 'cold', 'fire', 'force', 'lightning', 'necrotic', 'piercing', 'poison', 'psychic', 'radiant', 'slashing', 'thunder', 'nonmagical_bps', 'nonmagical_bps_non_silvered', 'nonmagical_bps_non_adamantine', 'nonmagical_ps_non_adamantine', 'piercing_magic_good', 'spells']::text[]");
                    table.CheckConstraint("ck_monsters_damage_resistances", "damage_resistances <@ ARRAY['acid', 'bludgeoning', 'cold', 'fire', 'force', 'lightning', 'necrotic', 'piercing', 'poison', 'psychic', 'radiant', 'slashing', 'thunder', 'nonmagical_bps', 'nonmagical_bps_non_silvered', 'nonmagical_bps_non_adamantine', 'nonmagical_ps_non_adamantine', 'piercing_magic_good', 'spells']::text[]");
                    table.CheckConstraint("ck_monsters_damage_vulnerabilities", "damage_vulnerabilities <@ ARRAY['acid', 'bludgeoning', 'cold', 'fire', 'force', 'lightning', 'necrotic', 'piercing', 'poison', 'psychic', 'radiant', 'slashing', 'thunder', 'nonmagical_bps', 'nonmagical_bps_non_silvered', 'nonmagical_bps_non_adamantine', 'nonmagical_ps_non_adamantine', 'piercing_magic_good', 'spells']::text[]");
                    table.CheckConstraint("ck_monsters_size", "size IN ('tiny', 'small', 'medium', 'large', 'huge', 'gargantuan')");
                    table.CheckConstraint("ck_monsters_slug", "slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
                    table.CheckConstraint("ck_monsters_type", "type IN ('aberration', 'beast', 'celestial', 'construct', 'dragon', 'elemental', 'fey', 'fiend', 'giant', 'humanoid', 'monstrosity', 'ooze', 'plant', 'undead')");
                });

            migrationBuilder.CreateTable(
                name: "spells",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    school = table.Column<string>(type: "text", nullable: false),
                    classes = table.Column<List<string>>(type: "text[]", nullable: false),
                    verbal = table.Column<bool>(type: "boolean", nullable: false),
                    somatic = table.Column<bool>(type: "boolean", nullable: false),
                    material = table.Column<bool>(type: "boolean", nullable: false),
                    ritual = table.Column<bool>(type: "boolean", nullable: false),
                    concentration = table.Column<bool>(type: "boolean", nullable: false),
                    casting_time_kind = table.Column<string>(type: "text", nullable: false),
                    damage_type = table.Column<string>(type: "text", nullable: true),
                    save_ability = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spells", x => x.id);
                    table.CheckConstraint("ck_spells_casting_time_kind", "casting_time_kind IN ('action', 'bonus_action', 'reaction', 'minute', 'hour')");
                    table.CheckConstraint("ck_spells_classes", "classes <@ ARRAY['barbarian', 'bard', 'cleric', 'druid', 'fighter', 'monk', 'paladin', 'ranger', 'rogue', 'sorcerer', 'warlock', 'wizard']::text[]");
                    table.CheckConstraint("ck_spells_damage_type", "damage_type IS NULL OR damage_type IN ('acid', 'bludgeoning', 'cold', 'fire', 'force', 'lightning', 'necrotic', 'piercing', 'poison', 'psychic', 'radiant', 'slashing', 'thunder')");
                    table.CheckConstraint("ck_spells_level", "level BETWEEN 0 AND 9");
                    table.CheckConstraint("ck_spells_save_ability", "save_ability IS NULL OR save_ability IN ('str', 'dex', 'con', 'int', 'wis', 'cha')");
                    table.CheckConstraint("ck_spells_school", "school IN ('abjuration', 'conjuration', 'divination', 'enchantment', 'evocation', 'illusion', 'necromancy', 'transmutation')");
                    table.CheckConstraint("ck_spells_slug", "slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
                });

            migrationBuilder.CreateTable(
                name: "ui_translations",
                columns: table => new
                {
                    @namespace = table.Column<string>(name: "namespace", type: "character varying(50)", maxLength: 50, nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    lang = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    text = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ui_translations", x => new { x.@namespace, x.key, x.lang });
                    table.CheckConstraint("ck_ui_translations_lang", "lang IN ('en', 'ru')");
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    telegram_id = table.Column<long>(type: "bigint", nullable: false),
                    language = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                    table.CheckConstraint("ck_users_language", "language IN ('en', 'ru')");
                });

            migrationBuilder.CreateTable(
                name: "monster_translations",
                columns: table => new
                {
                    monster_id = table.Column<int>(type: "integer", nullable: false),
                    lang = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    armor_description = table.Column<string>(type: "text", nullable: true),
                    languages = table.Column<string>(type: "text", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()"),
                    actions = table.Column<string>(type: "jsonb", nullable: true),
                    legendary_actions = table.Column<string>(type: "jsonb", nullable: true),
                    reactions = table.Column<string>(type: "jsonb", nullable: true),
                    traits = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monster_translations", x => new { x.monster_id, x.lang });
                    table.CheckConstraint("ck_monster_translations_lang", "lang IN ('en', 'ru')");
                    table.ForeignKey(
                        name: "fk_monster_translations_monsters_monster_id",
                        column: x => x.monster_id,
                        principalTable: "monsters",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "spell_translations",
                columns: table => new
                {
                    spell_id = table.Column<int>(type: "integer", nullable: false),
                    lang = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    casting_time = table.Column<string>(type: "text", nullable: true),
                    range = table.Column<string>(type: "text", nullable: true),
                    duration = table.Column<string>(type: "text", nullable: true),
                    material_text = table.Column<string>(type: "text", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    higher_levels = table.Column<string>(type: "text", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_spell_translations", x => new { x.spell_id, x.lang });
                    table.CheckConstraint("ck_spell_translations_lang", "lang IN ('en', 'ru')");
                    table.ForeignKey(
                        name: "fk_spell_translations_spells_spell_id",
                        column: x => x.spell_id,
                        principalTable: "spells",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_monsters_challenge_rating",
                table: "monsters",
                column: "challenge_rating");

            migrationBuilder.CreateIndex(
                name: "ix_monsters_slug",
                table: "monsters",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monsters_type",
                table: "monsters",
                column: "type");

            migrationBuilder.CreateIndex(
                name: "ix_spells_level",
                table: "spells",
                column: "level");

            migrationBuilder.CreateIndex(
                name: "ix_spells_slug",
                table: "spells",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_telegram_id",
                table: "users",
                column: "telegram_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "enum_translations");

            migrationBuilder.DropTable(
                name: "monster_translations");

            migrationBuilder.DropTable(
                name: "spell_translations");

            migrationBuilder.DropTable(
                name: "ui_translations");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "monsters");

            migrationBuilder.DropTable(
                name: "spells");
        }
    }
}
