/**
 * Static analysis of native SQL against the schema model, shared by the Error Prone checks and the annotation
 * processor: {@link dev.rowguard.schema.query.TenantFilterAnalyzer} proves that a statement restricts every
 * tenant key of each tenanted table it reads or writes.
 */
package dev.rowguard.schema.query;
