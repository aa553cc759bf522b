package io.emms.spark.internal;

import org.apache.spark.sql.jdbc.JdbcDialect;

/**
 * Lets Spark's JDBC source talk to MariaDB through its own driver ({@code jdbc:mariadb:} URLs): Spark's MySQL
 * dialect claims only {@code jdbc:mysql:}, and without a dialect Spark quotes column names with double quotes, which
 * MariaDB reads as string literals.
 */
public final class MariaDbDialect extends JdbcDialect {

  private static final long serialVersionUID = 1L;

  @Override
  public boolean canHandle(String url) {
    return url.startsWith("jdbc:mariadb:");
  }

  @Override
  public String quoteIdentifier(String column) {
    return "`" + column.replace("`", "``") + "`";
  }
}
