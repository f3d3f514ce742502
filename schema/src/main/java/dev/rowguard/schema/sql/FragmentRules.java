package dev.rowguard.schema.sql;

import java.util.Set;

/**
 * What PostgreSQL allows in one place a fragment goes: a CHECK may name the columns of its own table, a DEFAULT
 * no column at all; neither may hold a subquery or an aggregate, window or set-returning function, nor (Rowguard's
 * rule) a function that changes the session or the server.
 *
 * @param place the clause, as the user reads it ({@code CHECK}, {@code DEFAULT})
 * @param columns the column names that may be referenced (case-folded as PostgreSQL stores them)
 */
record FragmentRules(String place, Set<String> columns) {
  static FragmentRules check(Set<String> columns) {
    return new FragmentRules("CHECK", Set.copyOf(columns));
  }

  static FragmentRules columnDefault() {
    return new FragmentRules("DEFAULT", Set.of());
  }
}
