package dev.rowguard.processor.write;

import dev.rowguard.processor.repository.Bind;
import java.util.List;

/** A generated SQL statement and what each of its parameters is bound to, in order. */
record Statement(String sql, List<Bind> binds) {
  Statement {
    binds = List.copyOf(binds);
  }
}
