SELECT _id, (profile->>'score')::numeric AS score, (profile->>'score')::float AS f, ('0' || _id)::int AS padded FROM customers;
