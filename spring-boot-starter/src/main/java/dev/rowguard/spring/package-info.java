/**
 * Rowguard's Spring Boot auto-configuration: adapts the runtime (tenant-binding data source, tenant context, row-level
 * security check) and the generated repositories to a Spring Boot service, and holds no rule of its own.
 */
package dev.rowguard.spring;
