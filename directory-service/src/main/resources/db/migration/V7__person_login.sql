-- The username a person signs in with, so a bearer token can be tied to the person it belongs to.
ALTER TABLE person ADD COLUMN login TEXT CHECK (login IS NULL OR length(login) BETWEEN 1 AND 120);
CREATE UNIQUE INDEX person_login_idx ON person (lower(login));
