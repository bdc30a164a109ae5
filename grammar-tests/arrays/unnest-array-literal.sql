SELECT x FROM unnest(ARRAY[3, 1, 2]) AS x;
