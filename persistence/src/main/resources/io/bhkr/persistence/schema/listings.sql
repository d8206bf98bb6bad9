-- The listings' read side (io.bhkr.persistence.listings), the same on H2 and PostgreSQL: which
-- providers, nodes, projects and stakes exist, so the API lists a page of them without reading
-- every persistence id of the journal. Filled by the "listings" projection, exactly once.

-- Providers (owner null) and nodes (owner: the node's provider), by id.
CREATE TABLE IF NOT EXISTS listing_entities (
  entity_type VARCHAR(32) NOT NULL,
  id VARCHAR(255) NOT NULL,
  owner VARCHAR(255),
  listed_offset BIGINT NOT NULL,
  PRIMARY KEY (entity_type, id)
);

CREATE INDEX IF NOT EXISTS listing_entities_owner_idx ON listing_entities (entity_type, owner, id);

-- Projects with the fields a listing filters by (io.bhkr.project.ProjectListing).
CREATE TABLE IF NOT EXISTS listing_projects (
  id VARCHAR(255) NOT NULL PRIMARY KEY,
  requester VARCHAR(255),
  provider VARCHAR(255),
  status VARCHAR(16) NOT NULL,
  updated_offset BIGINT NOT NULL
);

CREATE INDEX IF NOT EXISTS listing_projects_status_idx ON listing_projects (status, id);

CREATE INDEX IF NOT EXISTS listing_projects_requester_idx ON listing_projects (requester, id);

CREATE INDEX IF NOT EXISTS listing_projects_provider_idx ON listing_projects (provider, id);

-- The nodes an account has ever staked on (its lots are the node's to tell).
CREATE TABLE IF NOT EXISTS listing_stakes (
  staker VARCHAR(255) NOT NULL,
  node_id VARCHAR(255) NOT NULL,
  listed_offset BIGINT NOT NULL,
  PRIMARY KEY (staker, node_id)
)
