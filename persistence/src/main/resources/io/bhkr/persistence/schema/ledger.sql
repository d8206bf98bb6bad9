-- The conservation audit's read side (io.bhkr.persistence.ledger), the same on H2 and PostgreSQL:
-- unquoted lower-case names (the H2 URL sets DATABASE_TO_UPPER=false, so H2 keeps them as
-- written, as PostgreSQL does), amounts as signed NUMERIC(100, 0) of base units.

-- akka-projection-jdbc 1.2.5: the offset store and the management table exactly as its
-- h2-dialect and postgres-dialect create them with use-lowercase-schema = true.
CREATE TABLE IF NOT EXISTS akka_projection_offset_store (
  projection_name VARCHAR(255) NOT NULL,
  projection_key VARCHAR(255) NOT NULL,
  current_offset VARCHAR(255) NOT NULL,
  manifest VARCHAR(4) NOT NULL,
  mergeable BOOLEAN NOT NULL,
  last_updated BIGINT NOT NULL,
  PRIMARY KEY(projection_name, projection_key)
);

CREATE INDEX IF NOT EXISTS projection_name_index ON akka_projection_offset_store (projection_name);

CREATE TABLE IF NOT EXISTS akka_projection_management (
  projection_name VARCHAR(255) NOT NULL,
  projection_key VARCHAR(255) NOT NULL,
  paused BOOLEAN NOT NULL,
  last_updated BIGINT NOT NULL,
  PRIMARY KEY(projection_name, projection_key)
);

-- One row per asset: what each kind of holder keeps, what is in flight, what entered and left,
-- and how many transfer ids are in each state (io.bhkr.persistence.ledger.TransferCounts).
CREATE TABLE IF NOT EXISTS ledger_assets (
  asset VARCHAR(16) NOT NULL PRIMARY KEY,
  held_accounts NUMERIC(100, 0) NOT NULL,
  held_escrow NUMERIC(100, 0) NOT NULL,
  held_collateral NUMERIC(100, 0) NOT NULL,
  held_pools NUMERIC(100, 0) NOT NULL,
  held_stakes NUMERIC(100, 0) NOT NULL,
  held_other NUMERIC(100, 0) NOT NULL,
  in_flight NUMERIC(100, 0) NOT NULL,
  deposited NUMERIC(100, 0) NOT NULL,
  withdrawn NUMERIC(100, 0) NOT NULL,
  minted NUMERIC(100, 0) NOT NULL,
  burned NUMERIC(100, 0) NOT NULL,
  transfers_sent BIGINT NOT NULL,
  transfers_received BIGINT NOT NULL,
  transfers_in_flight BIGINT NOT NULL,
  received_twice BIGINT NOT NULL,
  received_unsent BIGINT NOT NULL,
  sent_twice BIGINT NOT NULL,
  amount_differs BIGINT NOT NULL
);

-- One row per transfer id ever SENT or RECEIVED.
CREATE TABLE IF NOT EXISTS ledger_transfers (
  transfer_id VARCHAR(512) NOT NULL PRIMARY KEY,
  asset VARCHAR(16) NOT NULL,
  amount NUMERIC(100, 0) NOT NULL,
  sent INTEGER NOT NULL,
  received INTEGER NOT NULL,
  received_unsent BOOLEAN NOT NULL,
  amount_differs BOOLEAN NOT NULL
);

-- Every anomaly found, in journal order.
CREATE TABLE IF NOT EXISTS ledger_anomalies (
  event_offset BIGINT NOT NULL,
  kind VARCHAR(32) NOT NULL,
  transfer_id VARCHAR(512) NOT NULL,
  asset VARCHAR(16) NOT NULL,
  amount NUMERIC(100, 0) NOT NULL,
  persistence_id VARCHAR(255) NOT NULL
);

CREATE INDEX IF NOT EXISTS ledger_anomalies_offset_idx ON ledger_anomalies (event_offset);

-- How far the projection has read, written in the same transaction as the totals.
CREATE TABLE IF NOT EXISTS ledger_progress (
  projection_name VARCHAR(255) NOT NULL PRIMARY KEY,
  up_to BIGINT NOT NULL,
  events BIGINT NOT NULL
);

-- On the cassandra profile only: per projection and persistence id, the highest sequence number
-- folded (io.bhkr.persistence.projection.FoldedEvents), so that a query started a window before
-- its offset folds nothing twice. Empty on H2 and PostgreSQL.
CREATE TABLE IF NOT EXISTS projection_folded (
  projection_id VARCHAR(255) NOT NULL,
  persistence_id VARCHAR(255) NOT NULL,
  sequence_nr BIGINT NOT NULL,
  PRIMARY KEY (projection_id, persistence_id)
);
