package dev.rowguard.schema.query;

/**
 * One parameter of a {@code @SqlQuery} method, referred to in the SQL as {@code :name}.
 *
 * @param name the parameter's name, or the value of its {@code @Param}
 * @param javaType its qualified Java type: {@code java.util.UUID}, {@code int}, {@code byte[]}, an enum's
 *     qualified name, {@code java.util.List<java.util.UUID>}, …
 */
public record QueryParameter(String name, String javaType) {}
