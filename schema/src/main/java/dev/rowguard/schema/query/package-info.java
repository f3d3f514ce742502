/**
 * Static analysis of native SQL against the schema model, shared by the Error Prone checks and the annotation
 * processor: {@link dev.rowguard.schema.query.TenantFilterAnalyzer} proves that a statement restricts every
 * tenant key of each tenanted table it reads or writes to the bound tenant ({@code TenantSetting}: only {@code
 * current_setting('<key setting>')} counts); {@link dev.rowguard.schema.query.ForbiddenOperations} lists what
 * application SQL may never run; {@link dev.rowguard.schema.query.NativeQueryAnalyzer} checks the SQL of a
 * {@code @SqlQuery} method (tables, columns, parameters, result, tenant filter, forbidden operations), expands its
 * {@code rowguard_tenant(…)} placeholders and schema-qualifies its tables into the SQL to prepare, and gives the
 * checks its tenant-isolation verdict ({@link dev.rowguard.schema.query.NativeQueryAnalyzer#isolationProblems}).
 */
package dev.rowguard.schema.query;
