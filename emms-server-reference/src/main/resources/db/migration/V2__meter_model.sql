-- The register-map profile of a Modbus meter (sdm630, ddsu666, ...): which registers hold which quantity.
ALTER TABLE meter ADD COLUMN model VARCHAR(32) NULL;
