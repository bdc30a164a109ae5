-- ordered
SELECT _id, profile.score FROM customers ORDER BY profile.score DESC NULLS LAST, _id;
