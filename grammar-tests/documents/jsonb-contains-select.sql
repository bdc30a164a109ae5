-- containment in the select list: NULL for a missing profile (9); a JSON null value (6) is contained by {"premium": null}; {} contains nothing but {}
SELECT _id,
  profile @> '{"premium": null}' AS premium_null,
  profile @> '{}' AS any_object,
  profile @> '{"address": {}}' AS has_address,
  profile <@ '{"premium": false, "score": 42, "address": {"city": "Paris", "country": "FR"}}' AS within_bob,
  '{"premium": true, "score": 87.5, "extra": 1, "address": {"city": "Berlin", "country": "DE", "zip": "10115"}}' @> profile AS within_alice,
  profile @> '{"score": 42.0}' AS score_42
FROM customers;
