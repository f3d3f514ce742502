/**
 * Static analysis of native SQL against the schema model, shared by the Error Prone checks and the annotation
 * processor: {@link dev.rowguard.schema.query.TenantFilterAnalyzer} proves that a statement restricts every
 * tenant key of each tenanted table it reads or writes; {@link dev.rowguard.schema.query.NativeQueryAnalyzer}
 * checks the SQL of a {@code @SqlQuery} method (tables, columns, parameters, result, tenant filter) and expands
 * its {@code rowguard_tenant(…)} placeholders into the SQL to prepare.
 */
package dev.rowguard.schema.query;
