-- a back reference in WHERE: DocumentDB refuses them in $regex and $regexMatch, so $regexFind tests it
SELECT _id FROM texts WHERE t ~ '(ll|ss)' AND t ~ '([a-zß])\1';
