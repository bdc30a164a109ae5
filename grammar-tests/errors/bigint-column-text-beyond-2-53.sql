-- error at 5:15
-- sqletl refuses integers it cannot hold exactly (PostgreSQL answers)
CREATE TABLE ids (id int PRIMARY KEY, t text);
INSERT INTO ids VALUES (1, '42'), (2, '9007199254740993');
SELECT id, t::bigint AS n FROM ids;
