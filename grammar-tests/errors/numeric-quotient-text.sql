-- error at 4:15
-- PostgreSQL prints a numeric quotient with the scale it computed (1/3 as 0.33333333333333333333), which a double does not keep
CREATE TABLE m (id int PRIMARY KEY, x numeric);
SELECT id, (x / 3)::text AS third FROM m;
