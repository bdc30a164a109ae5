SELECT _id, (dims->>'w')::numeric * (dims->>'h')::numeric AS area, dims->>'unit' AS unit FROM products WHERE dims->>'unit' = 'cm';
