-- replace a key, a nested key, add a key (create_missing defaults to true), not with create_missing false;
-- a missing parent leaves the value as it is; a missing profile (9) gives NULL
SELECT _id,
  jsonb_set(profile, '{premium}', 'false') AS unpremium,
  jsonb_set(profile, '{address,city}', '"Rome"') AS moved,
  jsonb_set(profile, '{address,zip}', '"00100"') AS zipped,
  jsonb_set(profile, '{address,zip}', '"00100"', false) AS not_created,
  jsonb_set(profile, '{nothing,deep}', '1') AS missing_parent,
  jsonb_set(profile, '{}', '1') AS empty_path
FROM customers;
