-- no-schema
-- without declared columns the argument's type is known only at run time
SELECT _id, upper(t) AS u, lower(t) AS l, initcap(t) AS i FROM texts WHERE _id IN (1, 5, 17, 14);
