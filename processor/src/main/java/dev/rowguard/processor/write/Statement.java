package dev.rowguard.processor.write;

import java.util.List;

/** A generated SQL statement and what each of its parameters is bound to, in order. */
record Statement(String sql, List<Bind> binds) {
  Statement {
    binds = List.copyOf(binds);
  }
}
