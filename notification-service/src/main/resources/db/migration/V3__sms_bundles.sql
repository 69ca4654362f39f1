-- Pages held back by the per-person SMS limit and bundled into one summary SMS (identified by its message key,
-- which all attempts of the summary share). A page is in at most one bundle.
CREATE TABLE sms_bundle_member (
    page_id     UUID PRIMARY KEY REFERENCES page_delivery (page_id),
    message_key TEXT        NOT NULL,
    -- The page's channel (position in its plan) the summary stands in for.
    channel_rank INT        NOT NULL,
    added_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX sms_bundle_member_key ON sms_bundle_member (message_key);
