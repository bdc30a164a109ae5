SELECT _id, active IS TRUE AS t, active IS NOT TRUE AS nt, active IS FALSE AS f,
       active IS NOT FALSE AS nf, active IS UNKNOWN AS u, active IS NOT UNKNOWN AS nu
FROM products;
