package io.bhkr.persistence.listings;

import io.bhkr.project.ProjectListing;
import io.bhkr.project.ProjectStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The listings' tables ({@code listings.sql}): the projection's writes, in its transaction, and
 * the pages the API reads. Plain SQL that H2 and PostgreSQL read alike; rows are keyed and paged
 * by id, so a page costs the same however many rows precede it.
 */
final class ListingTables {

  private ListingTables() {}

  /** Lists a provider (owner null) or a node of its provider, once. */
  static void list(Connection c, String entityType, String id, String owner, long offset) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO listing_entities (entity_type, id, owner, listed_offset)"
        + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM listing_entities WHERE entity_type = ? AND id = ?)")) {
      s.setString(1, entityType);
      s.setString(2, id);
      s.setString(3, owner);
      s.setLong(4, offset);
      s.setString(5, entityType);
      s.setString(6, id);
      s.executeUpdate();
    }
  }

  static void listStake(Connection c, String staker, String nodeId, long offset) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO listing_stakes (staker, node_id, listed_offset)"
        + " SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM listing_stakes WHERE staker = ? AND node_id = ?)")) {
      s.setString(1, staker);
      s.setString(2, nodeId);
      s.setLong(3, offset);
      s.setString(4, staker);
      s.setString(5, nodeId);
      s.executeUpdate();
    }
  }

  static Optional<ProjectListing> project(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT requester, provider, status FROM listing_projects WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(new ProjectListing(r.getString(1), r.getString(2), ProjectStatus.valueOf(r.getString(3))))
            : Optional.empty();
      }
    }
  }

  static void putProject(Connection c, String id, ProjectListing p, long offset, boolean exists) throws SQLException {
    String sql = exists ? "UPDATE listing_projects SET requester = ?, provider = ?, status = ?, updated_offset = ? WHERE id = ?"
        : "INSERT INTO listing_projects (requester, provider, status, updated_offset, id) VALUES (?, ?, ?, ?, ?)";
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, p.requester());
      s.setString(2, p.provider());
      s.setString(3, p.status().name());
      s.setLong(4, offset);
      s.setString(5, id);
      s.executeUpdate();
    }
  }

  /** Up to {@code limit} ids after {@code after}, of one type and (if given) one owner. */
  static List<String> ids(Connection c, String entityType, String owner, String after, int limit) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT id FROM listing_entities WHERE entity_type = ? AND id > ?"
        + (owner == null ? "" : " AND owner = ?") + " ORDER BY id")) {
      s.setString(1, entityType);
      s.setString(2, after);
      if (owner != null) s.setString(3, owner);
      return strings(s, limit);
    }
  }

  static List<String> stakedNodes(Connection c, String staker, String after, int limit) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT node_id FROM listing_stakes WHERE staker = ? AND node_id > ? ORDER BY node_id")) {
      s.setString(1, staker);
      s.setString(2, after);
      return strings(s, limit);
    }
  }

  /** Up to {@code limit} project ids after {@code after} that pass the filter (a null field does not filter). */
  static List<String> projects(Connection c, Listings.ProjectFilter f, String after, int limit) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT id FROM listing_projects WHERE id > ?");
    List<String> values = new ArrayList<>(List.of(after));
    if (f.status() != null) {
      sql.append(" AND status = ?");
      values.add(f.status().name());
    }
    if (f.requester() != null) {
      sql.append(" AND requester = ?");
      values.add(f.requester());
    }
    if (f.provider() != null) {
      sql.append(" AND provider = ?");
      values.add(f.provider());
    }
    try (PreparedStatement s = c.prepareStatement(sql.append(" ORDER BY id").toString())) {
      for (int i = 0; i < values.size(); i++) s.setString(i + 1, values.get(i));
      return strings(s, limit);
    }
  }

  /** The offset the listings projection has committed for a tag, 0 before its first event. */
  static long offset(Connection c, String tag) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT current_offset FROM akka_projection_offset_store WHERE projection_name = ? AND projection_key = ?")) {
      s.setString(1, ListingProjection.NAME);
      s.setString(2, tag);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Long.parseLong(r.getString(1)) : 0;
      }
    }
  }

  /** The journal's newest ordering: what a listing must have seen to answer for this moment. */
  static long journalEnd(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT MAX(\"ordering\") FROM \"event_journal\"");
        ResultSet r = s.executeQuery()) {
      return r.next() ? r.getLong(1) : 0;
    }
  }

  /** Whether any event of {@code tag} lies in (from, to]: a range of the event_tag key, short when the projection keeps up. */
  static boolean anyTagged(Connection c, String tag, long from, long to) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT 1 FROM \"event_tag\" WHERE \"event_id\" > ? AND \"event_id\" <= ? AND \"tag\" = ?")) {
      s.setMaxRows(1);
      s.setLong(1, from);
      s.setLong(2, to);
      s.setString(3, tag);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  private static List<String> strings(PreparedStatement s, int limit) throws SQLException {
    s.setMaxRows(limit);
    List<String> out = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) out.add(r.getString(1));
    }
    return out;
  }
}
