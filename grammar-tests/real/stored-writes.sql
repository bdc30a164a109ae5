-- ordered
-- DELETE and MERGE read the stored singles (0.1 as a double is the single 0.1; 16777217 is 16777216)
DELETE FROM singles WHERE r = '0.1';
MERGE INTO singles t USING (VALUES (5, 1), (6, 2)) v(id, k) ON t._id = v.id
  WHEN MATCHED AND t.r = 16777216 THEN UPDATE SET grp = 'tie'
  WHEN MATCHED AND t.r < -7.3 THEN UPDATE SET grp = 'below';
SELECT _id, grp, r, d FROM singles ORDER BY _id;
