package io.emms.server.db;

import io.emms.core.reading.Quality;
import io.emms.core.reading.Quantity;
import io.emms.core.reading.Reading;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Reads and writes the {@code reading} table. Writes are multi-row {@code INSERT … ON DUPLICATE KEY UPDATE}
 * statements (the portable fast path: Connector/J's bulk protocol does not cover upserts), so writing the same
 * reading twice leaves one row: the ingestion pipeline relies on that to replay after a failure.
 */
public final class ReadingStore {

  private static final String UPSERT_HEAD = "INSERT INTO reading (meter_id, quantity, ts, value, quality) VALUES ";
  private static final String UPSERT_TAIL = " ON DUPLICATE KEY UPDATE value = VALUES(value), quality = VALUES(quality)";

  private final DataSource dataSource;
  private final Map<Integer, String> upsertBySize = new ConcurrentHashMap<>();

  public ReadingStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Writes readings in one statement and one transaction.
   *
   * @throws DatabaseException when the database cannot be reached or refuses the batch; nothing is committed
   */
  public void write(List<Reading> readings) {
    if (readings.isEmpty()) {
      return;
    }
    String sql = upsertBySize.computeIfAbsent(readings.size(), ReadingStore::upsertSql);
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int i = 1;
        for (Reading r : readings) {
          ps.setString(i++, r.meterId());
          ps.setString(i++, r.quantity().toString());
          SqlTime.set(ps, i++, r.timestamp());
          ps.setBigDecimal(i++, r.value());
          ps.setString(i++, r.quality().name());
        }
        ps.executeUpdate();
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new DatabaseException("cannot write " + readings.size() + " readings: " + e.getMessage(), e);
    }
  }

  /**
   * Readings of one meter and quantity in {@code [from, to)}, oldest first, at most {@code limit}.
   */
  public List<Reading> range(String meterId, Quantity quantity, Instant from, Instant to, int limit) {
    String sql = "SELECT ts, value, quality FROM reading WHERE meter_id = ? AND quantity = ? AND ts >= ? AND ts < ?"
        + " ORDER BY ts LIMIT ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, meterId);
      ps.setString(2, quantity.toString());
      SqlTime.set(ps, 3, from);
      SqlTime.set(ps, 4, to);
      ps.setInt(5, limit);
      List<Reading> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Reading(meterId, quantity, rs.getBigDecimal(2), SqlTime.get(rs, 1),
              Quality.valueOf(rs.getString(3))));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new DatabaseException("cannot read readings of " + meterId + ": " + e.getMessage(), e);
    }
  }

  private static String upsertSql(int rows) {
    StringBuilder sb = new StringBuilder(UPSERT_HEAD.length() + rows * 12 + UPSERT_TAIL.length());
    sb.append(UPSERT_HEAD);
    for (int i = 0; i < rows; i++) {
      sb.append(i == 0 ? "(?,?,?,?,?)" : ",(?,?,?,?,?)");
    }
    return sb.append(UPSERT_TAIL).toString();
  }
}
