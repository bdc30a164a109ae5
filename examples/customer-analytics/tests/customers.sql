-- Data tests of the customers collection (no DDL: the generic tests are declared here).
--   sqletl test examples/customer-analytics/tests --data examples/customer-analytics/data

-- test customers: not_null(email, registered_at), unique(_id), unique(email)
-- test customers: accepted_values(tier: 'free', 'basic', 'pro', 'enterprise')

-- every email has one @ and a domain
SELECT _id, email FROM customers WHERE email NOT LIKE '%_@_%._%';

-- a customer does not log in before signing up
SELECT _id, registered_at, last_login FROM customers WHERE last_login < registered_at;

-- lifetime value is never negative
SELECT _id, lifetime_value FROM customers WHERE lifetime_value < 0;
