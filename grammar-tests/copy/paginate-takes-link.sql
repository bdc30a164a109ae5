-- error at 2:68
COPY orders FROM 'https://example.org/orders' WITH (FORMAT 'json', PAGINATE 'header');
