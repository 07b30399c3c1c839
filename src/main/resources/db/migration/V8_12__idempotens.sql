-- The Idempotency-Key belongs to the submitter and one request (issue #12): the hash of the request it came with.
alter table application add column request_hash varchar(64);
