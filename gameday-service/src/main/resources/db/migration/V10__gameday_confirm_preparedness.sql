-- A game day can ask each participant, in their notice, to confirm their access and tools are in place.
ALTER TABLE game_day ADD COLUMN confirm_preparedness BOOLEAN NOT NULL DEFAULT false;
