package dev.keyway.store.jdbc;

import dev.keyway.core.secrets.DataKey;
import dev.keyway.core.secrets.MasterKey;
import dev.keyway.core.secrets.SecretStoreException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store's data keys, wrapped by the master key in {@code keyway_data_keys}: the active one
 * seals new tokens, and any one opens the tokens it sealed (another node may have made its own at
 * the same first start). Thread-safe.
 */
final class DataKeys {

  private final MasterKey master;
  private final Map<String, DataKey> byId = new ConcurrentHashMap<>();
  private final DataKey active;

  private DataKeys(MasterKey master, DataKey active) {
    this.master = master;
    this.active = active;
    byId.put(active.id(), active);
  }

  /**
   * Loads the data keys of {@code connection}'s database, making the first one if there is none.
   */
  static DataKeys load(Connection connection, MasterKey master) throws SQLException {
    DataKeys keys = null;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, master_key_id, wrapped FROM keyway_data_keys ORDER BY created_at")) {
      try (ResultSet rows = select.executeQuery()) {
        boolean any = false;
        while (rows.next()) {
          any = true;
          if (rows.getString(2).equals(master.id()) && keys == null) {
            keys =
                new DataKeys(
                    master,
                    DataKey.unwrap(
                        rows.getString(1), Base64.getDecoder().decode(rows.getString(3)), master));
          }
        }
        if (keys == null && any) {
          throw new SecretStoreException(
              "the token store's data keys are wrapped by another master key than "
                  + master.id()
                  + " ("
                  + master.source()
                  + "); use the master key the store was made with");
        }
      }
    }
    if (keys != null) {
      return keys;
    }
    byte[] id = new byte[8];
    new SecureRandom().nextBytes(id);
    DataKey made = DataKey.generate("dk-" + HexFormat.of().formatHex(id));
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO keyway_data_keys (id, master_key_id, wrapped, created_at)"
                + " VALUES (?, ?, ?, ?)")) {
      insert.setString(1, made.id());
      insert.setString(2, master.id());
      insert.setString(3, Base64.getEncoder().encodeToString(made.wrap(master)));
      insert.setTimestamp(4, Timestamp.from(Instant.now()));
      insert.executeUpdate();
    }
    return new DataKeys(master, made);
  }

  /** Returns the key that seals new tokens. */
  DataKey active() {
    return active;
  }

  /** Returns data key {@code id}, reading it from the database if this node has not seen it. */
  DataKey get(String id, Connection connection) throws SQLException {
    DataKey known = byId.get(id);
    if (known != null) {
      return known;
    }
    try (PreparedStatement select =
        connection.prepareStatement("SELECT wrapped FROM keyway_data_keys WHERE id = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          throw new SecretStoreException("a stored token names data key " + id + ", which is gone");
        }
        DataKey key = DataKey.unwrap(id, Base64.getDecoder().decode(rows.getString(1)), master);
        byId.put(id, key);
        return key;
      }
    }
  }
}
