-- An event that cannot be sent however often it is tried (the serializer or the broker refuses it) is set aside
-- here, with its cause, instead of being tried first in every sweep: failed_at marks it, failure says why. An
-- operator re-drives it, once the cause is fixed, with UPDATE expiry_event SET failed_at = NULL, failure = NULL.
ALTER TABLE expiry_event
    ADD COLUMN failed_at DATETIME(3)  NULL,
    ADD COLUMN failure   VARCHAR(255) NULL;
