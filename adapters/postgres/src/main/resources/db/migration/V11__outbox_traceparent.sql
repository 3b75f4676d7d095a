-- The W3C trace context of the request that raised the event, as its traceparent header
-- (00-<trace id>-<span id>-<flags>), which the relay sends as the CloudEvents attribute traceparent, so a consumer's
-- work continues the request's trace. Null for an event raised outside any trace. Nullable without a default: adding
-- it rewrites no row and holds the table's lock for an instant only.
ALTER TABLE outbox ADD COLUMN traceparent text;
