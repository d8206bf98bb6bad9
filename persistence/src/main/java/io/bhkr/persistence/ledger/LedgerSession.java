package io.bhkr.persistence.ledger;

import akka.japi.function.Function;
import akka.projection.jdbc.JdbcSession;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One transaction of the ledger projection: the handler's writes and the projection's offset go
 * through the same connection and are committed together, which is what makes it exactly once.
 */
public final class LedgerSession implements JdbcSession {

  private final LedgerDatabase database;
  private Connection connection;

  public LedgerSession(LedgerDatabase database) {
    this.database = database;
  }

  // The connection is taken on first use, on the projection's blocking dispatcher, not where the
  // session is made.
  private Connection connection() throws SQLException {
    if (connection == null) connection = database.acquire();
    return connection;
  }

  @Override
  public <Result> Result withConnection(Function<Connection, Result> func) throws Exception {
    return func.apply(connection());
  }

  @Override
  public void commit() throws SQLException {
    if (connection != null) connection.commit();
  }

  @Override
  public void rollback() throws SQLException {
    if (connection != null) connection.rollback();
  }

  @Override
  public void close() {
    if (connection != null) database.release(connection);
    connection = null;
  }
}
