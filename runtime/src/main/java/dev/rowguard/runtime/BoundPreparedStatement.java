package dev.rowguard.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A prepared statement of a tenant-bound connection. Under {@link TenantBinding#statementScoped()} the driver
 * statement that runs is {@code <binding prefix>; <the application's SQL>}: the application's parameter {@code n}
 * is the driver's {@code n + levels}, the prefix's result is skipped, and {@code getGeneratedKeys} is served by a
 * {@code RETURNING} clause appended here (pgjdbc's own does not combine with a prefix). Batches, stored procedure
 * calls, column-index keys and the transaction-scoped binding run the application's SQL unchanged inside a bound
 * transaction ({@link CheckoutBinding#inBoundTransaction}).
 *
 * <p>The driver statements are made on first use, and parameters and statement settings are replayed onto them,
 * so one application statement can be executed alone and in batches alike.
 */
final class BoundPreparedStatement implements InvocationHandler {
  private static final JdbcProxy<PreparedStatement> PREPARED = JdbcProxy.of(PreparedStatement.class);
  private static final JdbcProxy<CallableStatement> CALLABLE = JdbcProxy.of(CallableStatement.class);
  private static final Set<String> DML = Set.of("insert", "update", "delete", "merge");
  /** Setters whose parameter pgjdbc sends with its type named (see {@link #keepUnnamedOnTheServer}). */
  private static final Set<String> TYPED_SETTERS = Set.of("setInt", "setLong", "setShort", "setByte",
      "setBoolean", "setDouble", "setFloat", "setBigDecimal", "setString", "setBytes");
  private static final Set<Class<?>> TYPED_OBJECTS = Set.of(java.util.UUID.class, Integer.class, Long.class,
      Short.class, Boolean.class, Double.class, Float.class, java.math.BigDecimal.class, String.class);

  private final CheckoutBinding checkout;
  private final Object connection;
  private final ConnectionGuard guard;
  private final Method prepare; // the Connection method the application called, for the unchanged statement
  private final Object[] prepareArgs;
  private final String sql;
  private final SqlText text;
  private final String prefixedSql; // sql behind the binding prefix
  private final boolean callable;
  /** Parameter setters by application index, and statement settings, to replay onto a new driver statement. */
  private final Map<Integer, Setter> parameters = new LinkedHashMap<>();
  /** Parameters whose type the driver leaves to the server (nulls, timestamps, OTHER), by application index. */
  private final Set<Integer> untyped = new java.util.HashSet<>();
  private final List<Object[]> settings = new ArrayList<>();
  private PreparedStatement prefixed; // with the binding prefix
  private PreparedStatement unchanged; // the application's SQL as it is
  private PreparedStatement current; // the one whose results the application reads
  private ResultSet keys; // the RETURNING rows of the last prefixed execution, when keys were asked for
  private long keysCount = -1; // their count, reported once as the update count
  private boolean closed;

  private BoundPreparedStatement(CheckoutBinding checkout, Object connection, ConnectionGuard guard, Method prepare,
      Object[] prepareArgs, BoundTexts.BoundText text) {
    this.checkout = checkout;
    this.connection = connection;
    this.guard = guard;
    this.prepare = prepare;
    this.prepareArgs = prepareArgs;
    this.sql = (String) prepareArgs[0];
    this.text = text.analysis();
    this.prefixedSql = text.prefixed();
    this.callable = prepare.getName().equals("prepareCall");
  }

  /** The statement for {@code connection.<prepare>(args…)}, whose first argument is the SQL. */
  static Object create(CheckoutBinding checkout, Object connection, ConnectionGuard guard, Method prepare,
      Object[] args) {
    BoundTexts.BoundText text = checkout.texts().prepared((String) args[0]);
    BoundPreparedStatement handler = new BoundPreparedStatement(checkout, connection, guard, prepare, args, text);
    return prepare.getReturnType() == CallableStatement.class ? CALLABLE.create(handler) : PREPARED.create(handler);
  }

  /** For a plain {@code Statement}'s text (already escaped): prepared as {@code prepareStatement(sql, extra…)}. */
  static BoundPreparedStatement forPlainStatement(CheckoutBinding checkout, Object connection, ConnectionGuard guard,
      BoundTexts.BoundText text, Object[] args) throws SQLException {
    Method prepare = preparer(args);
    return new BoundPreparedStatement(checkout, connection, guard, prepare, args, text);
  }

  private static Method preparer(Object[] args) throws SQLException {
    Class<?>[] types = new Class<?>[args.length];
    types[0] = String.class;
    for (int i = 1; i < args.length; i++) {
      types[i] = args[i] instanceof Integer ? int.class : args[i].getClass();
    }
    try {
      return java.sql.Connection.class.getMethod("prepareStatement", types);
    } catch (NoSuchMethodException e) {
      throw new SQLException("no prepareStatement for " + List.of(types), e);
    }
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    switch (name) {
      case "getConnection":
        return connection;
      case "unwrap":
        return ((Class<?>) args[0]).isInstance(proxy) ? proxy : any().unwrap((Class<?>) args[0]);
      case "isWrapperFor":
        return ((Class<?>) args[0]).isInstance(proxy) || any().isWrapperFor((Class<?>) args[0]);
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "BoundPreparedStatement[" + sql + "]";
      case "close":
        close();
        return null;
      case "isClosed":
        return closed;
      default:
        break;
    }
    if (closed) {
      throw new SQLException("this statement is closed", "08003");
    }
    int arguments = method.getParameterCount();
    if (name.startsWith("execute")) {
      if (guard != null) {
        guard.check();
      }
      if (arguments > 0) {
        return Reflection.call(unchanged(), method, args); // execute(String) on a PreparedStatement: the driver refuses it
      }
      return execute(name, method);
    }
    Class<?> declaring = method.getDeclaringClass();
    // A parameter setter: its first argument is the parameter's index (a CallableStatement's by-name ones are not).
    if (name.startsWith("set") && declaring != Statement.class && arguments > 0
        && args[0] instanceof Integer index) {
      if (typed(name, args)) {
        untyped.remove(index);
      } else {
        untyped.add(index);
      }
      parameters.put(index, new Setter(method, args)); // the proxy passes a new array on every call
      setParameter(prefixed, method, args, true);
      setParameter(unchanged, method, args, false);
      return null;
    }
    if (name.equals("clearParameters")) {
      parameters.clear();
      untyped.clear();
      for (PreparedStatement made : made()) {
        made.clearParameters();
      }
      return null;
    }
    if (declaring == Statement.class && (name.startsWith("set") || name.equals("closeOnCompletion"))) {
      settings.add(new Object[] {method, args});
      for (PreparedStatement made : made()) {
        Reflection.call(made, method, args);
      }
      return null;
    }
    if (name.equals("addBatch") || name.equals("clearBatch")) {
      return Reflection.call(unchanged(), method, args);
    }
    if (keys != null) {
      switch (name) {
        case "getGeneratedKeys":
          return keys;
        case "getResultSet":
          return null;
        case "getUpdateCount":
          return keysCount >= 0 ? (int) takeKeysCount() : -1;
        case "getLargeUpdateCount":
          return keysCount >= 0 ? takeKeysCount() : -1L;
        case "getMoreResults":
          keysCount = -1;
          return false;
        default:
          break;
      }
    }
    // Metadata and everything else: the statement whose results were read last, else the unchanged one (the
    // prefixed one would describe the binding's SELECT).
    return Reflection.call(current != null ? current : unchanged(), method, args);
  }

  private Object execute(String name, Method method) throws SQLException {
    boolean batch = name.endsWith("Batch");
    boolean viaTransaction = batch || callable || !checkout.piggybacks() || keysByIndex()
        || (wantsKeys() && !(text.sessionNeutral() && text.oneStatement() && DML.contains(text.firstWord())));
    closeKeys();
    boolean neutral = text.sessionNeutral() && !callable;
    try {
      if (checkout.transactionCarriesTenant()) {
        PreparedStatement statement = unchanged();
        current = statement;
        return Reflection.call(statement, method, null);
      }
      if (viaTransaction) {
        PreparedStatement statement = unchanged();
        current = statement;
        return checkout.inBoundTransaction(() -> Reflection.call(statement, method, null));
      }
      return executePrefixed(name);
    } finally {
      if (!neutral) {
        checkout.ranStatementThatMayLeaveState();
      }
    }
  }

  private Object executePrefixed(String name) throws SQLException {
    PreparedStatement statement = prefixed();
    current = statement;
    // Also inside a transaction: pgjdbc caches the description per connection and text, so a text described there
    // would be split by a Sync on a later checkout in auto-commit mode, and run its statement unbound.
    if (!untyped.isEmpty()) {
      keepUnnamedOnTheServer(statement);
    }
    List<String> values = checkout.values();
    for (int i = 0; i < values.size(); i++) {
      statement.setString(i + 1, values.get(i));
    }
    statement.execute();
    checkout.statementBoundTransaction();
    statement.getMoreResults(); // past the binding's own result
    if (wantsKeys()) {
      keys = statement.getResultSet();
      keys.last();
      keysCount = keys.getRow();
      keys.beforeFirst();
    }
    switch (name) {
      case "executeQuery": {
        ResultSet rows = statement.getResultSet();
        if (rows == null) {
          throw new SQLException("No results were returned by the query.", "02000");
        }
        return rows;
      }
      case "executeUpdate":
      case "executeLargeUpdate": {
        long count;
        if (keys != null) {
          count = takeKeysCount();
        } else if (statement.getResultSet() != null) {
          throw new SQLException("A result was returned when none was expected.", "0100E");
        } else {
          count = statement.getLargeUpdateCount();
        }
        return name.equals("executeUpdate") ? (Object) (int) count : (Object) count;
      }
      default: // execute()
        return keys == null && statement.getResultSet() != null;
    }
  }

  private static boolean typed(String setter, Object[] args) {
    if (TYPED_SETTERS.contains(setter)) {
      return args.length == 2 && args[1] != null;
    }
    return setter.equals("setObject") && args.length == 2 && args[1] != null
        && TYPED_OBJECTS.contains(args[1].getClass());
  }

  /**
   * pgjdbc sends a statement that it has prepared on the server and whose parameter types it left open (a null,
   * a timestamp, {@code OTHER}) through a Describe first; once described, it ends the message with a Sync before
   * any statement whose row size it cannot bound (a text column), which would run the binding and the statement
   * in two implicit transactions, and the statement unbound (it fails closed: no rows, writes refused). Such a
   * statement is therefore kept unnamed ({@code prepareThreshold} 0): parsed on every execution, never split. That
   * holds inside a transaction too, where a split would not lose the binding: pgjdbc keeps the description in its
   * per-connection cache, by text, and the next checkout of the connection may run the same text in auto-commit
   * mode. Statements whose parameters all carry their type are prepared on the server as usual.
   */
  private static void keepUnnamedOnTheServer(PreparedStatement statement) throws SQLException {
    if (PG_STATEMENT == null || !statement.isWrapperFor(PG_STATEMENT)) {
      return; // another driver: it has none of pgjdbc's prepare-then-describe behaviour to work around
    }
    Object driver = statement.unwrap(PG_STATEMENT);
    try {
      if ((Integer) GET_PREPARE_THRESHOLD.invoke(driver) != 0) {
        SET_PREPARE_THRESHOLD.invoke(driver, 0);
      }
    } catch (ReflectiveOperationException e) {
      throw new SQLException("could not set pgjdbc's prepareThreshold", e);
    }
  }

  // pgjdbc's statement interface and its threshold accessors, looked up once (null without pgjdbc).
  private static final Class<?> PG_STATEMENT = pgStatementClass();
  private static final Method GET_PREPARE_THRESHOLD = pgStatementMethod("getPrepareThreshold");
  private static final Method SET_PREPARE_THRESHOLD = pgStatementMethod("setPrepareThreshold", int.class);

  private static Class<?> pgStatementClass() {
    try {
      return Class.forName("org.postgresql.PGStatement", false, BoundPreparedStatement.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
  }

  private static Method pgStatementMethod(String name, Class<?>... parameters) {
    if (PG_STATEMENT == null) {
      return null;
    }
    try {
      return PG_STATEMENT.getMethod(name, parameters);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("pgjdbc's PGStatement has no " + name, e);
    }
  }

  private long takeKeysCount() {
    long count = keysCount;
    keysCount = -1;
    return count;
  }

  private boolean wantsKeys() {
    if (prepareArgs.length != 2) {
      return false;
    }
    Object extra = prepareArgs[1];
    return extra instanceof String[] || (extra instanceof Integer flag && flag == Statement.RETURN_GENERATED_KEYS);
  }

  private boolean keysByIndex() {
    return prepareArgs.length == 2 && prepareArgs[1] instanceof int[];
  }

  private PreparedStatement prefixed() throws SQLException {
    if (prefixed == null) {
      String statementSql = prefixedSql;
      if (wantsKeys()) {
        prefixed = checkout.connection().prepareStatement(statementSql + returning(),
            ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
      } else if (prepareArgs.length >= 3) { // result set type, concurrency (and holdability)
        prefixed = prepareArgs.length == 3
            ? checkout.connection().prepareStatement(statementSql, (Integer) prepareArgs[1], (Integer) prepareArgs[2])
            : checkout.connection().prepareStatement(
                statementSql, (Integer) prepareArgs[1], (Integer) prepareArgs[2], (Integer) prepareArgs[3]);
      } else {
        prefixed = checkout.connection().prepareStatement(statementSql);
      }
      replay(prefixed, true);
    }
    return prefixed;
  }

  /** The RETURNING clause pgjdbc would append: the named columns, quoted, or every column. */
  private String returning() {
    if (text.returning()) {
      return "";
    }
    if (prepareArgs[1] instanceof String[] columns) {
      StringBuilder clause = new StringBuilder("\nRETURNING ");
      for (int i = 0; i < columns.length; i++) {
        clause.append(i == 0 ? "" : ", ").append('"').append(columns[i].replace("\"", "\"\"")).append('"');
      }
      return clause.toString();
    }
    return "\nRETURNING *";
  }

  private PreparedStatement unchanged() throws SQLException {
    if (unchanged == null) {
      Object[] args = prepareArgs.clone();
      unchanged = (PreparedStatement) Reflection.call(checkout.connection(), prepare, args);
      replay(unchanged, false);
    }
    return unchanged;
  }

  private void replay(PreparedStatement statement, boolean shifted) throws SQLException {
    for (Object[] setting : settings) {
      Reflection.call(statement, (Method) setting[0], (Object[]) setting[1]);
    }
    for (Setter parameter : parameters.values()) {
      setParameter(statement, parameter.method(), parameter.args(), shifted);
    }
  }

  private void setParameter(PreparedStatement statement, Method setter, Object[] args, boolean shifted)
      throws SQLException {
    if (statement == null) {
      return;
    }
    Object[] moved = args;
    if (shifted) {
      moved = args.clone();
      moved[0] = (Integer) args[0] + checkout.values().size();
    }
    Reflection.call(statement, setter, moved);
  }

  /** A parameter setter called by the application, to replay onto a driver statement made later. */
  private record Setter(Method method, Object[] args) {}

  private List<PreparedStatement> made() {
    List<PreparedStatement> made = new ArrayList<>(2);
    if (prefixed != null) {
      made.add(prefixed);
    }
    if (unchanged != null) {
      made.add(unchanged);
    }
    return made;
  }

  private Statement any() throws SQLException {
    return current != null ? current : unchanged();
  }

  private void closeKeys() throws SQLException {
    if (keys != null) {
      keys.close();
      keys = null;
      keysCount = -1;
    }
  }

  void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    SQLException failure = null;
    for (Statement made : made()) {
      try {
        made.close();
      } catch (SQLException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Runs {@code method} of this statement for a plain {@code Statement}'s execute call (no arguments). */
  Object executeForPlainStatement(String name) throws SQLException {
    Method method;
    try {
      method = PreparedStatement.class.getMethod(name);
    } catch (NoSuchMethodException e) {
      throw new SQLException("no PreparedStatement." + name + "()", e);
    }
    return execute(name, method);
  }

  /** Applies a plain {@code Statement}'s settings (fetch size, max rows, timeout, …) before it runs. */
  void applySetting(Method method, Object[] args) throws SQLException {
    settings.add(new Object[] {method, args});
    for (PreparedStatement made : made()) {
      Reflection.call(made, method, args);
    }
  }
}
