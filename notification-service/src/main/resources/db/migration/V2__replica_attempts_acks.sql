-- Local replica of contacts from muster.directory.v1: paging reads channels only from here, so a directory
-- outage never stops a page. Channels are kept as the snapshot carried them (JSON array).
CREATE TABLE contact_replica (
    contact_id   UUID PRIMARY KEY,
    display_name TEXT        NOT NULL,
    active       BOOLEAN     NOT NULL,
    channels     TEXT        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);

ALTER TABLE page_delivery ADD COLUMN summary TEXT;
-- Short code a responder replies with by SMS ("ACK 4821"); unique among unacknowledged pages of one person.
ALTER TABLE page_delivery ADD COLUMN ack_code TEXT;
-- The person's pageable channels in preference order when the page came in (JSON array), so fallback uses the
-- same list even if the directory changes mid-delivery.
ALTER TABLE page_delivery ADD COLUMN channel_plan TEXT;
ALTER TABLE page_delivery ADD COLUMN acknowledged_at TIMESTAMPTZ;
ALTER TABLE page_delivery ADD COLUMN ack_method TEXT;

-- The send queue and the record of every attempt. One row per (message, channel, attempt number); a worker per
-- channel type claims due PENDING rows with FOR UPDATE SKIP LOCKED, marks them IN_FLIGHT and commits before it
-- calls the provider, then records the outcome. The unique key makes a duplicate attempt impossible.
CREATE TABLE send_attempt (
    id                  UUID PRIMARY KEY,
    page_id             UUID,
    verification_id     UUID,
    contact_id          UUID        NOT NULL,
    incident_id         UUID,
    purpose             TEXT        NOT NULL,
    channel_type        TEXT        NOT NULL,
    channel_rank        INT         NOT NULL,
    address             TEXT        NOT NULL,
    attempt             INT         NOT NULL,
    state               TEXT        NOT NULL,
    subject             TEXT,
    body_text           TEXT        NOT NULL,
    body_html           TEXT,
    -- Stable per logical message (all attempts of one page on one channel): the email Message-ID header.
    message_key         TEXT        NOT NULL,
    critical            BOOLEAN     NOT NULL,
    drill               BOOLEAN     NOT NULL,
    requested_at        TIMESTAMPTZ NOT NULL,
    due_at              TIMESTAMPTZ NOT NULL,
    claimed_at          TIMESTAMPTZ,
    finished_at         TIMESTAMPTZ,
    provider_message_id TEXT,
    error               TEXT,
    CONSTRAINT send_attempt_once UNIQUE (message_key, attempt)
);
CREATE INDEX send_attempt_due ON send_attempt (channel_type, state, due_at);
CREATE INDEX send_attempt_page ON send_attempt (page_id);
CREATE INDEX send_attempt_contact ON send_attempt (contact_id, channel_type, requested_at);

-- Email ack links: the token's nonce, so a link works once and only for its page.
CREATE TABLE ack_token (
    nonce      TEXT PRIMARY KEY,
    page_id    UUID        NOT NULL REFERENCES page_delivery (page_id),
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
