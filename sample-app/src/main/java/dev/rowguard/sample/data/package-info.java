/**
 * The sample's data access: Jakarta Data repository interfaces, implemented at compile time by Rowguard's
 * processor ({@code <Interface>Jdbc}, in this package). Methods on tenanted entities never take a tenant key:
 * the generated code reads the bound tenant, restricts every statement to it and fills it in on insert.
 */
package dev.rowguard.sample.data;
