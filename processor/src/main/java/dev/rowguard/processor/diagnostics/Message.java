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
  UNKNOWN_TARGET(ERROR, "RowguardTarget",
      "-Arowguard.target=%s names no target; use postgresql (the default) or citus"),
  CITUS_IDENTITY_TYPE(ERROR, "RowguardCitusIdentity",
      "field '%s' of entity %s is an identity column of type %s; on Citus (-Arowguard.target=citus) only a bigint "
          + "identity gives values on every node (an insert routed through a worker fails: nextval(sequence) calls "
          + "in worker nodes are not supported for column defaults of type int or smallint). Declare the field as "
          + "long or Long, or make it a UUID with @GeneratedValue(strategy = GenerationType.UUID)"),
  REPOSITORY_NOT_INTERFACE(ERROR, "RowguardRepository",
      "@Repository %s is not an interface; Rowguard implements repository interfaces. Declare it as an interface "
          + "(optionally extending BasicRepository<Entity, Key> or CrudRepository<Entity, Key>)"),
  // ---- repositories: the entity they work on ----
  NOT_AN_ENTITY(ERROR, "RowguardRepositoryEntity",
      "%s: %s is not an @Entity. Repositories work on @Entity classes compiled together with them"),
  ENTITY_NOT_COMPILED(ERROR, "RowguardRepositoryEntity",
      "%s: %s is not an entity of this compilation. Repositories work on @Entity classes compiled together with "
          + "them"),
  NO_REPOSITORY_ENTITY(ERROR, "RowguardRepositoryEntity",
      "%s: the repository names no entity, so this method has none; extend BasicRepository<Entity, Key> or "
          + "CrudRepository<Entity, Key>. Repositories work on @Entity classes compiled together with them"),
  SQL_QUERY_NEEDS_ENTITY(ERROR, "RowguardRepositoryEntity",
      "%s: @SqlQuery methods need the repository's entity; extend BasicRepository<Entity, Key> or "
          + "CrudRepository<Entity, Key>. Repositories work on @Entity classes compiled together with them"),
  ENTITY_NOT_PUBLIC(ERROR, "RowguardEntityAccess",
      "repository %s cannot use %s: the class is not public; make it public or declare the repository in package %s"),
  NO_VISIBLE_CONSTRUCTOR(ERROR, "RowguardEntityAccess",
      "repository %s cannot create instances of %s: it has no public (or package-visible) constructor without "
          + "parameters; add one"),
  REFERENCE_TO_RECORD(ERROR, "RowguardEntityAccess",
      "repository %s cannot read back reference '%s' to %s: a record cannot be built from its key alone; map the "
          + "key as a plain column (e.g. UUID %sId) or make %s a class"),
  REFERENCE_NEEDS_CONSTRUCTOR(ERROR, "RowguardEntityAccess",
      "repository %s cannot read back reference '%s' to %s: %s needs a visible constructor without parameters"),
  FIELD_NOT_READABLE(ERROR, "RowguardEntityAccess",
      "repository %s cannot read field '%s' of %s: it is private and has no get%s(); add the getter, or make the "
          + "field package-private and declare the repository in package %s"),
  FIELD_NOT_WRITABLE(ERROR, "RowguardEntityAccess",
      "repository %s cannot write field '%s' of %s: it is %s and has no set%s(%s); add the setter"),
  RECORD_COMPONENT_NOT_COLUMN(ERROR, "RowguardEntityAccess",
      "repository %s cannot create %s: record component '%s' is not a column, and records are built through their "
          + "canonical constructor; map it, or make %s a class"),
  // ---- repositories: which methods can be implemented ----
  GENERIC_REPOSITORY(ERROR, "RowguardRepositoryMethod",
      "cannot implement %s: a generic repository interface cannot be implemented for one entity; declare one "
          + "interface per entity"),
  UNSUPPORTED_METHOD(ERROR, "RowguardRepositoryMethod",
      "cannot implement %s: it is not a query by method name (findBy…, findFirst<n>By…, countBy…, existsBy…, "
          + "deleteBy…) and has none of @Find, @Insert, @Update, @Delete, @Save, @SqlQuery; add one, or make it a "
          + "default method"),
  LIFECYCLE_PARAMETERS(ERROR, "RowguardRepositoryMethod",
      "cannot implement %s: @%s takes exactly one parameter: an entity, or a List of entities%s"),
  JDQL_QUERY(ERROR, "RowguardJdqlQuery",
      "cannot implement %s: @Query (JDQL) is not supported. Write native SQL in @SqlQuery(\"…\") with :name "
          + "parameters, or use @Find or a findBy… method"),
  // ---- repositories: method names (see MethodNameParser) ----
  NAME_FIRST_OUTSIDE_FIND(ERROR, "RowguardQueryMethodName",
      "cannot implement %s: %s is only allowed in find methods. See the supported subset in the README's "
          + "Repositories section"),
  NAME_FIRST_ZERO(ERROR, "RowguardQueryMethodName",
      "cannot implement %s: %s must ask for at least one result. See the supported subset in the README's "
          + "Repositories section"),
  NAME_EMPTY_CONDITION(ERROR, "RowguardQueryMethodName",
      "cannot implement %s: nothing follows By; name a property, e.g. %s. See the supported subset in the README's "
          + "Repositories section"),
  NAME_IGNORE_CASE(ERROR, "RowguardQueryMethodName",
      "cannot implement %s: IgnoreCase applies to text comparisons (equality, Like, StartsWith, EndsWith, "
          + "Contains), not to %s. See the supported subset in the README's Repositories section"),
  NAME_UNKNOWN_OPERATOR(ERROR, "RowguardQueryMethodName",
      "cannot implement %s: cannot read '%s' after property %s; a condition is "
          + "<Property>[IgnoreCase][Not][Operator], joined by And or Or, where the operator is one of %s. See the "
          + "supported subset in the README's Repositories section"),
  NAME_EMPTY_ORDER(ERROR, "RowguardQueryMethodName",
      "cannot implement %s: nothing follows OrderBy; name a property, e.g. OrderBy%sDesc. See the supported subset "
          + "in the README's Repositories section"),
  NAME_UNKNOWN_PROPERTY(ERROR, "RowguardQueryMethodName",
      "cannot implement %s: '%s' does not start with a property of the entity%s; its properties are %s. See the "
          + "supported subset in the README's Repositories section"),
  NOT_TEXT(ERROR, "RowguardQueryMethodName",
      "cannot implement %s: %s is not text (%s), so it cannot be compared with %s. See the supported subset in the "
          + "README's Repositories section"),
  NOT_BOOLEAN(ERROR, "RowguardQueryMethodName",
      "cannot implement %s: %s is not boolean (%s), so it cannot be True or False. See the supported subset in the "
          + "README's Repositories section"),
  ORDERED_TWICE(ERROR, "RowguardQueryMethodName",
      "cannot implement %s: it is ordered both by its name (OrderBy…) and by @OrderBy; keep one. See the supported "
          + "subset in the README's Repositories section"),
  ORDER_BY_PROPERTY(ERROR, "RowguardQueryMethodName",
      "cannot implement %s: @OrderBy(\"%s\") names no property of %s (properties: %s)%s. See the supported subset "
          + "in the README's Repositories section"),
  // ---- repositories: parameters ----
  NAME_PARAMETER_COUNT(ERROR, "RowguardQueryParameter",
      "cannot implement %s: its name needs %d parameter(s) (%s), but it has %d besides PageRequest, Limit, Order "
          + "and Sort"),
  PARAMETER_PROPERTY(ERROR, "RowguardQueryParameter",
      "cannot implement %s: parameter '%s' names no property of %s (properties: %s).%s Rename it, or annotate it "
          + "@By(\"<property>\")"),
  PARAMETER_TYPE(ERROR, "RowguardQueryParameter",
      "cannot implement %s: parameter '%s' is %s, but %s is %s%s; declare it as %s"),
  IN_PARAMETER_TYPE(ERROR, "RowguardQueryParameter",
      "cannot implement %s: parameter '%s' is %s, but In on %s takes a Collection<%s>"),
  TWO_PAGE_REQUESTS(ERROR, "RowguardQueryParameter", "cannot implement %s: it takes two PageRequest parameters"),
  DELETE_TAKES_NO_SPECIAL(ERROR, "RowguardQueryParameter", "cannot implement %s: a delete takes no %s parameter"),
  SPECIALS_ONLY_IN_FIND(ERROR, "RowguardQueryParameter",
      "cannot implement %s: only find methods take PageRequest, Limit, Order or Sort parameters"),
  PAGE_NEEDS_REQUEST(ERROR, "RowguardQueryParameter",
      "cannot implement %s: it returns a Page, so it needs a PageRequest parameter"),
  REQUEST_NEEDS_PAGE(ERROR, "RowguardQueryParameter",
      "cannot implement %s: it takes a PageRequest, so it returns Page<%s>"),
  LIMIT_WITH_PAGING(ERROR, "RowguardQueryParameter",
      "cannot implement %s: a Limit cannot be combined with a PageRequest or First<n>; keep one"),
  // ---- repositories: results ----
  FIND_RESULT(ERROR, "RowguardQueryResult",
      "cannot implement %s: it returns %s; a find method returns the entity, Optional, List, Stream or Page of it (or "
          + "of a record projection)"),
  CURSORED_PAGE_RESULT(ERROR, "RowguardQueryResult",
      "cannot implement %s: it returns %s; a find method returns the entity, Optional, List, Stream or Page of it (or "
          + "of a record projection); cursor-based paging is not supported"),
  FIND_ELEMENT(ERROR, "RowguardQueryResult",
      "cannot implement %s: it returns %s; a find method returns entities or record projections"),
  OTHER_ENTITY_RESULT(ERROR, "RowguardQueryResult",
      "cannot implement %s: it returns %s; this repository's entity is %s; query %s in its own repository"),
  NOT_A_PROJECTION(ERROR, "RowguardQueryResult",
      "cannot implement %s: it returns %s; a find method returns %s or a record whose components are %s properties"),
  PROJECTION_COMPONENT(ERROR, "RowguardQueryResult",
      "cannot implement %s: it returns %s; component '%s' of %s is not a property of %s%s; a projection's components "
          + "are entity properties, by name and type"),
  COUNT_RESULT(ERROR, "RowguardQueryResult",
      "cannot implement %s: it returns %s; a countBy method returns long or int"),
  EXISTS_RESULT(ERROR, "RowguardQueryResult",
      "cannot implement %s: it returns %s; an existsBy method returns boolean"),
  DELETE_RESULT(ERROR, "RowguardQueryResult",
      "cannot implement %s: it returns %s; a delete method returns void, or int or long (the number of rows deleted)"),
  INSERT_RESULT(ERROR, "RowguardQueryResult",
      "cannot implement %s: it returns %s; a %s method returns void, or what it was given (the entity or the List, "
          + "with generated values filled in)"),
  UPDATE_RESULT(ERROR, "RowguardQueryResult",
      "cannot implement %s: it returns %s; an update method returns void, int or long (the number of rows), or what "
          + "it was given (the entity or the List, with generated values filled in)"),
  SQL_QUERY_RESULT(ERROR, "RowguardQueryResult",
      "cannot implement %s: it returns %s; a @SqlQuery method returns rows as the entity, a record or a single "
          + "value, alone or in an Optional, List or Stream; or void, int, long or boolean for a statement that "
          + "writes"),
  // ---- @SqlQuery: the SQL analysis's findings (its detail text is shared with the Error Prone checks) ----
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
  SQL_ENUM_PARAMETER(ERROR, "RowguardSqlParameter",
      "cannot implement %s: '%s' is the enum %s, which no property of %s has, so its stored text is not known; use "
          + "the String it is stored as"),
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
