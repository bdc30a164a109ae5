-- error at 3:50
COPY orders FROM 'https://example.org/orders'
  WITH (FORMAT 'json', ROWS 'data', NEXT 'next', PAGINATE 'link');
