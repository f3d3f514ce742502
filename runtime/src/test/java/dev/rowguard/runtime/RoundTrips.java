package dev.rowguard.runtime;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the round trips pgjdbc makes on the calling thread, from its protocol log: each extended-protocol exchange
 * ends with one {@code Sync} message ({@code FE=> Sync}), and each simple query ({@code FE=> SimpleQuery}, as in
 * {@code isValid}) is one exchange of its own, except the {@code BEGIN} pgjdbc sends in front of a transaction's
 * first statement, in the same message. Close it to stop counting.
 */
final class RoundTrips implements AutoCloseable {
  private static final Logger DRIVER = Logger.getLogger("org.postgresql");

  private final Thread thread = Thread.currentThread();
  private final AtomicInteger count = new AtomicInteger();
  private final AtomicInteger executes = new AtomicInteger();
  private final Level previous = DRIVER.getLevel();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      String message = record.getMessage();
      if (Thread.currentThread() == thread && message != null && message.startsWith(" FE=> Execute")) {
        executes.incrementAndGet();
      }
      if (Thread.currentThread() == thread && message != null
          && (message.equals(" FE=> Sync") || (message.startsWith(" FE=> SimpleQuery") && !begin(record)))) {
        count.incrementAndGet();
      }
    }

    /** pgjdbc writes the BEGIN of a transaction in front of its first statement, before the same Sync. */
    private boolean begin(LogRecord record) {
      Object[] parameters = record.getParameters();
      return parameters != null && parameters.length == 1 && "BEGIN".equals(String.valueOf(parameters[0]));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  RoundTrips() {
    DRIVER.setLevel(Level.FINEST);
    DRIVER.addHandler(handler);
  }

  /** The round trips counted since the last call (or since this counter was made). */
  int take() {
    return count.getAndSet(0);
  }

  /**
   * The statements executed since the last call: one per {@code Execute} message, so a statement that carries the
   * binding counts two (the binding's {@code SELECT} and the statement).
   */
  int takeExecutes() {
    return executes.getAndSet(0);
  }

  /** Counts one round trip more (to put back a count taken in between). */
  void add() {
    count.incrementAndGet();
  }

  @Override
  public void close() {
    DRIVER.removeHandler(handler);
    DRIVER.setLevel(previous);
  }
}
