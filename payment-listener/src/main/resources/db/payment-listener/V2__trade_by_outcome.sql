-- Operators list trades by outcome (the FLAGGED ones wait for them), newest first.
ALTER TABLE payment_trade ADD KEY payment_trade_by_outcome (outcome, decided_at);
