package dev.rowguard.postgres;

/** Small edits of PostgreSQL JDBC URLs ({@code jdbc:postgresql://host:port/database?params}). */
final class JdbcUrls {
  private static final String PREFIX = "jdbc:postgresql://";

  private JdbcUrls() {}

  static String withDatabase(String url, String database) {
    if (!url.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL (expected " + PREFIX + "…): " + url);
    }
    int hostEnd = url.indexOf('/', PREFIX.length());
    int paramsStart = url.indexOf('?', PREFIX.length());
    String params = paramsStart < 0 ? "" : url.substring(paramsStart);
    String hosts = url.substring(PREFIX.length(), hostEnd >= 0 ? hostEnd : paramsStart >= 0 ? paramsStart : url.length());
    return PREFIX + hosts + "/" + database + params;
  }
}
