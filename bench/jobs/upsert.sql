-- Upsert load: a batch (account_updates, a fifth of the table's size: half existing
-- keys, half new) merged into an existing table with INSERT … ON CONFLICT … DO UPDATE.
-- The same text runs on sqletl and PostgreSQL; the benchmark compares the tables after it.

-- query: upsert — add the batch's amounts and visits to existing accounts, insert new ones.
INSERT INTO accounts (id, region, balance, visits, updated_at)
SELECT id, region, amount, visits, seen_at
FROM account_updates
ON CONFLICT (id) DO UPDATE SET
  balance    = accounts.balance + EXCLUDED.balance,
  visits     = accounts.visits + EXCLUDED.visits,
  region     = EXCLUDED.region,
  updated_at = EXCLUDED.updated_at
WHERE accounts.region <> 'closed';
