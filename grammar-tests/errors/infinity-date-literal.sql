-- error at 3:8
-- MongoDB dates have no infinities: 'infinity' is refused by name, not called invalid
SELECT 'infinity'::date AS d;
