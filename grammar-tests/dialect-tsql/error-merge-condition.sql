-- error at 3:41
MERGE tiers AS t
USING customers AS s ON t.id = s._id AND
WHEN MATCHED THEN DELETE;
