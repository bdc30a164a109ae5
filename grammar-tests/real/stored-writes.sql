-- ordered
-- UPDATE, DELETE and MERGE read the stored singles; an UPDATE writes the rounded value back
UPDATE singles SET d = r WHERE r < 2;
DELETE FROM singles WHERE r = '0.1';
MERGE INTO singles t USING (VALUES (5, 1)) v(id, k) ON t._id = v.id
  WHEN MATCHED AND t.r = 16777216 THEN UPDATE SET grp = 'tie';
UPDATE singles SET r = r * 2 WHERE _id IN (1, 6);
SELECT _id, grp, r, d FROM singles ORDER BY _id;
