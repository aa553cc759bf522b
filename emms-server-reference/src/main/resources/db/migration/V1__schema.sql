-- EMMS reference server schema. Kept to the SQL that MySQL 8, MariaDB 10.11+ and TiDB share:
-- no generated columns, no CHECK constraints relied upon, no vendor JSON functions. All times are UTC.

CREATE TABLE site (
  id          VARCHAR(64)  NOT NULL,
  name        VARCHAR(200) NOT NULL,
  parent_id   VARCHAR(64)  NULL,
  PRIMARY KEY (id)
);

-- A line is a way to reach meters: a TCP/UDP endpoint, a serial port, a DTU, an MQTT or NB-IoT uplink.
CREATE TABLE line (
  id          VARCHAR(64)  NOT NULL,
  kind        VARCHAR(32)  NOT NULL,
  address     VARCHAR(255) NOT NULL,
  settings    TEXT         NULL,
  PRIMARY KEY (id)
);

CREATE TABLE meter (
  id               VARCHAR(64)  NOT NULL,
  address          VARCHAR(64)  NOT NULL,
  profile          VARCHAR(32)  NOT NULL,
  site_id          VARCHAR(64)  NULL,
  line_id          VARCHAR(64)  NULL,
  poll_seconds     INT          NOT NULL,
  relay_state      VARCHAR(16)  NULL,
  created_at       DATETIME(3)  NOT NULL,
  updated_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY meter_site (site_id),
  KEY meter_line (line_id)
);

-- One value of one quantity of one meter at one instant. The clustered primary key makes a meter's range scan
-- sequential and a re-delivered reading an idempotent upsert. value is NULL exactly when quality carries none.
CREATE TABLE reading (
  meter_id    VARCHAR(64)    NOT NULL,
  quantity    VARCHAR(48)    NOT NULL,
  ts          DATETIME(3)    NOT NULL,
  value       DECIMAL(20,6)  NULL,
  quality     VARCHAR(12)    NOT NULL,
  PRIMARY KEY (meter_id, quantity, ts)
);

CREATE TABLE interval_consumption (
  meter_id        VARCHAR(64)    NOT NULL,
  quantity        VARCHAR(48)    NOT NULL,
  interval_start  DATETIME(3)    NOT NULL,
  interval_end    DATETIME(3)    NOT NULL,
  energy          DECIMAL(20,6)  NULL,
  flags           VARCHAR(200)   NOT NULL,
  PRIMARY KEY (meter_id, quantity, interval_start)
);

CREATE TABLE tariff (
  id            BIGINT         NOT NULL AUTO_INCREMENT,
  name          VARCHAR(100)   NOT NULL,
  valid_from    DATE           NOT NULL,
  valid_to      DATE           NULL,
  fixed_charge  DECIMAL(12,4)  NOT NULL,
  currency      CHAR(3)        NOT NULL,
  PRIMARY KEY (id)
);

-- A time-of-use period of a tariff: minutes after local midnight, [start_minute, end_minute).
CREATE TABLE tariff_period (
  tariff_id     BIGINT         NOT NULL,
  start_minute  INT            NOT NULL,
  end_minute    INT            NOT NULL,
  register_no   INT            NOT NULL,
  price         DECIMAL(12,6)  NOT NULL,
  PRIMARY KEY (tariff_id, start_minute)
);

CREATE TABLE meter_event (
  id          BIGINT         NOT NULL AUTO_INCREMENT,
  meter_id    VARCHAR(64)    NOT NULL,
  ts          DATETIME(3)    NOT NULL,
  kind        VARCHAR(48)    NOT NULL,
  detail      VARCHAR(1000)  NULL,
  PRIMARY KEY (id),
  KEY meter_event_meter (meter_id, ts)
);

CREATE TABLE meter_command (
  id               BIGINT         NOT NULL AUTO_INCREMENT,
  meter_id         VARCHAR(64)    NOT NULL,
  action           VARCHAR(32)    NOT NULL,
  reason           VARCHAR(500)   NOT NULL,
  idempotency_key  VARCHAR(100)   NOT NULL,
  state            VARCHAR(16)    NOT NULL,
  requested_by     VARCHAR(64)    NOT NULL,
  requested_at     DATETIME(3)    NOT NULL,
  expires_at       DATETIME(3)    NOT NULL,
  updated_at       DATETIME(3)    NOT NULL,
  detail           VARCHAR(1000)  NULL,
  PRIMARY KEY (id),
  UNIQUE KEY meter_command_idem (idempotency_key),
  KEY meter_command_meter (meter_id, requested_at)
);

CREATE TABLE app_user (
  id               BIGINT         NOT NULL AUTO_INCREMENT,
  username         VARCHAR(64)    NOT NULL,
  password_hash    VARCHAR(200)   NOT NULL,
  role             VARCHAR(16)    NOT NULL,
  failed_logins    INT            NOT NULL,
  locked_until     DATETIME(3)    NULL,
  created_at       DATETIME(3)    NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY app_user_name (username)
);

-- The session token itself is never stored: only its SHA-256.
CREATE TABLE app_session (
  token_hash   CHAR(64)      NOT NULL,
  user_id      BIGINT        NOT NULL,
  csrf_token   CHAR(64)      NOT NULL,
  created_at   DATETIME(3)   NOT NULL,
  expires_at   DATETIME(3)   NOT NULL,
  PRIMARY KEY (token_hash),
  KEY app_session_user (user_id)
);

-- Append-only: the server never updates or deletes rows here.
CREATE TABLE audit_log (
  id        BIGINT         NOT NULL AUTO_INCREMENT,
  ts        DATETIME(3)    NOT NULL,
  actor     VARCHAR(64)    NOT NULL,
  action    VARCHAR(64)    NOT NULL,
  target    VARCHAR(200)   NULL,
  detail    VARCHAR(2000)  NULL,
  PRIMARY KEY (id)
);
