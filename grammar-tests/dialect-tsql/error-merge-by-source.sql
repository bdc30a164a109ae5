-- error at 4:1
MERGE tiers AS t
USING customers AS s ON t.id = s._id
WHEN NOT MATCHED BY SOURCE THEN DELETE;
