package dev.rowguard.processor.diagnostics;

import static javax.tools.Diagnostic.Kind.ERROR;
import static javax.tools.Diagnostic.Kind.NOTE;
import static javax.tools.Diagnostic.Kind.WARNING;

import javax.tools.Diagnostic;

/**
 * Every diagnostic the processor prints. Each has a stable tag, shown in brackets at the start of the message,
 * that users can search for and tests assert on; the text says what is wrong and what to do.
 */
public enum Message {
  RESERVED_NAME(ERROR, "RowguardReservedName",
      "%s name '%s' cannot be used: %s. Rename it, e.g. %s"),
  NAME_TOO_LONG(ERROR, "RowguardNameTooLong",
      "%s name '%s' is %d bytes; PostgreSQL silently truncates names to 63 bytes. Choose a name of at most 63 "
          + "bytes%s"),
  DUPLICATE_TABLE(ERROR, "RowguardDuplicateTable",
      "%s and %s are both mapped to table %s; two classes cannot own one table. Map one of them to another table "
          + "with @Table(name = ...), or delete the duplicate class"),
  DUPLICATE_COLUMN(ERROR, "RowguardDuplicateColumn",
      "field '%s' and field '%s' of %s are both mapped to column '%s'. Give one of them another name with "
          + "@Column(name = ...), or mark it @Transient"),
  MISSING_ID(ERROR, "RowguardMissingId",
      "entity %s has no @Id field. Annotate the field that holds the primary key with @jakarta.persistence.Id"),
  COMPOSITE_ID(ERROR, "RowguardCompositeId",
      "entity %s has more than one @Id field (%s); composite primary keys are not supported. Use a single @Id "
          + "column and a @UniqueConstraint on the other columns"),
  UNSUPPORTED_TYPE(ERROR, "RowguardUnsupportedType",
      "field '%s' has type %s, which has no PostgreSQL mapping. Supported: %s"),
  UNSUPPORTED_MAPPING(ERROR, "RowguardUnsupportedMapping",
      "@%s on '%s' is not supported: %s"),
  RELATION_TARGET_NOT_ENTITY(ERROR, "RowguardRelationTarget",
      "@%s field '%s' refers to %s, which is not an @Entity. Refer to an entity, or store the key as a plain column"),
  RELATION_TARGET_NOT_IN_SCHEMA(ERROR, "RowguardRelationTarget",
      "@%s field '%s' refers to entity %s, which is not compiled with this schema, so its table would not exist "
          + "when the script runs. Compile the entities together"),
  ENUM_ORDINAL(ERROR, "RowguardEnumOrdinal",
      "field '%s' would store enum %s by ordinal, which breaks when constants are reordered. Add "
          + "@Enumerated(EnumType.STRING) or @CheckEnum"),
  CHECK_ENUM_JPA(WARNING, "RowguardCheckEnumJpa",
      "field '%s' stores enum %s as %s (@CheckEnum), but a JPA provider (Hibernate, EclipseLink) mapping this "
          + "entity writes %s, which the CHECK rejects. %s, or pass -Arowguard.jpaCompatibility=false when no JPA "
          + "provider maps this model"),
  ENUM_LENGTH(ERROR, "RowguardEnumLength",
      "@Column(length = %d) on enum field '%s' is shorter than its stored value '%s' (%d characters); make the "
          + "length at least that, or leave it out to store text"),
  DUPLICATE_STORED_VALUE(ERROR, "RowguardDuplicateStoredValue",
      "constants %s and %s of enum %s are both stored as '%s'; the column could not tell them apart. Give one of "
          + "them another @StoredValue"),
  UNKNOWN_KEY_COLUMN(ERROR, "RowguardUnknownColumn",
      "%s of %s names column '%s', which does not exist in table %s.%s"),
  INVALID_COLUMN_LIST(ERROR, "RowguardInvalidColumnList",
      "%s of %s has an invalid column list '%s': %s"),
  LOCAL_DATE_TIME(WARNING, "RowguardLocalDateTime",
      "field '%s' is a LocalDateTime, stored as timestamp without time zone, which loses the instant when servers "
          + "or users change zones. Prefer java.time.Instant or OffsetDateTime (timestamptz)"),
  JSONB_TYPE(ERROR, "RowguardJsonbType",
      "@Jsonb field '%s' has type %s; @Jsonb stores JSON text and needs a String field"),
  CHECK_NEEDS_NAME(ERROR, "RowguardCheckName",
      "@Check on entity %s needs a name, e.g. @Check(name = \"positive_size\", value = \"%s\"); it becomes part of "
          + "the constraint name ck_<table>_<name>"),
  CHECK_EXPRESSION(ERROR, "RowguardCheckExpression",
      "@Check(\"%s\") on %s cannot go into a CHECK constraint: %s. Write exactly one boolean SQL expression over "
          + "the columns of table %s, e.g. @Check(\"quantity >= 0\"); no ';', comments, dollar quotes or "
          + "backslashes outside string literals, balanced parentheses, no subquery, no aggregate, window or "
          + "set-returning function and no function with side effects such as set_config"),
  DEFAULT_EXPRESSION(ERROR, "RowguardDefaultExpression",
      "@ColumnDefault(\"%s\") on '%s' cannot go into a DEFAULT clause: %s. Write exactly one SQL expression that "
          + "names no column, e.g. @ColumnDefault(\"0\"), @ColumnDefault(\"now()\") or "
          + "@ColumnDefault(\"'{}'::jsonb\"); no ';', comments, dollar quotes or backslashes outside string "
          + "literals, balanced parentheses, no subquery, no aggregate, window or set-returning function and no "
          + "function with side effects such as set_config"),
  GENERATED_VALUE(ERROR, "RowguardGeneratedValue",
      "@GeneratedValue(strategy = %s) on '%s' of type %s is not supported. Supported: IDENTITY or AUTO on "
          + "int/long and their wrappers (GENERATED BY DEFAULT AS IDENTITY), AUTO or UUID on java.util.UUID "
          + "(DEFAULT gen_random_uuid())"),
  NAME_COLLISION(ERROR, "RowguardNameCollision",
      "%s name '%s' is also used by %s in schema %s; PostgreSQL needs it unique. Choose another name"),
  IGNORED_ATTRIBUTE(WARNING, "RowguardIgnoredAttribute",
      "%s is ignored by Rowguard: %s"),
  TENANT_KEY_CONFLICT(ERROR, "RowguardTenantKeyConflict",
      "tenant keys are declared on both %s and %s; declare every level once, on one package"),
  TENANT_KEY_INVALID(ERROR, "RowguardTenantKeyInvalid",
      "@TenantKey '%s' cannot be used: %s"),
  UNKNOWN_TENANT_KEY(ERROR, "RowguardUnknownTenantKey",
      "@Tenanted on %s names tenant key '%s', which is not declared. Declared keys, outermost first: %s"),
  TENANT_KEYS_NOT_OUTERMOST(ERROR, "RowguardTenantScope",
      "@Tenanted on %s names %s, but a table is scoped by the outermost levels, in order: name %s"),
  MISSING_TENANT_KEY(ERROR, "RowguardMissingTenantKey",
      "@Tenanted entity %s has no field for tenant key '%s'. Add: @Column(nullable = false) %s %s;"),
  TENANT_KEY_TYPE(ERROR, "RowguardTenantKeyType",
      "field '%s' holds tenant key '%s', which is %s, but the field is stored as %s. Declare it as %s"),
  NULLABLE_TENANT_KEY(ERROR, "RowguardNullableTenantKey",
      "tenant key field '%s' is nullable; a row without a tenant belongs to nobody and breaks isolation. Add "
          + "@Column(nullable = false)"),
  SHARED_TO_TENANTED(ERROR, "RowguardSharedToTenanted",
      "field '%s' of shared entity %s refers to tenanted table %s; a shared row would point into one tenant's "
          + "data. Make %s @Tenanted, or move the reference to the tenanted side"),
  REFERENCE_OUT_OF_SCOPE(ERROR, "RowguardTenantScope",
      "field '%s' of %s (scoped by %s) refers to %s (scoped by %s); a reference must stay within the referencing "
          + "row's tenant, so the target's keys must be outer levels of the source's"),
  REPOSITORY_NOT_INTERFACE(ERROR, "RowguardRepository",
      "@Repository %s is not an interface; Rowguard implements repository interfaces. Declare it as an interface "
          + "(optionally extending BasicRepository<Entity, Key> or CrudRepository<Entity, Key>)"),
  REPOSITORY_ENTITY(ERROR, "RowguardRepositoryEntity",
      "%s: %s. Repositories work on @Entity classes compiled together with them"),
  ENTITY_ACCESS(ERROR, "RowguardEntityAccess",
      "repository %s cannot %s: %s"),
  REPOSITORY_METHOD(ERROR, "RowguardRepositoryMethod",
      "cannot implement %s: %s"),
  QUERY_METHOD_NAME(ERROR, "RowguardQueryMethodName",
      "cannot implement %s: %s. See the supported subset in the README's Repositories section"),
  QUERY_PARAMETER(ERROR, "RowguardQueryParameter",
      "cannot implement %s: %s"),
  QUERY_RESULT(ERROR, "RowguardQueryResult",
      "cannot implement %s: it returns %s; %s"),
  JDQL_QUERY(ERROR, "RowguardJdqlQuery",
      "cannot implement %s: @Query (JDQL) is not supported. Write native SQL in @SqlQuery(\"…\") with :name "
          + "parameters, or use @Find or a findBy… method"),
  SQL_SYNTAX(ERROR, "RowguardSqlSyntax", "cannot implement %s: %s"),
  SQL_UNSUPPORTED(ERROR, "RowguardSqlUnsupported", "cannot implement %s: %s"),
  SQL_UNKNOWN_NAME(ERROR, "RowguardSqlUnknownName", "cannot implement %s: %s"),
  SQL_PARAMETER(ERROR, "RowguardSqlParameter", "cannot implement %s: %s"),
  SQL_RESULT(ERROR, "RowguardSqlResult", "cannot implement %s: %s"),
  SQL_TENANT_FILTER(ERROR, "RowguardSqlTenantFilter",
      "cannot implement %s: %s. Every tenanted table of a @SqlQuery must be restricted to the bound tenant: "
          + "rowguard_tenant(<alias>) expands to that restriction, bound from the tenant context"),
  SQL_FORBIDDEN(ERROR, "RowguardSqlForbidden",
      "cannot implement %s: %s. A @SqlQuery runs as the bound tenant and must not change who that is"),
  INCOMPLETE_MODEL(WARNING, "RowguardIncompleteModel",
      "this compilation sees only some of the model's declarations, and the rest could not be read back: %s. "
          + "schema.sql, schema.json and the repositories are left as the last complete build wrote them; "
          + "rebuild the module from clean (mvn clean compile, Build > Rebuild Project, gradle clean build)"),
  INTERNAL_ERROR(ERROR, "RowguardInternalError",
      "Rowguard failed on %s: %s. This is a bug in Rowguard; please report it with this message"),
  MIGRATION_DRIFT(ERROR, "RowguardMigrationDrift",
      "the entities differ from the schema that the migrations in %s lead to (%s); %s:\n%s\nGenerate the "
          + "migration, review it and commit the folder: %s"),
  PENDING_DROP(WARNING, "RowguardPendingDrop",
      "the entities no longer have %s; the database keeps it until a migration drops it, so code that still "
          + "reads it keeps working. Once no deployed code uses it, generate the drop: %s"),
  MIGRATION_CHECKSUM(ERROR, "RowguardMigrationChecksum",
      "%s in %s is not the file Rowguard generated: its checksum is %s, the manifest records %s. A migration that "
          + "a database has applied must not change: undo the edit. If the edit is deliberate (a backfill added by "
          + "hand) and no database has applied the file yet, record it: replace %s by %s on its line of %s"),
  MIGRATION_UNRECORDED(ERROR, "RowguardMigrationUnrecorded",
      "%s in %s has no line in %s, so Rowguard did not generate it and its next migration would not account for "
          + "it. Generate migrations from the entities instead; to keep a hand-written file that changes no table "
          + "the entities map, record it by adding the line: %s  %s"),
  MIGRATION_FILE_MISSING(ERROR, "RowguardMigrationMissing",
      "%s is recorded in %s but is not in %s. Restore it from version control: a migration that a database has "
          + "applied must stay, and the next one is generated from the last version's snapshot"),
  MIGRATION_SNAPSHOT(ERROR, "RowguardMigrationSnapshot",
      "the model that version %d leads to, %s in %s, cannot be read: %s. Restore it from version control"),
  MIGRATION_REFUSED(ERROR, "RowguardMigrationRefused",
      "migration '%s' cannot be generated, and nothing was written:\n%s"),
  MIGRATION_WRITTEN(NOTE, "RowguardMigrationWritten",
      "wrote %s in %s; review it, then commit the folder:\n%s"),
  MIGRATION_UP_TO_DATE(NOTE, "RowguardMigrationUpToDate",
      "nothing to generate for '%s': the migrations in %s already lead to this model"),
  MIGRATION_FOLDER(ERROR, "RowguardMigrationFolder",
      "the migrations folder %s cannot be used: %s. Give -Arowguard.migrations.dir an absolute path, normally "
          + "${project.basedir}/src/main/resources/db/migration");

  private final Diagnostic.Kind kind;
  private final String tag;
  private final String format;

  Message(Diagnostic.Kind kind, String tag, String format) {
    this.kind = kind;
    this.tag = tag;
    this.format = format;
  }

  public Diagnostic.Kind kind() {
    return kind;
  }

  /** The stable tag, e.g. {@code RowguardReservedName}. */
  public String tag() {
    return tag;
  }

  public String format(Object... args) {
    return "[" + tag + "] " + String.format(format, args);
  }
}
