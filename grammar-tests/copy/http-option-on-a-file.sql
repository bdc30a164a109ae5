-- error at 2:53
COPY orders FROM 'orders.json' WITH (FORMAT 'json', NEXT 'links.next');
